"""What the document states, turned into the rules core's meeting.

Only the lists feed the core; the figures the document prints are kept aside
as "stated", to be compared with what the core computes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from registre.core.model import (
    WHOLE_MEETING,
    Attendance,
    Authority,
    Item,
    Meeting,
    Member,
    Proxy,
    Vote,
    VoteKind,
    Window,
)
from registre.core.violations import Violation, warning

from .deliberation import vote_counts_before
from .persons import NamedPerson, Roster
from .records import ListedMember, StatedDeliberation, StatedExtract, StatedProxy
from .votes import StatedVote


@dataclass(frozen=True)
class ImportedDocument:
    stated: StatedExtract
    meeting: Meeting
    items: dict[str, int]  # deliberation number -> item number
    order_stated: bool
    findings: list[Violation] = field(default_factory=list)  # assumptions made while assembling
    named_ballots: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # number -> ballot -> keys


def assemble(stated: StatedExtract) -> ImportedDocument:
    findings: list[Violation] = []
    roster = Roster()
    for listed in stated.listed:
        roster.add(listed.person)
    resolve = _resolver(roster, findings)
    stated.proxies = [
        replace(p, principal=resolve(p.principal), holder=resolve(p.holder)) for p in stated.proxies
    ]
    # the chair and the secretary keep their names as written (often fuller than the lists'); their keys
    # are those of the lists
    secretary_key = resolve(stated.secretary).key if stated.secretary else None
    chair_key = None
    if stated.chair:
        chair_key = resolve(stated.chair).key
        _chair_in_the_room(stated, roster, findings, chair_key)
    for deliberation in stated.deliberations:
        deliberation.interested = [resolve(p) for p in deliberation.interested]
    members: dict[str, Member] = {}
    for listed in stated.listed:
        _add_member(members, listed.person, listed.commune, listed.substitute)
    for proxy in stated.proxies:
        _add_member(members, proxy.principal)
        _add_member(members, proxy.holder)
    if stated.secretary and secretary_key not in members:
        _add_member(members, stated.secretary)
        secretary_key = stated.secretary.key
    _single_deliberation_box(stated)
    named = {
        d.number: {ballot: [resolve(p).key for p in people] for ballot, people in d.vote.named.items()}
        for d in stated.deliberations
    }

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
            Proxy(p.principal.key, p.holder.key, window)
            for p in stated.proxies
            if (window := _proxy_window(p, order)) is not None
        ),
        members_in_office=stated.members_in_office,
        council=stated.council or "",
        place=stated.place,
        chair=chair_key if chair_key in members else None,
        secretary=secretary_key,
        opened_at=stated.opened_at,
        closed_at=stated.closed_at,
    )
    numbers = {d.number: item.number for d, item in zip(stated.deliberations, items.values(), strict=False)}
    return ImportedDocument(stated, meeting, numbers, stated.order_of_passage is not None, findings, named)


def _resolver(roster: Roster, findings: list[Violation]) -> Callable[[NamedPerson], NamedPerson]:
    reported: set[tuple[str, str]] = set()

    def resolve(person: NamedPerson) -> NamedPerson:
        found, how = roster.resolve(person)
        if how == "variant" and (person.key, found.key) not in reported:
            reported.add((person.key, found.key))
            findings.append(
                warning(
                    "name_spelling_variant",
                    f"« {person.name} » est lu comme {found.name}, de la liste des présents (orthographe ou OCR différents).",
                    members=(found.key,),
                )
            )
        if found is person:
            return person
        return NamedPerson(
            found.civility or person.civility,
            found.first_name,
            found.last_name,
            person.notes,
            person.start,
            person.end,
        )

    return resolve


def _plain_resolve(roster: Roster, person: NamedPerson) -> NamedPerson:
    found, how = roster.resolve(person)
    return person if how == "variant" else found


def _chair_in_the_room(stated: StatedExtract, roster: Roster, findings: list[Violation], key: str) -> None:
    """A chair who presides is in the room, even when the clerk left them out of the present list."""
    chair = stated.chair
    if chair is None:
        return
    if not any(listed.present for listed in stated.listed) or any(
        listed.person.key == key for listed in stated.listed
    ):
        return
    if any(p.principal.key == key for p in stated.proxies):
        return
    stated.listed.insert(0, ListedMember(chair, None, True, None, False))
    roster.add(chair)
    findings.append(
        warning(
            "chair_not_listed_present",
            f"{chair.name}, qui préside la séance, ne figure pas dans la liste des présents ; compté présent.",
            members=(chair.key,),
        )
    )


def _single_deliberation_box(stated: StatedExtract) -> None:
    """A count box printed in the header of a one-deliberation extract gives that deliberation's vote."""
    if len(stated.deliberations) != 1:
        return
    deliberation = stated.deliberations[0]
    vote = deliberation.vote
    if vote.has_figures or vote.no_vote:
        return
    box = vote_counts_before(stated.figures, deliberation.span[0])
    for kind, name in (
        ("for", "votes_for"),
        ("against", "votes_against"),
        ("abstain", "abstentions"),
        ("not_participating", "not_participating"),
    ):
        count = box.get(kind)
        if count is not None and getattr(vote, name) is None:
            setattr(vote, name, count.value)
            vote.evidence[name] = (count.start, count.end)


