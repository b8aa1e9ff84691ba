"""Publishing an act: the only way a deliberation becomes published (clerk pages, API, admin,
demo, SCDL import). One transaction: the rules core's findings on the act's item and the SCDL
row check; any blocking finding refuses (nothing is written, no number is used); warnings must
each be acknowledged; then the act is frozen (PublishedAct: canonical JSON, chained SHA-256)
and the deliberation marked published with the next number of its year.

The database backs this up (register.immutability): it refuses a published deliberation
without its act, and any change to an act.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from registre.core import MeetingTally, tally_meeting
from registre.core.certification import PublicationFinding, publication_findings
from registre.opendata.chain import canonical, fingerprint
from registre.opendata.records import DeliberationRecord, budget_of, prefecture_entity
from registre.opendata.rows import deliberation_row
from registre.opendata.schemas import DELIBERATIONS
from registre.opendata.validate import validate_rows

from . import snapshot
from .addresses import act_url
from .audit import acting
from .conversion import meeting_to_core
from .models import Authority, Deliberation, PublishedAct
from .numbering import next_sequence

SCDL_SOURCE = "SCDL Délibérations 2.1.5 (schéma national des données ouvertes)"
SCDL_FIELDS = {
    "COLL_NOM": "nom de la collectivité",
    "COLL_SIRET": "SIRET de la collectivité (fiche de la collectivité)",
    "DELIB_ID": "numéro de l'acte",
    "DELIB_DATE": "date de la séance",
    "DELIB_MATIERE_CODE": "matière ACTES de l'acte",
    "DELIB_MATIERE_NOM": "matière ACTES de l'acte",
    "DELIB_OBJET": "objet de l'acte",
    "VOTE_EFFECTIF": "conseillers en exercice",
    "VOTE_REEL": "votants",
    "VOTE_POUR": "voix pour",
    "VOTE_CONTRE": "voix contre",
    "VOTE_ABSTENTION": "abstentions",
}


def finding_key(finding: PublicationFinding) -> str:
    """What a clerk acknowledges: this warning, worded this way (a changed record asks again)."""
    return hashlib.sha256(f"{finding.code}\x1f{finding.message}".encode()).hexdigest()[:16]


@dataclass
class Review:
    """What publishing this deliberation now would meet."""

    deliberation: Deliberation
    findings: list[PublicationFinding] = field(default_factory=list)

    @property
    def blocking(self) -> list[PublicationFinding]:
        return [f for f in self.findings if f.blocking]

    @property
    def warnings(self) -> list[PublicationFinding]:
        return [f for f in self.findings if not f.blocking]

    def warning_keys(self) -> list[str]:
        return [finding_key(f) for f in self.warnings]

    def as_dicts(self, findings: Iterable[PublicationFinding] | None = None) -> list[dict]:
        chosen = self.findings if findings is None else findings
        return [{**f.as_dict(), "key": None if f.blocking else finding_key(f)} for f in chosen]


class PublicationRefused(Exception):
    """Nothing was published: the blocking findings (or the warnings left unacknowledged) say why."""

    def __init__(self, review: Review, *, unacknowledged: list[PublicationFinding] | None = None):
        self.review = review
        self.unacknowledged = unacknowledged or []
        super().__init__(" ".join([self.summary(), *self.lines()]))

    @property
    def reasons(self) -> list[PublicationFinding]:
        return self.review.blocking or self.unacknowledged

    @property
    def needs_acknowledgement(self) -> bool:
        return not self.review.blocking and bool(self.unacknowledged)

    def summary(self) -> str:
        if self.needs_acknowledgement:
            return (
                f"Publication suspendue : {len(self.unacknowledged)} avertissement(s) à prendre en compte "
                "explicitement avant de publier."
            )
        return f"Publication refusée : {len(self.review.blocking)} motif(s) bloquant(s)."

    def lines(self) -> list[str]:
        return [f"{f.message} ({f.source})" for f in self.reasons]


def _refusal(review: Review, code: str, message: str, source: str, field_name: str | None = None):
    review.findings.insert(0, PublicationFinding(code, message, True, source, field=field_name))
    return PublicationRefused(review)


# -- reading: what would publishing meet ------------------------------------------------------


def review(deliberation: Deliberation, base_url: str | None = None) -> Review:
    """The findings, without writing anything (the page shown before the clerk publishes)."""
    with transaction.atomic():
        checked = _checked(_reload(deliberation, lock=False), base_url, timezone.now(), None)[0]
        transaction.set_rollback(True)  # the prospective number is not kept
    return checked


def _reload(deliberation: Deliberation, *, lock: bool) -> Deliberation:
    queryset = Deliberation.objects.select_related(
        "authority", "corrects", "item__meeting__council__authority", "item__meeting__first_convocation"
    )
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.get(pk=deliberation.pk)


def _checked(deliberation: Deliberation, base_url, published_at, actor) -> tuple[Review, dict]:
    result = Review(deliberation)
    if deliberation.is_published:
        raise _refusal(
            result,
            "already_published",
            f"La délibération n°{deliberation.number} est déjà publiée.",
            "registre des délibérations",
        )
    meeting = deliberation.item.meeting
    meeting_tally = snapshot_tally(meeting)
    result.findings += publication_findings(meeting_tally, deliberation.item.number)
    result.findings += correction_findings(deliberation)
    _number(deliberation)
    first = meeting.first_convocation.date if meeting.first_convocation_id else None
    content = snapshot.build(
        deliberation,
        meeting_tally,
        first_convocation=first,
        acknowledged=result.warnings,
        corrects=_corrects_part(deliberation),
        published_at=published_at,
        published_by=getattr(actor, "username", None),
    )
    result.findings += scdl_findings(content, deliberation, base_url)
    result.findings.sort(key=lambda f: not f.blocking)
    return result, content


def snapshot_tally(meeting) -> MeetingTally:
    return tally_meeting(meeting_to_core(meeting))


def correction_findings(deliberation: Deliberation) -> list[PublicationFinding]:
    """A rectification or a withdrawal names a published act of the authority, and says why."""
    source = "rectification d'erreur matérielle ou retrait : nouvel acte, lié à l'acte visé"
    kind = deliberation.get_kind_display().lower()
    original = deliberation.corrects
    findings = []
    if not deliberation.is_correction:
        other = (
            Deliberation.objects.filter(
                item_id=deliberation.item_id, status=Deliberation.PUBLISHED, kind=Deliberation.DELIBERATION
            )
            .exclude(pk=deliberation.pk)
            .first()
        )
        if other is not None:
            findings.append(
                f"La question n°{deliberation.item.number} a déjà son acte publié, n°{other.number} : "
                "une rectification ou un retrait se crée depuis celui-ci."
            )
    if deliberation.is_correction and original is None:
        findings.append(f"Un acte de {kind} doit désigner l'acte qu'il corrige ou retire.")
    if original is not None:
        if not deliberation.is_correction:
            findings.append(
                f"La délibération vise l'acte n°{original.number} : choisissez rectification ou retrait."
            )
        if original.authority_id != deliberation.authority_id or not original.is_published:
            findings.append(f"L'acte n°{original.number} visé n'est pas un acte publié de la collectivité.")
        elif PublishedAct.objects.filter(
            corrects__deliberation=original, kind=Deliberation.WITHDRAWAL
        ).exists():
            findings.append(f"L'acte n°{original.number} est déjà retiré.")
        if not deliberation.reason.strip():
            findings.append(f"Le motif de la {kind} est obligatoire.")
        if deliberation.kind == Deliberation.WITHDRAWAL and deliberation.item_id == original.item_id:
            findings.append(
                "Un retrait est décidé par un nouveau vote : rattachez-le à une question d'une séance "
                "ultérieure."
            )
    return [PublicationFinding("correction_incomplete", text, True, source) for text in findings]


def _corrects_part(deliberation: Deliberation) -> dict | None:
    original = deliberation.corrects
    if original is None:
        return None
    act = PublishedAct.objects.filter(deliberation=original).only("number", "fingerprint").first()
    return {"number": original.number, "fingerprint": act.fingerprint if act else None}


def _number(deliberation: Deliberation) -> None:
    """The next number of the meeting's year, given at publication (imported acts keep theirs)."""
    if deliberation.sequence is not None and deliberation.number:
        return
    year = deliberation.year or deliberation.item.meeting.date.year
    deliberation.year, deliberation.sequence = year, next_sequence(deliberation.authority, year)
    deliberation.number = Deliberation.format_number(year, deliberation.sequence)


