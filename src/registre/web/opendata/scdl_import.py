"""An authority's existing SCDL open data into the register as its history: one transaction per file.

The file is read first (registre.opendata.reader): every row that is a row is kept with what it
states and its findings; only what is not a row is refused. Then every kept row is stored in one
transaction: all of them or, on any failure, none. A row with findings is the authority's
history but is not published until a grants officer or a clerk completes it (history.py).
Deliberations without findings are also acts of the register, published as the file published
them (the publication service freezes and chains them, publish_imported). With ``strict``, a refused row or a row with findings refuses the whole file. Importing
the same file twice stores nothing new.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from registre.opendata import actes
from registre.opendata.checks import siret_problem
from registre.opendata.findings import Finding
from registre.opendata.reader import ReadRow, ScdlImport, read_scdl
from registre.opendata.schemas import DELIBERATIONS
from registre.web.register import services
from registre.web.register.models import Authority, Council, Deliberation, Item, Meeting
from registre.web.register.numbering import next_sequence

from .models import DeliberationOpenData, ImportedDeliberation, ImportedGrant, ImportedHistory

IMPORTED_COUNCIL = "Assemblée délibérante (données SCDL importées)"
OTHER_AUTHORITY = "registre:autre-collectivite"
NO_AUTHORITY = "registre:collectivite-inconnue"


@dataclass
class ImportReport:
    source: str
    kind: str
    read: ScdlImport | None = None
    stored: int = 0  # rows kept in the register by this import
    with_findings: int = 0  # of which kept with findings (not published until completed)
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

    @property
    def rows_read(self) -> int:
        return self.read.read if self.read else 0

    def finding_groups(self) -> list[dict[str, Any]]:
        """The findings of the kept rows, by field and rule: how many rows, which lines, why."""
        groups: dict[tuple[str, str], dict[str, Any]] = {}
        for row in self.read.with_findings if self.read else []:
            for finding in row.findings:
                group = groups.setdefault(
                    (finding.field or "", finding.rule),
                    {"field": finding.field, "rule": finding.rule, "message": finding.message, "lines": []},
                )
                group["lines"].append(row.line)
        return list(groups.values())

    def lines(self) -> list[str]:
        if self.error:
            return [f"{self.source} : fichier refusé, rien n'est enregistré : {self.error}"]
        read = self.read
        assert read is not None
        head = (
            f"{self.source} : {self.stored} ligne(s) enregistrée(s) dont {self.with_findings} avec réserves, "
            f"{self.already_there} déjà présente(s), {len(self.refused_rows)} refusée(s) "
            f"({self.rows_read} ligne(s) lue(s) ; SCDL {self.kind}, format {read.layout}, {read.encoding}, "
            f"séparateur « {read.delimiter} »)"
        )
        return [
            head,
            *(f"  note : {n}" for n in self.notes),
            *(_group_line(g) for g in self.finding_groups()),
            *(f"  refus : {f.describe()}" for f in self.refused),
        ]

    def as_dict(self) -> dict[str, Any]:
        read = self.read
        return {
            "file": self.source,
            "kind": self.kind,
            "read": self.rows_read,
            "stored": self.stored,
            "with_findings": self.with_findings,
            "already_there": self.already_there,
            "refused_rows": self.refused_rows,
            "refusals": [f.as_dict() for f in self.refused],
            "findings": [
                {"field": g["field"], "rule": g["rule"], "message": g["message"], "lines": g["lines"]}
                for g in self.finding_groups()
            ],
            "notes": self.notes,
            "error": self.error,
            "layout": read.layout if read else None,
            "encoding": read.encoding if read else None,
            "delimiter": read.delimiter if read else None,
        }


def _group_line(group: dict[str, Any]) -> str:
    lines = group["lines"]
    shown = ", ".join(str(n) for n in lines[:8]) + (" …" if len(lines) > 8 else "")
    message = " ".join(group["message"].split())
    message = message if len(message) <= 160 else message[:159] + "…"
    return (
        f"  réserve : champ {group['field'] or '(ligne)'} [règle {group['rule']}] : {len(lines)} ligne(s) "
        f"(lignes {shown}) — ex. ligne {lines[0]} : {message}"
    )


def import_scdl_file(
    path,
    data: bytes | None = None,
    *,
    authority: Authority | None = None,
    strict: bool = False,
    name: str | None = None,
) -> ImportReport:
    """Read, then store every row kept. ``authority``: when given, rows of another authority are refused."""
    read = read_scdl(name or path, data if data is not None else Path(path).read_bytes())
    report = ImportReport(read.source, read.kind, read, refused=list(read.refused), notes=list(read.notes))
    owners = _Owners(read, authority)
    rows = []
    for row in read.rows:
        owner, refusal = owners.of(row)
        if refusal:
            report.refused.append(refusal)
        else:
            rows.append((row, owner))
    report.refused.sort(key=lambda f: f.row or 0)
    pending = sum(1 for row, _ in rows if row.findings)
    if strict and (report.refused or pending):
        first = report.refused[0] if report.refused else next(r for r, _ in rows if r.findings).findings[0]
        report.error = (
            f"{len(report.refused_rows)} ligne(s) refusée(s) et {pending} avec réserves en mode strict : "
            + first.describe()
        )
        return report
    store = store_imported_deliberation if read.kind == DELIBERATIONS else store_imported_grant
    seen: Counter[str] = Counter()
    with transaction.atomic():
        for row, owner in rows:
            base = _fingerprint(read.kind, row)
            seen[base] += 1
            fingerprint = base if seen[base] == 1 else _digest(f"{base}\x1f{seen[base]}")
            stored = store(row, owner, source=read.source, layout=read.layout, fingerprint=fingerprint)
            if stored is None:
                report.already_there += 1
            else:
                report.stored += 1
                report.with_findings += not stored.is_publishable
    return report


# ----- whose row it is -----


def _valid_siret(siret: str | None) -> bool:
    return bool(siret) and siret_problem(siret or "") is None


class _Owners:
    """The authority of each row: the one given, or the one its SIRET (valid) or its name designates.

    A row that names no authority belongs to the file's authority when the file names exactly
    one; otherwise it cannot be placed and is refused.
    """

    def __init__(self, read: ScdlImport, authority: Authority | None):
        self.kind = read.kind
        self.authority = authority
        self.found: dict[tuple[str, str], Authority] = {}
        named = {self._said(row) for row in read.rows} - {("", "")}
        self.only = next(iter(named)) if len(named) == 1 else None

    def _said(self, row: ReadRow) -> tuple[str, str]:
        values = row.values
        if self.kind == DELIBERATIONS:
            name, siret = values["authority_name"], values["authority_siret"]
        else:
            name, siret = values["grantor_name"], values["grantor_siret"]
        return (name or "").strip(), (siret or "").strip() if _valid_siret(siret) else ""

    def of(self, row: ReadRow) -> tuple[Authority | None, Finding | None]:
        name, siret = self._said(row)
        column = "COLL_SIRET" if self.kind == DELIBERATIONS else "idAttribuant"
        if self.authority is not None:
            mine = siret == self.authority.siret if siret else (not name or _same(name, self.authority.name))
            if mine:
                return self.authority, None
            said = siret or name
            return None, Finding(
                OTHER_AUTHORITY,
                f"« {said} » : cette ligne n'est pas de {self.authority.name}"
                + ("" if self.authority.siret else " (sa fiche n'a pas de SIRET)"),
                row.number,
                row.line,
                column,
                said,
            )
        if not name and not siret:
            if self.only is None:
                return None, Finding(
                    NO_AUTHORITY,
                    "la ligne ne nomme pas sa collectivité (ni nom, ni SIRET valide) et le fichier en nomme "
                    "plusieurs : importez-le pour une collectivité (--authority)",
                    row.number,
                    row.line,
                    column,
                )
            name, siret = self.only
        key = (name, siret)
        if key not in self.found:
            self.found[key] = authority_for(name, siret)
        return self.found[key], None


def _same(a: str, b: str) -> bool:
    return " ".join(actes.fold(a).split()) == " ".join(actes.fold(b).split())


def authority_for(name: str, siret: str) -> Authority:
    """The authority with this SIRET (valid); else the one with this name; else a new one.

    A SIRET that is not valid (a damaged one) is never recorded on the authority.
    """
    valid = _valid_siret(siret)
    if valid:
        found = Authority.objects.filter(siret=siret).first()
        if found:
            return found
    found = Authority.objects.filter(name=name).first() or next(
        (a for a in Authority.objects.all() if _same(a.name, name)), None
    )
    if found:
        if valid and not found.siret:
            found.siret = siret
            found.save(update_fields=["siret"])
        return found
    base = slugify(name or f"siret-{siret}")[:70] or "collectivite"
    slug, n = base, 1
    while Authority.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Authority.objects.create(
        name=(name or f"SIRET {siret}")[:200],
        slug=slug,
        siret=siret if valid else "",
        kind=_kind(name, siret),
    )


def _kind(name: str, siret: str) -> str:
    text = actes.fold(name)
    if "depart" in text or siret.startswith("22"):
        return "departement"
    if "region" in text or siret.startswith("23"):
        return "region"
    if "communaut" in text or "metropole" in text or "agglom" in text or siret.startswith("24"):
        return "epci"
    return "commune"


# ----- storing -----


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fingerprint(kind: str, row: ReadRow) -> str:
    """What the row states, cell by cell: the same row imported again is recognised."""
    cells = "\x1f".join(f"{c['column'].strip()}\x1e{c['value'].strip()}" for c in row.stated)
    return _digest(f"{kind}\x1f{cells}")


def model_fields(model: type[ImportedHistory], values: dict[str, Any]) -> dict[str, Any]:
    """Values read → model fields; "non renseigné" is the empty text for text fields."""
    out = {}
    for name, value in values.items():
        model_field = model._meta.get_field(name)
        out[name] = "" if value is None and model_field.get_internal_type() == "TextField" else value
    return out


def _history(row: ReadRow, source: str, layout: str, fingerprint: str) -> dict[str, Any]:
    findings = [f.as_dict() for f in row.findings]
    return {
        "source_file": Path(source).name[:300],
        "source_line": row.line,
        "layout": layout,
        "stated": row.stated,
        "findings": findings,
        "status": ImportedHistory.PENDING if findings else ImportedHistory.COMPLETE,
        "fingerprint": fingerprint,
    }


def store_imported_grant(
    row: ReadRow, authority: Authority, *, source: str, layout: str, fingerprint: str
) -> ImportedGrant | None:
    """Keep one grant row as the authority's history. None: already imported."""
    if ImportedGrant.objects.filter(fingerprint=fingerprint).exists():
        return None
    return ImportedGrant.objects.create(
        authority=authority,
        **model_fields(ImportedGrant, row.values),
        **_history(row, source, layout, fingerprint),
    )


