"""Random meetings for the property tests: windows in the order of passage, proxies, interested
members, every kind of vote, the dates of ordinary and emergency rules."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from registre.core import Attendance, Authority, Ballot, Item, Meeting, Member, Proxy, Vote, VoteKind, Window

DAYS = st.sampled_from([dt.date(2021, 3, 1), dt.date(2021, 10, 7), dt.date(2023, 5, 1), dt.date(2020, 5, 1)])


@st.composite
def windows(draw, order, *, off_agenda: bool = False):
    """A window over ``order``; with ``off_agenda``, its bounds may name an item not in it."""
    kind = draw(st.sampled_from(["whole", "from", "until", "both", "except"]))
    pick = st.sampled_from(order)
    if off_agenda:
        pick = st.one_of(pick, st.sampled_from([998, 999]))
    if kind == "from":
        return Window(from_item=draw(pick))
    if kind == "until":
        return Window(until_item=draw(pick), loose_end=draw(st.booleans()))
    if kind == "both":
        first, second = draw(pick), draw(pick)
        if first in order and second in order:
            first, second = sorted([first, second], key=order.index)
        return Window(from_item=first, until_item=second)
    if kind == "except":
        return Window(except_items=frozenset(draw(st.lists(pick, max_size=3))))
    return Window()


def _vote(draw, keys, size, odd):
    kinds = ["unanimous", "roll_call", "totals", "secret"] + (["none", "partial"] if odd else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "unanimous":
        return Vote(unanimous=True)
    if kind == "none":
        return Vote(kind=VoteKind.NO_VOTE)
    if kind == "roll_call":
        ballots = tuple((k, draw(st.sampled_from(list(Ballot)))) for k in keys)
        return Vote(
            kind=VoteKind.ROLL_CALL, ballots=ballots, chair_ballot=draw(st.sampled_from([None, *Ballot]))
        )
    if kind == "partial":  # some totals unsaid, unanimity said or not
        totals = [draw(st.one_of(st.none(), st.integers(0, size))) for _ in range(3)]
        return Vote(
            votes_for=totals[0], votes_against=totals[1], abstentions=totals[2], unanimous=draw(st.booleans())
        )
    totals = [draw(st.integers(0, size)) for _ in range(3)]
    return Vote(
        kind=VoteKind.SECRET_BALLOT if kind == "secret" else VoteKind.SHOW_OF_HANDS,
        votes_for=totals[0],
        votes_against=totals[1],
        abstentions=totals[2],
    )


@st.composite
def meetings(draw, *, max_items: int = 8, odd: bool = False):
    """A meeting of up to 25 members. ``odd`` adds what real records also hold: an item twice in
    the order of passage, windows naming items off the agenda, unknown members, substitutes,
    a meeting reconvened without quorum."""
    size = draw(st.integers(1, 25))
    communes = ["Ville", "Village", None]
    roster = tuple(
        Member(
            "Prénom",
            f"NOM{i:02d}",
            "M.",
            draw(st.sampled_from(communes)) if odd else None,
            odd and draw(st.integers(0, 4)) == 0,
        )
        for i in range(size)
    )
    keys = [m.key for m in roster]
    people = st.sampled_from(keys + ["INCONNU|X"]) if odd else st.sampled_from(keys)
    numbers = draw(st.lists(st.integers(1, 60), min_size=1, max_size=max_items, unique=True))
    order = list(draw(st.permutations(numbers)))
    if odd and draw(st.booleans()):
        order.insert(draw(st.integers(0, len(order))), draw(st.sampled_from(numbers)))
    attendance = []
    for member in keys:
        for _ in range(draw(st.integers(0, 2))):
            attendance.append(Attendance(member, draw(st.booleans()), draw(windows(order, off_agenda=odd))))
    proxies = []
    for _ in range(draw(st.integers(0, size))):
        principal, holder = draw(people), draw(people)
        if principal != holder or odd:
            proxies.append(Proxy(principal, holder, draw(windows(order, off_agenda=odd))))
    items = []
    for number in numbers:
        interested = frozenset(draw(st.lists(st.sampled_from(keys), max_size=3)))
        items.append(Item(number, interested_members=interested, vote=_vote(draw, keys, size, odd)))
    in_office = draw(st.one_of(st.none(), st.integers(size, size + 5)))
    return Meeting(
        Authority("Test"),
        draw(DAYS),
        roster,
        tuple(order),
        tuple(items),
        tuple(attendance),
        tuple(proxies),
        members_in_office=in_office,
        chair=draw(st.one_of(st.none(), st.sampled_from(keys))) if odd else None,
        reconvened_without_quorum=odd and draw(st.booleans()),
    )