def scdl_record(content: dict, deliberation: Deliberation, base_url: str | None = None) -> DeliberationRecord:
    """The act's SCDL record, from its content (and the transmission, recorded after publication)."""
    act, figures = content["act"], content["figures"]
    budget_year, budget_name = budget_of(act["budget_line"])
    return DeliberationRecord(
        authority_name=content["authority"]["name"],
        authority_siret=content["authority"]["siret"] or "",
        deliberation_id=act["number"],
        date=_date(content["meeting"]["date"]),
        subject_code=act["actes_code"] or "",
        object=act["title"],
        budget_year=budget_year or None,
        budget_name=budget_name or None,
        prefecture_id=prefecture_entity(deliberation.prefecture_transmission_id) or None,
        prefecture_date=deliberation.prefecture_transmitted_on,
        members_in_office=figures["members_in_office"],
        voters=figures["voters"],
        votes_for=figures["votes_for"],
        votes_against=figures["votes_against"],
        abstentions=figures["abstentions"],
        url=act_url(content["authority"]["slug"], act["year"], act["sequence"], base_url),
    )


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def scdl_findings(
    content: dict, deliberation: Deliberation, base_url: str | None
) -> list[PublicationFinding]:
    """So that a published act always has a valid open-data row."""
    findings = validate_rows(DELIBERATIONS, [deliberation_row(scdl_record(content, deliberation, base_url))])
    said: set[tuple[str, str]] = set()
    kept = []
    for f in findings:
        label = SCDL_FIELDS.get(f.field or "", f.field or "ligne")
        if (label, f.message) in said:  # DELIB_MATIERE_NOM follows DELIB_MATIERE_CODE: said once
            continue
        said.add((label, f.message))
        kept.append(
            PublicationFinding(
                f"scdl:{f.rule}",
                f"Données ouvertes : {label} : {f.message}" + (f" (champ {f.field})" if f.field else ""),
                True,
                SCDL_SOURCE,
                field=f.field,
            )
        )
    return kept