def store_imported_deliberation(
    row: ReadRow, authority: Authority, *, source: str, layout: str, fingerprint: str
) -> ImportedDeliberation | None:
    """Keep one deliberation row as the authority's history; without findings, its act is published.

    The one place where an imported deliberation enters the register (see publish_imported).
    None: already imported.
    """
    if ImportedDeliberation.objects.filter(fingerprint=fingerprint).exists():
        return None
    history = _history(row, source, layout, fingerprint)
    beyond = register_limits(row.values) + number_taken(authority, row.values["deliberation_id"])
    if beyond:
        history["findings"] += [f.at(row.number, row.line).as_dict() for f in beyond]
        history["status"] = ImportedHistory.PENDING
    imported = ImportedDeliberation.objects.create(
        authority=authority, **model_fields(ImportedDeliberation, row.values), **history
    )
    if imported.is_publishable:
        publish_imported(imported)
    return imported


NUMBER_TAKEN = "registre:numero-deja-importe"


def number_taken(authority: Authority, number: str | None, *, but: int | None = None) -> list[Finding]:
    """Another imported row already gave this number to an act of the register: two rows, one number."""
    if not number:
        return []
    other = (
        ImportedDeliberation.objects.filter(authority=authority, deliberation_id=number, act__isnull=False)
        .exclude(pk=but)
        .first()
    )
    if other is None:
        return []
    return [
        Finding(
            NUMBER_TAKEN,
            f"la délibération n° {number} est déjà au registre, importée de {other.source_file} "
            f"(ligne {other.source_line}) : deux lignes ne peuvent pas porter le même numéro",
            field="DELIB_ID",
            value=number,
        )
    ]


