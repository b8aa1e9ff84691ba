"""The SCDL files of an authority's open data, validated row by row and streamed; the chain."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from registre.opendata.report import ExportReport
from registre.opendata.schemas import DELIBERATIONS, GRANTS
from registre.opendata.writer import ExportResult, export_csv
from registre.web.register.addresses import act_url
from registre.web.register.models import PublishedAct

from . import history
from .records import deliberation_records, grant_records, published_deliberations

KIND_BY_NAME = {"scdl-deliberations": DELIBERATIONS, "scdl-subventions": GRANTS}


def export_scdl(kind: str, out, *, authority=None, base_url: str | None = None, **options) -> ExportResult:
    """Write the SCDL file of ``kind``. By default an invalid row blocks (PublicationBlocked,
    nothing written); ``skip_invalid=True`` leaves it out and names it in ``left_out``."""
    if kind == DELIBERATIONS:
        records = deliberation_records(published_deliberations(authority), base_url)
    else:
        records = grant_records(authority)
    return export_csv(kind, records, out, **options)


def file_report(kind: str, result: ExportResult, authority=None) -> ExportReport:
    """One report per file: the imported rows it leaves out (findings not lifted), then the
    records whose row failed a check when the file was written (``skip_invalid``)."""
    report = history.left_out_report(kind, authority, published=result.rows)
    report.rows += result.left_out
    return report


def left_out_count(kind: str, result: ExportResult, authority=None) -> int:
    """How many rows the file's report names, without building it."""
    return history.pending(kind, authority).count() + len(result.left_out)


def export_with_report(
    kind: str, out, *, authority=None, base_url: str | None = None, **options
) -> tuple[ExportResult, ExportReport, Path]:
    """The file, then its report beside it (``<name>.rapport.json``): the rows left out, and why."""
    result = export_scdl(kind, out, authority=authority, base_url=base_url, **options)
    report = file_report(kind, result, authority)
    return result, report, report.write_beside(out)


CHAIN_COLUMNS = (
    "collectivite",
    "rang",
    "numero",
    "publie_le",
    "empreinte",
    "empreinte_precedente",
    "acte",
)


def chain_rows(authority=None, base_url: str | None = None) -> Iterator[dict]:
    """The chain of published acts, authority by authority, in order: what anyone can check."""
    acts = PublishedAct.objects.select_related("authority").order_by("authority__slug", "position")
    if authority is not None:
        acts = acts.filter(authority=authority)
    columns = ("authority__slug", "position", "number", "year", "sequence", "published_at")
    for slug, position, number, year, sequence, published_at, fingerprint, previous in acts.values_list(
        *columns, "fingerprint", "previous_fingerprint"
    ).iterator(chunk_size=2000):
        page = act_url(slug, year, sequence, base_url)
        yield {
            "collectivite": slug,
            "rang": position,
            "numero": number,
            "publie_le": published_at.isoformat(),
            "empreinte": fingerprint,
            "empreinte_precedente": previous,
            "acte": page + "acte.json",
        }


def write_chain_csv(stream, rows) -> None:
    writer = csv.DictWriter(stream, fieldnames=CHAIN_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