# -- writing: the publication -----------------------------------------------------------------


def publish(
    deliberation: Deliberation,
    *,
    actor=None,
    acknowledged: Collection[str] = (),
    base_url: str | None = None,
) -> PublishedAct:
    """Publish, or raise PublicationRefused with nothing written.

    ``acknowledged``: the keys (``finding_key``) of the warnings the clerk explicitly accepted;
    every warning must be among them. They are recorded in the act, with who published it.
    """
    with acting(actor), transaction.atomic():
        authority = Authority.objects.select_for_update().get(pk=deliberation.authority_id)
        deliberation = _reload(deliberation, lock=True)
        published_at = timezone.now()
        result, content = _checked(deliberation, base_url, published_at, actor)
        if result.blocking:
            raise PublicationRefused(result)
        missing = [w for w in result.warnings if finding_key(w) not in set(acknowledged)]
        if missing:
            raise PublicationRefused(result, unacknowledged=missing)
        act = _freeze(authority, deliberation, content, published_at)
        _mark_published(deliberation, published_at)
    return act


def record_published_elsewhere(
    deliberation: Deliberation, *, figures: dict, origin: dict, actor=None, published_at=None
) -> PublishedAct:
    """An act the authority already published elsewhere, recorded from its open data (SCDL
    import): its stated figures are kept as stated (``content["figures"]["source"] = "scdl"``),
    the rules core has no meeting to judge. It joins the authority's chain like any act."""
    with acting(actor), transaction.atomic():
        authority = Authority.objects.select_for_update().get(pk=deliberation.authority_id)
        deliberation = _reload(deliberation, lock=True)
        if deliberation.is_published:
            raise _refusal(
                Review(deliberation),
                "already_published",
                f"La délibération n°{deliberation.number} est déjà publiée.",
                "registre des délibérations",
            )
        _number(deliberation)
        published_at = published_at or timezone.now()
        content = snapshot.build_imported(
            deliberation,
            figures=figures,
            origin=origin,
            published_at=published_at,
            published_by=getattr(actor, "username", None),
        )
        act = _freeze(authority, deliberation, content, published_at)
        _mark_published(deliberation, published_at)
    return act


