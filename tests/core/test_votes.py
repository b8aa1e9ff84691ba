from registre.core import Ballot, Vote, VoteKind, tally_meeting

from .builders import absent, codes, item, key, meeting, members, present, proxy

ROSTER = members("A", "B", "C", "D", "E", "F")


def _tally(vote, attendance=None, proxies=(), chair=None, interested=()):
    attendance = attendance or [present(n) for n in "ABCDEF"]
    result = meeting(
        ROSTER, attendance, proxies, items=[item(1, vote=vote, interested=interested)], chair=chair
    )
    return tally_meeting(result).items[0]


def test_majority_of_votes_cast_adopts():
    tally = _tally(Vote(votes_for=3, votes_against=2, abstentions=1))
    assert tally.adopted and tally.votes_cast == 5 and not tally.unanimous


def test_abstentions_are_not_votes_cast():
    tally = _tally(Vote(votes_for=1, votes_against=0, abstentions=5))
    assert tally.adopted and tally.votes_cast == 1
    assert not tally.unanimous and tally.unanimous_of_votes_cast


def test_tie_is_broken_by_the_chairs_vote():
    tally = _tally(Vote(votes_for=3, votes_against=3, abstentions=0, chair_ballot=Ballot.FOR))
    assert tally.adopted is True
    tally = _tally(Vote(votes_for=3, votes_against=3, abstentions=0, chair_ballot=Ballot.AGAINST))
    assert tally.adopted is False


def test_tie_without_the_chairs_vote_is_undetermined_not_rejected():
    tally = _tally(Vote(votes_for=3, votes_against=3, abstentions=0))
    assert tally.adopted is None
    assert "tie_without_chair_vote" in codes(tally.violations)


def test_tie_in_a_secret_ballot_rejects():
    tally = _tally(
        Vote(
            kind=VoteKind.SECRET_BALLOT, votes_for=3, votes_against=3, abstentions=0, chair_ballot=Ballot.FOR
        )
    )
    assert tally.adopted is False


def test_roll_call_counts_each_ballot_with_the_chairs_casting_vote():
    ballots = tuple(
        (key(n), b) for n, b in zip("ABCDEF", [Ballot.FOR] * 3 + [Ballot.AGAINST] * 3, strict=False)
    )
    tally = _tally(Vote(kind=VoteKind.ROLL_CALL, ballots=ballots), chair="A")
    assert (tally.votes_for, tally.votes_against, tally.abstentions) == (3, 3, 0)
    assert tally.adopted is True


def test_roll_call_ballot_through_a_proxy_counts():
    ballots = tuple((key(n), Ballot.FOR) for n in "ABCDEF")
    attendance = [present(n) for n in "ABCDE"] + [absent("F")]
    tally = _tally(Vote(kind=VoteKind.ROLL_CALL, ballots=ballots), attendance, [proxy("F", "A")])
    assert tally.votes_for == 6 and not tally.violations


def test_roll_call_ballot_from_an_absent_member_is_refused():
    ballots = tuple((key(n), Ballot.FOR) for n in "ABCDEF")
    attendance = [present(n) for n in "ABCDE"] + [absent("F")]
    tally = _tally(Vote(kind=VoteKind.ROLL_CALL, ballots=ballots), attendance)
    assert tally.votes_for == 5
    assert "ballot_from_absent_member" in codes(tally.violations)


def test_interested_member_listed_as_voter_is_a_violation():
    ballots = tuple((key(n), Ballot.FOR) for n in "ABCDEF")
    tally = _tally(Vote(kind=VoteKind.ROLL_CALL, ballots=ballots), interested=["B"])
    assert tally.votes_for == 5
    assert "interested_member_voted" in codes(tally.violations)


def test_totals_that_do_not_add_up_are_flagged():
    tally = _tally(Vote(votes_for=4, votes_against=1, abstentions=0))
    assert "tally_mismatch" in codes(tally.violations)


def test_unanimity_with_votes_against_is_flagged():
    tally = _tally(Vote(unanimous=True, votes_for=5, votes_against=1, abstentions=0))
    assert "unanimity_with_votes_against" in codes(tally.violations)


def test_missing_total_is_derived_from_voters():
    tally = _tally(Vote(votes_for=5, votes_against=1))
    assert tally.abstentions == 0 and not tally.violations


def test_no_vote_items_have_no_result():
    tally = _tally(Vote(kind=VoteKind.NO_VOTE))
    assert tally.adopted is None and tally.votes_for is None and tally.voters == 6
