"""One SCDL row as an authority stated it → what the register understood, and its findings.

The same reading serves a file being imported (opendata.reader) and a row being completed by a
grants officer or a clerk: each field is read only when unambiguous (opendata.values), the
SCDL row it would publish is rebuilt, and that row is checked as an export is (official schema
by frictionless, the schema's custom checks). Nothing is filled in: a field the file does not
have is "non renseigné" and, when the schema requires it, a finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import values as v
from .findings import Finding
from .records import NATURES, PAYMENT_CONDITIONS, DeliberationRecord, GrantRecord
from .rows import deliberation_row, grant_row
from .schemas import DELIBERATIONS, GRANTS, official_schema
from .validate import merge, validate_rows

REQUIRED = "table-schema:required"
Reader = Callable[[str], v.Reading]

# SCDL field → the record attribute(s) it fills, and how its cell is read
GRANT_FIELDS: dict[str, tuple[tuple[str, ...], Reader]] = {
    "nomAttribuant": (("grantor_name",), v.read_text),
    "idAttribuant": (("grantor_siret",), v.read_identifier),
    "dateConvention": (("agreement_date",), v.read_date),
    "referenceDecision": (("decision_reference",), v.read_text),
    "nomBeneficiaire": (("beneficiary_name",), v.read_text),
    "idBeneficiaire": (("beneficiary_siret",), v.read_identifier),
    "rnaBeneficiaire": (("beneficiary_rna",), v.read_text),
    "objet": (("object",), v.read_text),
    "montant": (("amount",), v.read_amount),
    "nature": (("nature",), lambda text: v.read_choice(text, NATURES)),
    "conditionsVersement": (
        ("payment_conditions",),
        lambda text: v.read_conditions(text, PAYMENT_CONDITIONS),
    ),
    "datesPeriodeVersement": (("payment_start", "payment_end"), v.read_period),
    "idRAE": (("rae_id",), v.read_text),
    "notificationUE": (("eu_notification",), v.read_yes_no),
    "pourcentageSubvention": (("budget_share",), v.read_share),
    "dispositifAide": (("aid_scheme",), v.read_text),
}
DELIBERATION_FIELDS: dict[str, tuple[tuple[str, ...], Reader]] = {
    "COLL_NOM": (("authority_name",), v.read_text),
    "COLL_SIRET": (("authority_siret",), v.read_identifier),
    "DELIB_ID": (("deliberation_id",), v.read_text),
    "DELIB_DATE": (("date",), v.read_date),
    "DELIB_MATIERE_CODE": (("subject_code",), v.read_text),
    "DELIB_MATIERE_NOM": (("subject_name",), v.read_text),
    "DELIB_OBJET": (("object",), v.read_text),
    "BUDGET_ANNEE": (("budget_year",), v.read_text),
    "BUDGET_NOM": (("budget_name",), v.read_text),
    "PREF_ID": (("prefecture_id",), v.read_text),
    "PREF_DATE": (("prefecture_date",), v.read_date),
    "VOTE_EFFECTIF": (("members_in_office",), v.read_integer),
    "VOTE_REEL": (("voters",), v.read_integer),
    "VOTE_POUR": (("votes_for",), v.read_integer),
    "VOTE_CONTRE": (("votes_against",), v.read_integer),
    "VOTE_ABSTENTION": (("abstentions",), v.read_integer),
    "DELIB_URL": (("url",), v.read_text),
}
FIELDS = {GRANTS: GRANT_FIELDS, DELIBERATIONS: DELIBERATION_FIELDS}
RECORDS: dict[str, type] = {GRANTS: GrantRecord, DELIBERATIONS: DeliberationRecord}


@dataclass
class RowReading:
    kind: str
    values: dict[str, Any]  # record attribute → value read (None: non renseigné or not read)
    scdl: dict[str, str]  # the SCDL row this reading would publish
    problems: list[Finding] = field(default_factory=list)  # the reading's own findings
    forms: list[tuple[str, str]] = field(default_factory=list)  # (field, how it was written)
    findings: list[Finding] = field(default_factory=list)  # problems + the export's checks

    @property
    def record(self) -> GrantRecord | DeliberationRecord | None:
        """The record to publish, when nothing is left to complete."""
        return RECORDS[self.kind](**self.values) if not self.findings else None

    def judge(self, checks: Iterable[Finding]) -> list[Finding]:
        """The findings: the reading's, then the checks' on the fields the reading could read."""
        unread = {p.field for p in self.problems}
        self.findings = merge([*self.problems, *(f for f in checks if f.field not in unread)])
        return self.findings


def read_row(
    kind: str,
    cells: dict[str, str],
    *,
    absent: Iterable[str] = (),
    absent_reason: str = "",
    unreadable: dict[str, Finding] | None = None,
) -> RowReading:
    """Read ``cells`` (SCDL field → text as stated); ``absent``: fields the file's format lacks."""
    values: dict[str, Any] = {}
    problems: list[Finding] = []
    forms: list[tuple[str, str]] = []
    unread = set()
    for name, (attributes, reader) in FIELDS[kind].items():
        text = v.clean(cells.get(name))
        known = (unreadable or {}).get(name)
        reading = v.NOTHING if known else reader(text)
        if known:
            problems.append(known)
        elif reading.rule:
            problems.append(Finding(reading.rule, reading.message or "", field=name, value=text))
        if known or reading.rule:
            unread.add(name)
        forms += [(name, form) for form in reading.forms]
        if len(attributes) == 1:
            values[attributes[0]] = reading.value
        else:  # a period: (start, end)
            parts = reading.value if isinstance(reading.value, tuple) else (None,) * len(attributes)
            values.update(zip(attributes, parts, strict=True))
    loose = RECORDS[kind](**values)  # frozen dataclasses do not check types: None stays None
    scdl = _scdl(kind, loose)
    for name in unread:
        scdl[name] = ""  # judged by the reading's finding, not twice
    required = required_fields(kind)
    for name in absent:
        if name in required and not scdl.get(name):
            problems.append(
                Finding(
                    REQUIRED,
                    f"non renseigné : la colonne n'existe pas dans ce fichier{absent_reason}",
                    field=name,
                )
            )
    return RowReading(kind, values, scdl, problems, forms)


@cache
def required_fields(kind: str) -> frozenset[str]:
    fields = official_schema(kind).descriptor["fields"]
    return frozenset(f["name"] for f in fields if f.get("constraints", {}).get("required"))


def check_row(kind: str, cells: dict[str, str]) -> RowReading:
    """A row completed by hand (every field given): read, then checked as an export is."""
    reading = read_row(kind, cells)
    reading.judge(validate_rows(kind, [reading.scdl]))
    return reading


def stated_cells(kind: str, record_values: dict[str, Any]) -> dict[str, str]:
    """The SCDL cells of stored values (to prefill a completion form)."""
    return _scdl(kind, RECORDS[kind](**{a: record_values.get(a) for a in attributes(kind)}))


def _scdl(kind: str, record: Any) -> dict[str, str]:
    return grant_row(record) if kind == GRANTS else deliberation_row(record)


def attributes(kind: str) -> tuple[str, ...]:
    return tuple(a for names, _ in FIELDS[kind].values() for a in names)