def _freeze(authority: Authority, deliberation: Deliberation, content: dict, published_at) -> PublishedAct:
    previous = PublishedAct.objects.filter(authority=authority).order_by("-position").first()
    content["chain"] = {
        "authority": authority.slug,
        "position": (previous.position + 1) if previous else 1,
        "previous": previous.fingerprint if previous else None,
    }
    text = canonical(content)
    act, figures = content["act"], content["figures"]
    corrects = PublishedAct.objects.filter(deliberation_id=deliberation.corrects_id).first()
    return PublishedAct.objects.create(
        deliberation=deliberation,
        authority=authority,
        position=content["chain"]["position"],
        number=act["number"],
        year=act["year"],
        sequence=act["sequence"],
        kind=act["kind"],
        corrects=corrects,
        published_at=published_at,
        meeting_date=_date(content["meeting"]["date"]),
        title=act["title"],
        actes_code=act["actes_code"],
        budget_line=act["budget_line"],
        authority_name=content["authority"]["name"],
        authority_siret=content["authority"]["siret"] or "",
        members_in_office=figures["members_in_office"],
        voters=figures["voters"],
        votes_for=figures["votes_for"],
        votes_against=figures["votes_against"],
        abstentions=figures["abstentions"],
        content=text,
        fingerprint=fingerprint(text),
        previous_fingerprint=content["chain"]["previous"] or "",
    )


def _mark_published(deliberation: Deliberation, published_at) -> None:
    deliberation.status = Deliberation.PUBLISHED
    deliberation.published_at = published_at
    # the public search index follows through the post_save receiver front connects (front/apps.py)
    deliberation.save(update_fields=["status", "published_at", "number", "year", "sequence"])


def freeze_legacy(deliberation: Deliberation) -> PublishedAct:
    """An act published before acts were frozen: its snapshot is taken as the records read now
    (``origin.kind = "legacy"``), without the checks it never went through. Migration 0005 only."""
    with transaction.atomic():
        authority = Authority.objects.select_for_update().get(pk=deliberation.authority_id)
        deliberation = _reload(deliberation, lock=True)
        if deliberation.sequence is None:
            _number(deliberation)
            deliberation.save(update_fields=["number", "year", "sequence"])
        meeting = deliberation.item.meeting
        published_at = deliberation.published_at or timezone.now()
        content = snapshot.build(
            deliberation,
            snapshot_tally(meeting),
            first_convocation=meeting.first_convocation.date if meeting.first_convocation_id else None,
            acknowledged=[],
            corrects=_corrects_part(deliberation),
            published_at=published_at,
            published_by=None,
        )
        content["origin"] = {
            "kind": "legacy",
            "note": "acte publié avant que les actes ne soient figés : instantané pris à la mise à jour",
        }
        return _freeze(authority, deliberation, content, published_at)