def _add_member(
    members: dict[str, Member], person: NamedPerson, commune: str | None = None, substitute: bool = False
) -> None:
    if person.key in members:
        return
    members[person.key] = Member(
        first_name=person.first_name,
        last_name=person.last_name,
        civility=person.civility,
        commune=commune,
        substitute=substitute,
    )


def _proxy_window(proxy: StatedProxy, order: Sequence[int]) -> Window | None:
    """The proxy's window; for one that holds outside the principal's presence, the items of the
    order of passage before her arrival (after her departure); None when there are none."""
    presence = proxy.outside_presence
    if presence is None:
        return proxy.window or WHOLE_MEETING
    bound = presence.from_item if presence.from_item is not None else presence.until_item
    if bound not in order:
        return proxy.window or WHOLE_MEETING  # the presence's bound is no item of the meeting: as written
    at = order.index(bound)
    if presence.from_item is not None:
        return Window(until_item=order[at - 1]) if at > 0 else None
    return Window(from_item=order[at + 1]) if at + 1 < len(order) else None


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
    if stated.unanimous_of_votes_cast:
        # abstentions allowed, nobody against
        against = 0 if stated.votes_against is None else stated.votes_against
        if stated.votes_for is None and stated.abstentions is None:
            return Vote(unanimous=True) if not stated.abstentions else Vote(votes_against=against)
        return Vote(votes_for=stated.votes_for, votes_against=against, abstentions=stated.abstentions)
    if stated.unanimous and stated.abstentions:
        # "à l'unanimité (2 abstentions)": clerks mean the votes cast
        return Vote(
            votes_for=stated.votes_for,
            votes_against=stated.votes_against or 0,
            abstentions=stated.abstentions,
        )
    if stated.unanimous and not stated.majority:
        # the core derives the totals from the lists: the printed ones are compared, not copied
        return Vote(unanimous=True)
    if stated.result == "unanimous":
        return Vote(unanimous=True)
    return Vote(
        votes_for=stated.votes_for, votes_against=stated.votes_against, abstentions=stated.abstentions
    )


def _derived_order(stated: StatedExtract, items: dict[str, Item]) -> list[int]:
    """Without a stated order of passage: the acts' items in numerical order; when the lists'
    windows name other items ("à partir de la question n°9"), every number between the first and
    the last named, so that a window's gaps can be seen. An act numbered "2022/055" is no sign of
    54 items before it."""
    acts = list(dict.fromkeys(item.number for item in items.values()))  # in the text's order
    windowed: set[int] = set()
    for listed in stated.listed:
        if listed.window:
            windowed |= listed.window.named_items()
    for proxy in stated.proxies:
        if proxy.window:
            windowed |= proxy.window.named_items()
    if not windowed:
        return sorted(acts) or [1]
    named = set(acts) | windowed
    first, last = min(named), max(named)
    others = [n for n in (range(first, last + 1) if last - first <= 1000 else sorted(named)) if n not in acts]
    # the acts as the minutes take them ("Dossier n°2-1", "2-2", then n°3), the other items named by
    # the windows between them by number
    order = list(acts)
    for number in others:
        at = next((i for i, act in enumerate(order) if act > number), len(order))
        order.insert(at, number)
    return order


def interested_counts(deliberation: StatedDeliberation) -> dict[str, int]:
    """ "Nicolas BODIN (2)": the count a document prints beside an interested member."""
    counts = {}
    for person in deliberation.interested:
        for note in person.notes:
            if note.strip().isdigit():
                counts[person.key] = int(note)
    return counts
