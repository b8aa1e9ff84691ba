"""Store what the importer read: one document, one transaction, nothing half-written.

Re-importing the same document changes nothing: a deliberation already stored
for the authority under the same number is reported, not duplicated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from registre.importer.report import DocumentReport

from .models import Attendance, Authority, Council, Deliberation, Item, Meeting, Member, Proxy
from .numbering import next_sequence


@dataclass
class StoreResult:
    meeting: Meeting | None
    created: list[Deliberation]
    skipped: list[str]  # numbers already in the register


def authority_named(name: str, kind: str = "commune") -> Authority:
    authority, _ = Authority.objects.get_or_create(
        name=name,
        defaults={"slug": slugify(name)[:80] or "collectivite", "kind": kind},
    )
    return authority


@transaction.atomic
def store_document(report: DocumentReport, authority: Authority | None = None) -> StoreResult:
    stated = report.document.stated
    meeting_core = report.document.meeting
    authority = authority or authority_named(meeting_core.authority.name, _kind(stated.council))
    numbers = [d.number for d in stated.deliberations]
    existing = set(
        Deliberation.objects.filter(authority=authority, number__in=numbers).values_list("number", flat=True)
    )
    if numbers and existing == set(numbers):
        return StoreResult(None, [], sorted(existing))

    council, _ = Council.objects.get_or_create(authority=authority, name=stated.council or "Conseil")
    members = _members(council, meeting_core)
    meeting = Meeting.objects.create(
        council=council,
        date=meeting_core.date,
        place=meeting_core.place or "",
        convened_on=stated.convened_on,
        opened_at=meeting_core.opened_at,
        closed_at=meeting_core.closed_at,
        members_in_office=meeting_core.members_in_office,
        chair=members.get(meeting_core.chair),
        secretary=members.get(meeting_core.secretary),
    )
    items = _items(meeting, meeting_core, members)
    _attendance_and_proxies(meeting, meeting_core, members)
    created = []
    for deliberation in stated.deliberations:
        if deliberation.number in existing:
            continue
        item = items[report.document.items[deliberation.number]]
        created.append(_deliberation(authority, item, deliberation, stated))
    return StoreResult(meeting, created, sorted(existing))


def _kind(council: str | None) -> str:
    text = (council or "").lower()
    if "communaut" in text or "métropol" in text or "bureau" in text:
        return "epci"
    if "départ" in text:
        return "departement"
    if "région" in text:
        return "region"
    return "commune"


def _members(council: Council, meeting_core) -> dict[str, Member]:
    stored = {m.key: m for m in council.members.all()}
    for member in meeting_core.members:
        if member.key not in stored:
            stored[member.key] = Member.objects.create(
                council=council,
                civility=member.civility if member.civility in ("M.", "Mme") else "",
                first_name=member.first_name,
                last_name=member.last_name,
                commune=member.commune or "",
                substitute=member.substitute,
            )
    return stored


def _items(meeting: Meeting, meeting_core, members) -> dict[int, Item]:
    described = {item.number: item for item in meeting_core.items}
    items = {}
    for position, number in enumerate(meeting_core.order_of_passage, start=1):
        core_item = described.get(number)
        vote = core_item.vote if core_item else None
        item = Item.objects.create(
            meeting=meeting,
            number=number,
            position=position,
            title=(core_item.title if core_item else "")[:500],
            rapporteur=(core_item.rapporteur or "") if core_item else "",
            committee=(core_item.committee or "") if core_item else "",
            vote_kind=vote.kind.value if vote else "show_of_hands",
            unanimous=vote.unanimous if vote else False,
            votes_for=vote.votes_for if vote else None,
            votes_against=vote.votes_against if vote else None,
            abstentions=vote.abstentions if vote else None,
        )
        if core_item and core_item.interested_members:
            item.interested_members.set([members[k] for k in core_item.interested_members if k in members])
        items[number] = item
    return items


def _window_fields(window) -> dict:
    return {
        "from_item": window.from_item,
        "until_item": window.until_item,
        "except_items": sorted(window.except_items),
        "loose_end": window.loose_end,
    }


def _attendance_and_proxies(meeting: Meeting, meeting_core, members) -> None:
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, member=members[a.member], present=a.present, **_window_fields(a.window))
        for a in meeting_core.attendance
    )
    Proxy.objects.bulk_create(
        Proxy(
            meeting=meeting,
            principal=members[p.principal],
            holder=members[p.holder],
            **_window_fields(p.window),
        )
        for p in meeting_core.proxies
    )


def _deliberation(authority, item, deliberation, stated) -> Deliberation:
    year, sequence = _number_parts(
        authority, deliberation.number, stated.date.year if stated.date else item.meeting.date.year
    )
    start, end = deliberation.span
    return Deliberation.objects.create(
        authority=authority,
        item=item,
        number=deliberation.number,
        year=year,
        sequence=sequence,
        title=(deliberation.title or item.title or f"Question n°{item.number}")[:500],
        text=stated.original[start:end].strip() if stated.original else "",
        decision=deliberation.decision,
        budget_line=(deliberation.budget_line or "")[:500],
    )


def _number_parts(authority, number: str, default_year: int) -> tuple[int, int]:
    """ "2021/005795" -> (2021, 5795); other numbering schemes get the next free sequence of the year."""
    match = re.fullmatch(r"(\d{4})\D+(\d{1,9})", number)
    if match:
        year, sequence = int(match.group(1)), int(match.group(2))
        if not Deliberation.objects.filter(authority=authority, year=year, sequence=sequence).exists():
            return year, sequence
    return default_year, next_sequence(authority, default_year)
