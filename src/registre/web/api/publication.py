"""Publishing a deliberation through the API: the SCDL row check that guards it."""

from __future__ import annotations

from django.db import transaction

from registre.opendata.findings import Finding
from registre.opendata.rows import deliberation_row
from registre.opendata.schemas import DELIBERATIONS
from registre.opendata.validate import validate_rows
from registre.web.opendata.records import deliberation_records, ensure_figures
from registre.web.register.models import Deliberation


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
