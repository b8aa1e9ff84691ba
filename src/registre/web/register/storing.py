"""Store what the importer read: one document, one short transaction, nothing half-written.

The text is read before the transaction opens (``import_path``); inside it only rows are
written, in bulk. Re-importing the same document changes nothing: its meeting is found again
(same council, same date), and a deliberation already stored is skipped - a numbered one by its
number in the authority, an unnumbered one ("s.n.") by its title in that meeting, so that two
unnumbered acts of two meetings are two acts, not a duplicate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from registre.core import member_key
from registre.importer.errors import DocumentError
from registre.importer.records import StatedDeliberation
from registre.importer.report import DocumentReport

from .models import Attendance, Authority, Council, Deliberation, Item, Meeting, Member, Proxy
from .numbering import next_sequence


@dataclass
class StoreResult:
    meeting: Meeting | None
    created: list[Deliberation]
    skipped: list[str]  # numbers already in the register
    meeting_created: bool = False
    rows: dict[str, int] = field(default_factory=dict)  # rows written, by kind


def authority_named(name: str, kind: str = "commune") -> Authority:
    authority, _ = Authority.objects.get_or_create(
        name=name,
        defaults={"slug": slugify(name)[:80] or "collectivite", "kind": kind},
    )
    return authority


@transaction.atomic
def store_document(report: DocumentReport, authority: Authority | None = None) -> StoreResult:
    stated = report.document.stated
    core = report.document.meeting
    if stated.date is None:
        raise DocumentError(
            stated.source,
            "date de la séance illisible : la séance ne peut pas être classée au registre",
            hint="le titre ou le préambule doit dater la séance (« Séance du 16 février 2023 »)",
        )
    if authority is None:
        # an authority the text does not name gets one of its own, named after the file: two such
        # documents are never merged into one meeting (``--authority`` says whose they are)
        name = stated.authority or f"Collectivité non identifiée ({Path(stated.source).name})"
        authority = authority_named(name[:200], _kind(stated.council))
    council, _ = Council.objects.get_or_create(authority=authority, name=stated.council or "Conseil")
    rows: dict[str, int] = {}
    members = _members(council, core, rows)
    meeting = Meeting.objects.filter(council=council, date=core.date).order_by("pk").first()
    meeting_created = meeting is None
    if meeting is None:
        meeting = Meeting.objects.create(
            council=council,
            date=core.date,
            place=core.place or "",
            convened_on=stated.convened_on,
            opened_at=core.opened_at,
            closed_at=core.closed_at,
            members_in_office=core.members_in_office,
            chair=members.get(core.chair),
            secretary=members.get(core.secretary),
        )
        rows["meeting"] = 1
    items = _items(meeting, core, members, rows)
    if meeting_created or not (meeting.attendance.exists() or meeting.proxies.exists()):
        # another extract of a meeting already stored lists the same attendance: it is not added twice
        _attendance_and_proxies(meeting, core, members, rows)
    created: list[Deliberation] = []
    skipped: list[str] = []
    stored_numbers = set(
        Deliberation.objects.filter(
            authority=authority, number__in=[d.number for d in stated.deliberations if d.numbered]
        ).values_list("number", flat=True)
    )
    stored_unnumbered = set(
        Deliberation.objects.filter(item__meeting=meeting, number__startswith="s.n.").values_list(
            "number", "title"
        )
    )
    for deliberation in stated.deliberations:
        title = _title(deliberation, items[report.document.items[deliberation.number]])
        if (deliberation.numbered and deliberation.number in stored_numbers) or (
            not deliberation.numbered and (deliberation.number, title) in stored_unnumbered
        ):
            skipped.append(deliberation.number)
            continue
        item = items[report.document.items[deliberation.number]]
        created.append(_deliberation(authority, item, deliberation, stated.original, stated.date.year, title))
    rows["deliberation"] = len(created)
    return StoreResult(meeting, created, skipped, meeting_created, rows)


def _kind(council: str | None) -> str:
    text = (council or "").lower()
    if "communaut" in text or "métropol" in text or "bureau" in text:
        return "epci"
    if "départ" in text:
        return "departement"
    if "région" in text:
        return "region"
    return "commune"


def _members(council: Council, core, rows: dict[str, int]) -> dict[str, Member]:
    stored = {m.key: m for m in council.members.all()}
    new = []
    for member in core.members:
        if member.key not in stored:
            row = Member(
                council=council,
                civility=member.civility if member.civility in ("M.", "Mme") else "",
                first_name=member.first_name,
                last_name=member.last_name,
                commune=member.commune or "",
                substitute=member.substitute,
                key=member_key(member.first_name, member.last_name),
            )
            stored[member.key] = row
            new.append(row)
    Member.objects.bulk_create(new)
    rows["member"] = len(new)
    if new and any(m.pk is None for m in new):  # a backend that does not return keys
        keyed = {m.key: m for m in council.members.filter(key__in=[m.key for m in new])}
        stored.update(keyed)
    return stored


def _items(meeting: Meeting, core, members: dict[str, Member], rows: dict[str, int]) -> dict[int, Item]:
    described = {item.number: item for item in core.items}
    items = {item.number: item for item in meeting.items.all()}
    position = meeting.items.aggregate(last=Max("position"))["last"] or 0
    new = []
    for number in core.order_of_passage:
        if number in items:
            continue
        position += 1
        core_item = described.get(number)
        vote = core_item.vote if core_item else None
        item = Item(
            meeting=meeting,
            number=number,
            position=position,
            title=(core_item.title if core_item else "")[:500],
            rapporteur=((core_item.rapporteur or "") if core_item else "")[:200],
            committee=((core_item.committee or "") if core_item else "")[:300],
            vote_kind=vote.kind.value if vote else "show_of_hands",
            unanimous=vote.unanimous if vote else False,
            votes_for=vote.votes_for if vote else None,
            votes_against=vote.votes_against if vote else None,
            abstentions=vote.abstentions if vote else None,
        )
        items[number] = item
        new.append(item)
    Item.objects.bulk_create(new)
    if new and any(i.pk is None for i in new):
        items.update({i.number: i for i in meeting.items.filter(number__in=[i.number for i in new])})
    rows["item"] = len(new)
    through = Item.interested_members.through
    links = [
        through(item_id=items[number].pk, member_id=members[key].pk)
        for number in {i.number for i in new}
        if number in described
        for key in described[number].interested_members
        if key in members
    ]
    through.objects.bulk_create(links)
    return items


def _window_fields(window) -> dict:
    return {
        "from_item": window.from_item,
        "until_item": window.until_item,
        "except_items": sorted(window.except_items),
        "loose_end": window.loose_end,
    }


def _attendance_and_proxies(meeting: Meeting, core, members: dict[str, Member], rows: dict[str, int]) -> None:
    lines = Attendance.objects.bulk_create(
        Attendance(meeting=meeting, member=members[a.member], present=a.present, **_window_fields(a.window))
        for a in core.attendance
    )
    proxies = Proxy.objects.bulk_create(
        Proxy(
            meeting=meeting,
            principal=members[p.principal],
            holder=members[p.holder],
            **_window_fields(p.window),
        )
        for p in core.proxies
    )
    rows["attendance"], rows["proxy"] = len(lines), len(proxies)


def _title(deliberation: StatedDeliberation, item: Item) -> str:
    return (deliberation.title or item.title or f"Question n°{item.number}")[:500]


def _deliberation(
    authority: Authority, item: Item, deliberation: StatedDeliberation, original: str, year: int, title: str
) -> Deliberation:
    year, sequence = _number_parts(authority, deliberation.number, year)
    start, end = deliberation.span
    return Deliberation.objects.create(
        authority=authority,
        item=item,
        number=deliberation.number[:40],
        year=year,
        sequence=sequence,
        title=title,
        text=original[start:end].strip() if original else "",
        decision=deliberation.decision,
        budget_line=(deliberation.budget_line or "")[:500],
    )


def _number_parts(authority: Authority, number: str, default_year: int) -> tuple[int, int]:
    """ "2021/005795" -> (2021, 5795); other numbering schemes get the next free sequence of the year."""
    match = re.fullmatch(r"(\d{4})\D+(\d{1,9})", number)
    if match:
        year, sequence = int(match.group(1)), int(match.group(2))
        if not Deliberation.objects.filter(authority=authority, year=year, sequence=sequence).exists():
            return year, sequence
    return default_year, next_sequence(authority, default_year)
