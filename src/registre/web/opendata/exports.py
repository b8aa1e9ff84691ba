"""The SCDL files of an authority's open data, validated row by row and streamed."""

from __future__ import annotations

from pathlib import Path

from registre.opendata.report import ExportReport
from registre.opendata.schemas import DELIBERATIONS, GRANTS
from registre.opendata.writer import ExportResult, export_csv

from .records import deliberation_records, ensure_figures, grant_records, published_deliberations

KIND_BY_NAME = {"scdl-deliberations": DELIBERATIONS, "scdl-subventions": GRANTS}


def export_scdl(kind: str, out, *, authority=None, base_url: str | None = None, **options) -> ExportResult:
    """Write the SCDL file of ``kind``; raises PublicationBlocked (nothing written) on an invalid row."""
    if kind == DELIBERATIONS:
        queryset = published_deliberations(authority)
        ensure_figures(queryset)
        records = deliberation_records(queryset, base_url)
    else:
        records = grant_records(authority)
    return export_csv(kind, records, out, **options)


def export_with_report(
    kind: str, out, *, authority=None, base_url: str | None = None, **options
) -> tuple[ExportResult, ExportReport, Path]:
    """The file, then its report beside it (``<name>.rapport.json``): the imported rows left out, and why."""
    from .history import left_out_report

    result = export_scdl(kind, out, authority=authority, base_url=base_url, **options)
    report = left_out_report(kind, authority, published=result.rows)
    return result, report, report.write_beside(out)
