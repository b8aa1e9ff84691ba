"""What the document states, turned into the rules core's meeting.

Only the lists feed the core; the figures the document prints are kept aside
as "stated", to be compared with what the core computes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from registre.core import (
    Attendance, Authority, Item, Meeting, Member, Proxy, Vote, VoteKind, WHOLE_MEETING,
)

from .extract import StatedDeliberation, StatedExtract, StatedVote
from .persons import NamedPerson


@dataclass(frozen=True)
class ImportedDocument:
    stated: StatedExtract
    meeting: Meeting
    items: dict[str, int]  # deliberation number -> item number
    order_stated: bool


def assemble(stated: StatedExtract) -> ImportedDocument:
    members: dict[str, Member] = {}
    for listed in stated.listed:
        _add_member(members, listed.person, listed.commune, listed.substitute)
    for proxy in stated.proxies:
        _add_member(members, proxy.principal)
        _add_member(members, proxy.holder)
    if stated.secretary:
        _add_member(members, stated.secretary)

    items = _items(stated)
    order = stated.order_of_passage or _derived_order(stated, items)
    meeting = Meeting(
        authority=Authority(stated.authority or "Collectivité non identifiée"),
        date=stated.date or dt.date(1900, 1, 1),
        members=tuple(members.values()),
        order_of_passage=tuple(order),
        items=tuple(items.values()),
        attendance=tuple(
            Attendance(listed.person.key, listed.present, listed.window or WHOLE_MEETING)
            for listed in stated.listed
        ),
        proxies=tuple(
            Proxy(p.principal.key, p.holder.key, p.window or WHOLE_MEETING) for p in stated.proxies
        ),
        members_in_office=stated.members_in_office,
        council=stated.council or "",
        place=stated.place,
        chair=stated.chair.key if stated.chair else None,
        secretary=stated.secretary.key if stated.secretary else None,
        opened_at=stated.opened_at,
        closed_at=stated.closed_at,
    )
    numbers = {d.number: item.number for d, item in zip(stated.deliberations, items.values())}
    return ImportedDocument(stated, meeting, numbers, stated.order_of_passage is not None)


def _add_member(members: dict[str, Member], person: NamedPerson, commune: str | None = None,
                substitute: bool = False) -> None:
    if person.key in members:
        return
    members[person.key] = Member(
        first_name=person.first_name, last_name=person.last_name, civility=person.civility,
        commune=commune, substitute=substitute,
    )


def _items(stated: StatedExtract) -> dict[str, Item]:
    items: dict[str, Item] = {}
    for index, deliberation in enumerate(stated.deliberations):
        number = deliberation.item if deliberation.item is not None else index + 1
        items[deliberation.number] = Item(
            number=number,
            title=deliberation.title,
            interested_members=frozenset(p.key for p in deliberation.interested),
            vote=_vote(deliberation.vote),
            rapporteur=deliberation.rapporteur,
            committee=deliberation.committee,
        )
    return items


def _vote(stated: StatedVote) -> Vote:
    if stated.no_vote:
        return Vote(kind=VoteKind.NO_VOTE)
    if stated.unanimous and not stated.majority:
        # the core derives the totals from the lists: the printed ones are compared, not copied
        return Vote(unanimous=True)
    return Vote(votes_for=stated.votes_for, votes_against=stated.votes_against, abstentions=stated.abstentions)


def _derived_order(stated: StatedExtract, items: dict[str, Item]) -> list[int]:
    """Without a stated order of passage, the items in numerical order up to the last one named."""
    named = {item.number for item in items.values()}
    for listed in stated.listed:
        if listed.window:
            named |= listed.window.named_items()
    for proxy in stated.proxies:
        if proxy.window:
            named |= proxy.window.named_items()
    last = max(named, default=1)
    return list(range(1, last + 1)) if last <= 1000 else sorted(named)


def interested_counts(deliberation: StatedDeliberation) -> dict[str, int]:
    """"Nicolas BODIN (2)": the count a document prints beside an interested member."""
    counts = {}
    for person in deliberation.interested:
        for note in person.notes:
            if note.strip().isdigit():
                counts[person.key] = int(note)
    return counts
