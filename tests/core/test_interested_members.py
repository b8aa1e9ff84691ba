from registre.core import tally_meeting

from .builders import absent, item, meeting, members, present, proxy

ROSTER = members("A", "B", "C", "D", "E")


def test_interested_member_present_does_not_vote():
    result = meeting(ROSTER, [present(n) for n in "ABCDE"], items=[item(1, interested=["A"])])
    tally = tally_meeting(result).items[0]
    assert tally.not_participating == 1 and tally.voters == 4 and tally.votes_for == 4


def test_interested_holder_casts_neither_vote():
    result = meeting(
        ROSTER,
        [present(n) for n in "ABCD"] + [absent("E")],
        [proxy("E", "A")],
        items=[item(1, interested=["A"])],
    )
    tally = tally_meeting(result).items[0]
    assert tally.represented_count == 1
    assert tally.not_participating == 2 and tally.voters == 3


def test_absent_interested_member_does_not_vote_through_the_holder():
    result = meeting(
        ROSTER,
        [present(n) for n in "ABCD"] + [absent("E")],
        [proxy("E", "A")],
        items=[item(1, interested=["E"])],
    )
    tally = tally_meeting(result).items[0]
    assert tally.not_participating == 1 and tally.voters == 4


def test_interested_holder_and_interested_principal_count_once():
    result = meeting(
        ROSTER,
        [present(n) for n in "ABCD"] + [absent("E")],
        [proxy("E", "A")],
        items=[item(1, interested=["A", "E"])],
    )
    assert tally_meeting(result).items[0].not_participating == 2
