"""An authority's existing SCDL open data into the database: one transaction per file.

The file is read and every row checked first (registre.opendata.reader: bad rows refused with
line, field and reason, damaged SIRETs never repaired); then the accepted rows are stored in one
transaction: all of them or, on any failure, none. With ``strict``, a single refused row
refuses the whole file. Importing the same file twice stores nothing new.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from registre.opendata.findings import Finding
from registre.opendata.reader import ScdlImport, read_scdl
from registre.opendata.schemas import DELIBERATIONS
from registre.web.register import services
from registre.web.register.models import Authority, Council, Deliberation, Item, Meeting
from registre.web.register.numbering import next_sequence

from .models import DeliberationOpenData, ImportedGrant

IMPORTED_COUNCIL = "Assemblée délibérante (données SCDL importées)"


@dataclass
class ImportReport:
    source: str
    kind: str
    read: ScdlImport | None = None
    stored: int = 0
    already_there: int = 0
    refused: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None  # the file as a whole was refused: nothing stored

    @property
    def refused_rows(self) -> list[int]:
        return sorted({f.row for f in self.refused if f.row is not None})

    @property
    def ok(self) -> bool:
        return self.error is None

    def lines(self) -> list[str]:
        if self.error:
            return [f"{self.source} : fichier refusé, rien n'est enregistré : {self.error}"]
        read = self.read
        head = (
            f"{self.source} : {self.stored} ligne(s) enregistrée(s), {self.already_there} déjà présente(s), "
            f"{len(self.refused_rows)} refusée(s) (SCDL {self.kind}, format {read.layout}, {read.encoding}, "
            f"séparateur « {read.delimiter} »)"
        )
        return [
            head,
            *(f"  note : {n}" for n in self.notes),
            *(f"  refus : {f.describe()}" for f in self.refused),
        ]

    def as_dict(self) -> dict:
        read = self.read
        return {
            "file": self.source,
            "kind": self.kind,
            "stored": self.stored,
            "already_there": self.already_there,
            "refused_rows": self.refused_rows,
            "refusals": [f.as_dict() for f in self.refused],
            "notes": self.notes,
            "error": self.error,
            "layout": read.layout if read else None,
            "encoding": read.encoding if read else None,
            "delimiter": read.delimiter if read else None,
        }


def import_scdl_file(
    path,
    data: bytes | None = None,
    *,
    authority: Authority | None = None,
    strict: bool = False,
    name: str | None = None,
) -> ImportReport:
    """Read, check, then store. ``authority``: when given, rows of another authority are refused."""
    read = read_scdl(name or path, data if data is not None else Path(path).read_bytes())
    report = ImportReport(read.source, read.kind, read, refused=list(read.refused), notes=list(read.notes))
    rows = read.accepted
    if authority is not None:
        rows, others = _own_rows(rows, read.kind, authority)
        report.refused = sorted(report.refused + others, key=lambda f: f.row or 0)
    if strict and report.refused:
        report.error = (
            f"{len({f.row for f in report.refused})} ligne(s) refusée(s) en mode strict : "
            + report.refused[0].describe()
        )
        return report
    with transaction.atomic():
        store = _store_deliberation if read.kind == DELIBERATIONS else _store_grant
        for row in rows:
            if store(row, read.source, authority):
                report.stored += 1
            else:
                report.already_there += 1
    return report


def _siret_of(record, kind):
    return record.authority_siret if kind == DELIBERATIONS else record.grantor_siret


def _own_rows(rows, kind, authority):
    kept, refused = [], []
    column = "COLL_SIRET" if kind == DELIBERATIONS else "idAttribuant"
    for row in rows:
        siret = _siret_of(row.record, kind)
        if authority.siret and siret == authority.siret:
            kept.append(row)
        else:
            refused.append(
                Finding(
                    "registre:autre-collectivite",
                    f"SIRET « {siret} » : cette ligne n'est pas de {authority.name}"
                    + ("" if authority.siret else " (sa fiche n'a pas de SIRET)"),
                    row.number,
                    row.line,
                    column,
                    siret,
                )
            )
    return kept, refused


def authority_for(name: str, siret: str) -> Authority:
    """The authority with this SIRET; else the one with this name (its SIRET then recorded); else a new one."""
    found = Authority.objects.filter(siret=siret).first()
    if found:
        return found
    found = Authority.objects.filter(name=name).first()
    if found:
        if not found.siret:
            found.siret = siret
            found.save(update_fields=["siret"])
        return found
    base = slugify(name)[:70] or "collectivite"
    slug, n = base, 1
    while Authority.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Authority.objects.create(name=name, slug=slug, siret=siret, kind=_kind(name, siret))


def _kind(name: str, siret: str) -> str:
    text = name.lower()
    if "départ" in text or "depart" in text or siret.startswith("22"):
        return "departement"
    if "région" in text or "region" in text or siret.startswith("23"):
        return "region"
    if "communaut" in text or "métropole" in text or "agglom" in text or siret.startswith("24"):
        return "epci"
    return "commune"


def _store_deliberation(row, source: str, authority) -> bool:
    record = row.record
    authority = authority or authority_for(record.authority_name, record.authority_siret)
    if Deliberation.objects.filter(authority=authority, number=record.deliberation_id).exists():
        return False
    council, _ = Council.objects.get_or_create(authority=authority, name=IMPORTED_COUNCIL)
    meeting, _ = Meeting.objects.get_or_create(
        council=council, date=record.date, defaults={"members_in_office": record.members_in_office}
    )
    position = (meeting.items.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    number = (meeting.items.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    voted = record.votes_for is not None
    item = Item.objects.create(
        meeting=meeting,
        number=number,
        position=position,
        title=record.object[:500],
        vote_kind="show_of_hands" if voted else "no_vote",
        votes_for=record.votes_for,
        votes_against=record.votes_against,
        abstentions=record.abstentions,
    )
    deliberation = Deliberation.objects.create(
        authority=authority,
        item=item,
        number=record.deliberation_id[:40],
        year=record.date.year,
        sequence=next_sequence(authority, record.date.year),
        title=record.object[:500],
        actes_code=record.subject_code,
        prefecture_transmitted_on=record.prefecture_date,
        text=f"Importée de {source}, ligne {row.line}.",
    )
    DeliberationOpenData.objects.create(
        deliberation=deliberation,
        figures_source=DeliberationOpenData.SCDL,
        members_in_office=record.members_in_office,
        voters=record.voters,
        votes_for=record.votes_for,
        votes_against=record.votes_against,
        abstentions=record.abstentions,
        budget_year=record.budget_year or "",
        budget_name=record.budget_name or "",
        prefecture_id=record.prefecture_id or "",
        document_url=record.url or "",
    )
    # Published by the authority elsewhere: recorded as such (its stated figures), frozen and chained.
    services.record_published_elsewhere(
        deliberation,
        figures={
            "members_in_office": record.members_in_office,
            "voters": record.voters,
            "votes_for": record.votes_for,
            "votes_against": record.votes_against,
            "abstentions": record.abstentions,
        },
        origin={"kind": "scdl", "file": Path(source).name, "line": row.line},
    )
    return True


def _fingerprint(record) -> str:
    parts = [
        record.grantor_siret,
        record.agreement_date.isoformat(),
        record.decision_reference or "",
        record.beneficiary_siret or record.beneficiary_rna or record.beneficiary_name,
        record.object,
        str(record.amount.normalize()),
        str(record.payment_start),
        str(record.payment_end),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _store_grant(row, source: str, authority) -> bool:
    record = row.record
    fingerprint = _fingerprint(record)
    if ImportedGrant.objects.filter(fingerprint=fingerprint).exists():
        return False
    ImportedGrant.objects.create(
        authority=authority or authority_for(record.grantor_name, record.grantor_siret),
        grantor_name=record.grantor_name,
        grantor_siret=record.grantor_siret,
        agreement_date=record.agreement_date,
        decision_reference=record.decision_reference or "",
        beneficiary_name=record.beneficiary_name,
        beneficiary_siret=record.beneficiary_siret or "",
        beneficiary_rna=record.beneficiary_rna or "",
        object=record.object,
        amount=record.amount,
        nature=record.nature,
        payment_conditions=record.payment_conditions,
        payment_start=record.payment_start,
        payment_end=record.payment_end,
        eu_notification=record.eu_notification,
        budget_share=record.budget_share,
        rae_id=record.rae_id or "",
        aid_scheme=record.aid_scheme or "",
        source_file=source[:300],
        source_line=row.line,
        fingerprint=fingerprint,
    )
    return True