# what the register's act can hold (its columns' lengths); beyond, the row waits to be completed
ACT_LIMITS = {
    "DELIB_ID": ("deliberation_id", 40),
    "DELIB_OBJET": ("object", 500),
    "BUDGET_ANNEE": ("budget_year", 9),
    "BUDGET_NOM": ("budget_name", 200),
    "PREF_ID": ("prefecture_id", 10),
    "DELIB_URL": ("url", 500),
}
TOO_LONG = "registre:trop-long-pour-le-registre"


def register_limits(values: dict[str, Any]) -> list[Finding]:
    found = []
    for name, (attribute, limit) in ACT_LIMITS.items():
        text = values.get(attribute) or ""
        if len(text) > limit:
            found.append(
                Finding(
                    TOO_LONG,
                    f"{len(text)} caractères : le registre en garde au plus {limit} pour ce champ "
                    "(abrégez-le pour publier l'acte ; la ligne importée reste telle quelle)",
                    field=name,
                    value=text[:80],
                )
            )
    return found


def publish_imported(imported: ImportedDeliberation, actor: Any = None) -> Deliberation:
    """The act of a complete imported row, in the register and published, its figures as stated:
    through the publication service (register.services.record_published_elsewhere), frozen and
    chained with its number as the authority gave it.

    A deliberation of the same number already in the register is that act: it is linked, not doubled.
    """
    authority = imported.authority
    existing = Deliberation.objects.filter(authority=authority, number=imported.deliberation_id).first()
    if existing is not None:
        imported.act = existing
        imported.save(update_fields=["act"])
        return existing
    council, _ = Council.objects.get_or_create(authority=authority, name=IMPORTED_COUNCIL)
    meeting, _ = Meeting.objects.get_or_create(
        council=council, date=imported.date, defaults={"members_in_office": imported.members_in_office}
    )
    position = (meeting.items.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    number = (meeting.items.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    voted = imported.votes_for is not None
    item = Item.objects.create(
        meeting=meeting,
        number=number,
        position=position,
        title=imported.object,
        vote_kind="show_of_hands" if voted else "no_vote",
        votes_for=imported.votes_for,
        votes_against=imported.votes_against,
        abstentions=imported.abstentions,
    )
    year = imported.date.year
    deliberation = Deliberation.objects.create(
        authority=authority,
        item=item,
        number=imported.deliberation_id,
        year=year,
        sequence=next_sequence(authority, year),
        title=imported.object,
        actes_code=imported.subject_code,
        prefecture_transmitted_on=imported.prefecture_date,
        text=f"Importée de {imported.source_file}, ligne {imported.source_line}.",
    )
    DeliberationOpenData.objects.create(
        deliberation=deliberation,
        figures_source=DeliberationOpenData.SCDL,
        members_in_office=imported.members_in_office,
        voters=imported.voters,
        votes_for=imported.votes_for,
        votes_against=imported.votes_against,
        abstentions=imported.abstentions,
        budget_year=imported.budget_year,
        budget_name=imported.budget_name,
        prefecture_id=imported.prefecture_id,
        document_url=imported.url,
    )
    # Published by the authority elsewhere: entered through the publication service with its
    # stated figures and its number, frozen and chained like every act.
    services.record_published_elsewhere(
        deliberation,
        figures={
            "members_in_office": imported.members_in_office,
            "voters": imported.voters,
            "votes_for": imported.votes_for,
            "votes_against": imported.votes_against,
            "abstentions": imported.abstentions,
        },
        origin={"kind": "scdl", "file": imported.source_file, "line": imported.source_line},
        actor=actor,
    )
    imported.act = deliberation
    imported.save(update_fields=["act"])
    return deliberation
