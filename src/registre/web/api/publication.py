"""Publishing open data: the SCDL files, and the check that guards each publication."""

from __future__ import annotations

from django.db import transaction

from registre.opendata.findings import Finding
from registre.opendata.rows import deliberation_row
from registre.opendata.schemas import DELIBERATIONS, GRANTS
from registre.opendata.validate import validate_rows
from registre.opendata.writer import ExportResult, export_csv
from registre.web.register.models import Deliberation

from .opendata import deliberation_records, ensure_figures, grant_records, published_deliberations

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


def publish_deliberation(deliberation: Deliberation, base_url: str | None = None) -> list[Finding]:
    """Publish if its SCDL row is valid (official schema + custom checks); else change nothing.

    Returns the findings that blocked the publication (empty when published).
    """
    with transaction.atomic():
        deliberation.publish()
        deliberation.save(update_fields=["status", "published_at"])
        one = Deliberation.objects.filter(pk=deliberation.pk)
        ensure_figures(one)
        record = next(deliberation_records(one, base_url))
        findings = validate_rows(DELIBERATIONS, [deliberation_row(record)])
        if findings:
            transaction.set_rollback(True)
    if findings:
        deliberation.refresh_from_db()
    return findings
