"""Publication findings: what blocks an act, what needs the clerk's acknowledgement, and why."""

import dataclasses
import datetime as dt

from registre.core import Ballot, Item, Vote, VoteKind, Window, tally_meeting
from registre.core.certification import blocking, publication_findings, warnings

from .builders import absent, codes, item, key, meeting, members, names, present, proxy


def _findings(result, number=1):
    return publication_findings(tally_meeting(result), number)


def _small(present_count=5, in_office=5, items=(), proxies=(), **kwargs):
    roster = names(in_office)
    attendance = [present(n) for n in roster[:present_count]] + [absent(n) for n in roster[present_count:]]
    return meeting(members(*roster), attendance, proxies, items=items, in_office=in_office, **kwargs), roster


def test_a_lawful_unanimous_vote_has_nothing_to_say():
    result, _ = _small()
    assert _findings(result) == []


def test_quorum_not_reached_blocks_with_its_figures_and_source():
    result, _ = _small(present_count=6, in_office=15)
    found = blocking(_findings(result))
    assert codes(found) == ["quorum_not_reached"]
    assert "6 pour 8 requis" in found[0].message
    assert "L2121-17" in found[0].source


def test_second_convocation_lifts_the_quorum_only_when_recorded():
    result, _ = _small(present_count=6, in_office=15)
    unrecorded = dataclasses.replace(result, reconvened_without_quorum=True)
    assert codes(blocking(_findings(unrecorded))) == ["second_convocation_unrecorded"]
    too_soon = dataclasses.replace(unrecorded, first_convocation=result.date - dt.timedelta(days=1))
    assert codes(blocking(_findings(too_soon))) == ["second_convocation_too_soon"]
    recorded = dataclasses.replace(unrecorded, first_convocation=result.date - dt.timedelta(days=7))
    assert _findings(recorded) == []


def test_totals_that_do_not_add_up_block():
    result, _ = _small(items=[item(vote=Vote(votes_for=20, votes_against=0, abstentions=0))])
    found = blocking(_findings(result))
    assert "tally_mismatch" in codes(found)
    assert "= 20, pour 5 votants" in found[0].message


def test_more_seats_than_members_in_office_block():
    result, _ = _small(present_count=5, in_office=5)
    result = dataclasses.replace(result, members_in_office=3)
    found = blocking(_findings(result))
    assert "seats_exceeded" in codes(found)


def test_no_members_in_office_blocks():
    result = meeting((), (), in_office=0)
    assert "no_members_in_office" in codes(blocking(_findings(result)))


def test_invalid_proxies_block_and_name_both_members():
    roster = names(6)
    attendance = [present(n) for n in roster[:4]] + [absent(n) for n in roster[4:]]
    result = meeting(
        members(*roster),
        attendance,
        [proxy(roster[4], roster[0]), proxy(roster[5], roster[0])],
        in_office=6,
    )
    found = blocking(_findings(result))
    assert codes(found) == ["proxy_holder_overloaded"]
    assert found[0].members == (key(roster[0]), key(roster[5]))
    assert "L2121-20" in found[0].source


def test_member_present_and_absent_blocks_only_the_items_concerned():
    roster = names(5)
    attendance = [present(n) for n in roster] + [absent(roster[0], Window(until_item=1))]
    items = [item(1), item(2)]
    result = meeting(members(*roster), attendance, items=items, in_office=5)
    assert "present_and_absent" in codes(blocking(_findings(result, 1)))
    assert _findings(result, 2) == []


def test_interested_member_counted_in_the_totals_is_named():
    result, roster = _small(
        items=[item(interested=["M000"], vote=Vote(votes_for=5, votes_against=0, abstentions=0))]
    )
    found = blocking(_findings(result))
    assert "interested_member_counted" in codes(found)
    counted = next(f for f in found if f.code == "interested_member_counted")
    assert counted.members == (key("M000"),) and "M. Prénom M000" in counted.message
    assert "L2131-11" in counted.source


def test_roll_call_naming_an_absent_an_interested_member_or_a_stranger_blocks():
    roster = names(5)
    attendance = [present(n) for n in roster[:4]] + [absent(roster[4])]
    ballots = tuple((key(n), Ballot.FOR) for n in roster) + ((key("INCONNU"), Ballot.FOR),)
    vote = Vote(kind=VoteKind.ROLL_CALL, ballots=ballots)
    voted = Item(1, "Question", frozenset({key(roster[0])}), vote)
    result = meeting(members(*roster), attendance, items=[voted], in_office=5)
    found = codes(blocking(_findings(result)))
    assert "ballot_from_absent_member" in found
    assert "interested_member_voted" in found
    assert "ballot_from_non_member" in found


def test_missing_vote_and_tie_without_the_chair_are_undetermined():
    result, _ = _small(items=[item(vote=Vote(votes_for=2))])
    assert "undetermined_result" in codes(blocking(_findings(result)))
    result, _ = _small(present_count=4, items=[item(vote=Vote(votes_for=2, votes_against=2, abstentions=0))])
    found = _findings(result)
    assert codes(blocking(found)) == ["undetermined_result"]
    assert "partage des voix (2 pour, 2 contre)" in found[0].message
    assert "tie_without_chair_vote" not in codes(found)


def test_secret_ballot_tie_is_a_warning_that_the_proposal_is_rejected():
    vote = Vote(kind=VoteKind.SECRET_BALLOT, votes_for=2, votes_against=2, abstentions=0)
    result, _ = _small(present_count=4, items=[item(vote=vote)])
    found = _findings(result)
    assert blocking(found) == []
    assert codes(warnings(found)) == ["secret_ballot_tie"]


def test_reading_assumptions_of_the_meeting_are_warnings():
    roster = names(5)
    attendance = [present(n) for n in roster[:4]] + [
        present(roster[4], Window(until_item=2, loose_end=True)),
        absent(roster[4], Window(from_item=2)),
    ]
    items = [item(1), item(2), item(3)]
    result = meeting(members(*roster), attendance, items=items, in_office=5)
    found = _findings(result, 2)
    assert blocking(found) == []
    assert codes(warnings(found)) == ["attendance_overlap_resolved"]
    assert warnings(found)[0].members == (key(roster[4]),)
    assert codes(_findings(result, 3)) == ["attendance_overlap_resolved"]  # the act restates the lists


def test_uncertain_rules_are_a_warning():
    result, _ = _small(day=dt.date(2020, 9, 15))
    assert codes(warnings(_findings(result))) == ["rules_uncertain"]


def test_every_finding_has_a_legal_source():
    result, _ = _small(present_count=2, in_office=15, items=[item(vote=Vote(votes_for=9))])
    assert all(f.source for f in _findings(result))
