"""An authority's imported history: the rows kept with findings, their completion, the rows left out.

Completing a row is one action, one transaction: the values given are read and checked as an
export checks them (registre.opendata.reading.check_row); when a finding remains, nothing is
written and the findings say which field and which rule; otherwise the row's values are
replaced (what the file stated is kept untouched), the row becomes publishable, and an
ImportCompletion records who changed what, when, and which findings it answered. A
deliberation row completed is then published as an act of the register.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from registre.opendata.findings import Finding
from registre.opendata.reading import FIELDS, attributes, check_row, stated_cells
from registre.opendata.report import ExportReport, LeftOut, deliberation_label, grant_label
from registre.opendata.schemas import DELIBERATIONS, GRANTS
from registre.web.register.models import Authority

from .models import ImportCompletion, ImportedDeliberation, ImportedGrant, ImportedHistory
from .scdl_import import model_fields, number_taken, publish_imported, register_limits

MODELS: dict[str, type[ImportedHistory]] = {GRANTS: ImportedGrant, DELIBERATIONS: ImportedDeliberation}
ALREADY_COMPLETE = "registre:deja-publiable"


class CompletionRefused(Exception):
    """The values given leave findings: nothing is written."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("; ".join(f.describe() for f in findings))


def kind_of(row: ImportedHistory) -> str:
    return GRANTS if isinstance(row, ImportedGrant) else DELIBERATIONS


def pending(kind: str, authority: Authority | None = None) -> QuerySet[Any]:
    rows = MODELS[kind].objects.filter(status=ImportedHistory.PENDING)
    if authority is not None:
        rows = rows.filter(authority=authority)
    return rows.select_related("authority").order_by("authority__name", "source_file", "source_line", "pk")


def label(row: ImportedHistory) -> str:
    """What the row is, in a few words: beneficiary and amount, or number and object."""
    if isinstance(row, ImportedGrant):
        return grant_label(
            row.beneficiary_name, f"{row.amount.normalize():f}" if row.amount is not None else None
        )
    assert isinstance(row, ImportedDeliberation)
    return deliberation_label(row.deliberation_id, row.object)


def left_out_report(
    kind: str, authority: Authority | None = None, published: int | None = None
) -> ExportReport:
    """The rows the public file of ``kind`` leaves out (imported with findings, not completed)."""
    rows = [
        LeftOut(row.authority.name, row.source_file, row.source_line, label(row), tuple(row.findings))
        for row in pending(kind, authority).iterator(chunk_size=500)
    ]
    return ExportReport(kind, rows, published)


def left_out_groups(kind: str) -> list[dict[str, Any]]:
    """By authority, field and rule: how many rows are left out, and a first message (for /donnees/)."""
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    rows = pending(kind).values_list("authority__name", "findings")
    for authority, findings in rows.iterator(chunk_size=2000):
        for finding in findings:
            key = (authority, finding.get("field") or "", finding["rule"])
            group = groups.setdefault(
                key,
                {
                    "authority": authority,
                    "field": finding.get("field"),
                    "rule": finding["rule"],
                    "message": finding["message"],
                    "rows": 0,
                },
            )
            group["rows"] += 1
    return list(groups.values())


def values_of(row: ImportedHistory) -> dict[str, Any]:
    return {a: getattr(row, a) for a in attributes(kind_of(row))}


def current_cells(row: ImportedHistory) -> dict[str, str]:
    """Each SCDL field as the register holds it; a field it could not read shows what the file stated."""
    kind = kind_of(row)
    values = {a: (v if v != "" else None) for a, v in values_of(row).items()}
    cells = stated_cells(kind, values)
    flagged = {f.get("field") for f in row.findings}
    for cell in row.stated:
        name = cell.get("field")
        if name in flagged and not cells.get(name) and (cell.get("value") or "").strip():
            cells[name] = cell["value"].strip()
    return {name: cells.get(name, "") for name in FIELDS[kind]}


@transaction.atomic
def complete_imported_row(row: ImportedHistory, cells: dict[str, str], user: Any) -> ImportCompletion:
    """Replace the row's values by ``cells`` (SCDL field → text) when they leave no finding."""
    model = type(row)
    row = model.objects.select_for_update().get(pk=row.pk)
    kind = kind_of(row)
    if row.is_publishable:
        raise CompletionRefused(
            [Finding(ALREADY_COMPLETE, "cette ligne n'a plus de réserve : rien à compléter")]
        )
    reading = check_row(kind, cells)
    findings = [f.at(None, None) for f in reading.findings]
    if isinstance(row, ImportedDeliberation):
        findings += register_limits(reading.values)
        findings += number_taken(row.authority, reading.values["deliberation_id"], but=row.pk)
    findings += _authority_findings(row, reading.values)
    if findings:
        raise CompletionRefused(findings)
    before = current_cells(row)
    changes = [
        {"field": name, "before": before.get(name, ""), "after": reading.scdl.get(name, "")}
        for name in FIELDS[kind]
        if before.get(name, "") != reading.scdl.get(name, "")
    ]
    for name, value in model_fields(model, reading.values).items():
        setattr(row, name, value)
    lifted = row.findings
    row.status = ImportedHistory.COMPLETED
    row.save()
    if isinstance(row, ImportedDeliberation):
        publish_imported(row, actor=user)
    return ImportCompletion.objects.create(
        grant=row if isinstance(row, ImportedGrant) else None,
        deliberation=row if isinstance(row, ImportedDeliberation) else None,
        completed_by=user,
        changes=changes,
        lifted=lifted,
    )


def _authority_findings(row: ImportedHistory, values: dict[str, Any]) -> list[Finding]:
    """A completed row stays its authority's: the SIRET given must be the authority's, when it has one."""
    authority = row.authority
    siret = values.get("grantor_siret" if isinstance(row, ImportedGrant) else "authority_siret")
    column = "idAttribuant" if isinstance(row, ImportedGrant) else "COLL_SIRET"
    if authority.siret and siret and siret != authority.siret:
        return [
            Finding(
                "registre:autre-collectivite",
                f"SIRET « {siret} » : ce n'est pas celui de {authority.name} ({authority.siret})",
                field=column,
                value=siret,
            )
        ]
    return []
