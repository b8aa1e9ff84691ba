"""Property tests on random meetings: the engine's invariants, and agreement with a
deliberately naive re-statement of the rules (an oracle written differently)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from registre.core import (
    Attendance,
    Item,
    Meeting,
    Proxy,
    VoteKind,
    Window,
    rules_on,
    tally_meeting,
)

from .strategies import DAYS, meetings


def _covers(window: Window, order, item) -> bool:
    position = order.index(item)
    if item in window.except_items:
        return False
    if window.from_item is not None and position < order.index(window.from_item):
        return False
    return window.until_item is None or position <= order.index(window.until_item)


def _oracle_present(meeting: Meeting, item: int) -> set[str]:
    """Presence restated from the definition, including the loose-end rule."""
    order = list(meeting.order_of_passage)
    present = set()
    for member in {a.member for a in meeting.attendance}:
        lines = [a for a in meeting.attendance if a.member == member]
        yes = [a for a in lines if a.present and _covers(a.window, order, item)]
        no = [a for a in lines if not a.present and _covers(a.window, order, item)]
        loose = lambda group: any(a.window.loose_end and a.window.until_item == item for a in group)  # noqa: E731
        if yes and no:
            if loose(yes) and not loose(no):
                continue
            present.add(member)
        elif yes:
            present.add(member)
        elif not no and not any(a.present for a in lines):
            present.add(member)
    return present


@settings(max_examples=300, deadline=None)
@given(meetings())
def test_engine_agrees_with_the_naive_oracle(meeting):
    result = tally_meeting(meeting)
    rules = rules_on(meeting.date)
    order = list(meeting.order_of_passage)
    for tally in result.items:
        present = _oracle_present(meeting, tally.item)
        assert set(tally.present) == present
        held, given_by, valid = Counter(), set(), []
        for p in meeting.proxies:
            if (
                _covers(p.window, order, tally.item)
                and p.principal not in present
                and p.holder in present
                and p.principal not in given_by
                and held[p.holder] < rules.max_proxies_per_holder
            ):
                held[p.holder] += 1
                given_by.add(p.principal)
                valid.append(p)
        assert list(tally.represented) == valid
        interested = meeting.item(tally.item).interested_members
        silent = len(present & interested) + sum(1 for p in valid if {p.principal, p.holder} & interested)
        assert tally.not_participating == silent
        assert tally.voters == len(present) + len(valid) - silent


@settings(max_examples=300, deadline=None)
@given(meetings())
def test_invariants_of_every_item(meeting):
    result = tally_meeting(meeting)
    rules = rules_on(meeting.date)
    assert [t.item for t in result.items] == list(meeting.order_of_passage)
    for tally in result.items:
        assert tally.voters == tally.present_count + tally.represented_count - tally.not_participating >= 0
        holders = Counter(p.holder for p in tally.represented)
        assert all(count <= rules.max_proxies_per_holder for count in holders.values())
        assert all(p.holder in tally.present and p.principal not in tally.present for p in tally.represented)
        assert tally.quorum_reached == (tally.quorum_count >= tally.quorum_required)
        vote = meeting.item(tally.item).vote
        if vote.unanimous:
            assert (tally.votes_for, tally.votes_against, tally.abstentions) == (tally.voters, 0, 0)
        if tally.votes_for is not None and tally.votes_against is not None:
            total = tally.votes_for + tally.votes_against + tally.abstentions
            if vote.kind is VoteKind.ROLL_CALL:
                assert total <= tally.voters
            if total != tally.voters and vote.kind is not VoteKind.ROLL_CALL:
                assert "tally_mismatch" in {v.code for v in tally.violations}
            if tally.votes_for != tally.votes_against:
                assert tally.adopted == (tally.votes_for > tally.votes_against)
            elif vote.kind is VoteKind.SECRET_BALLOT:
                assert tally.adopted is False


@settings(max_examples=150, deadline=None)
@given(meetings(), st.randoms())
def test_renumbering_items_changes_nothing_but_the_numbers(meeting, random):
    numbers = list(meeting.order_of_passage)
    fresh = random.sample(range(100, 200), len(numbers))
    rename = dict(zip(numbers, fresh, strict=False))

    def window(w: Window) -> Window:
        return Window(
            rename.get(w.from_item),
            rename.get(w.until_item),
            frozenset(rename[i] for i in w.except_items),
            w.loose_end,
        )

    renamed = Meeting(
        meeting.authority,
        meeting.date,
        meeting.members,
        tuple(rename[n] for n in numbers),
        tuple(Item(rename[i.number], i.title, i.interested_members, i.vote) for i in meeting.items),
        tuple(Attendance(a.member, a.present, window(a.window)) for a in meeting.attendance),
        tuple(Proxy(p.principal, p.holder, window(p.window)) for p in meeting.proxies),
        members_in_office=meeting.members_in_office,
    )
    before, after = tally_meeting(meeting).items, tally_meeting(renamed).items
    for old, new in zip(before, after, strict=False):
        assert new.item == rename[old.item]
        assert (old.present, old.voters, old.not_participating, old.votes_for, old.adopted) == (
            new.present,
            new.voters,
            new.not_participating,
            new.votes_for,
            new.adopted,
        )


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 2000), DAYS)
def test_quorum_is_a_majority_or_a_third(in_office, day):
    rules = rules_on(day)
    required = rules.quorum_required(in_office)
    if rules.quorum_strict_majority:
        assert required > in_office / 2 and required - 1 <= in_office / 2
    else:
        assert required >= in_office / 3 and required - 1 < in_office / 3
