"""Votes as Popolo JSON: the example's vote event and roster; a roll-call's individual votes."""

import json

from registre.core import Ballot, Vote, VoteKind, tally_meeting
from registre.opendata.popolo import meeting_popolo, person_id, roster

from ..core.builders import item, key, meeting, members, present


def test_example_vote_event(example_report):
    data = meeting_popolo(
        example_report.document.meeting, example_report.tally, deliberation_ids={19: "2021/005795"}
    )
    json.dumps(data)  # serialisable as is
    assert len(data["persons"]) == 123 and len(data["memberships"]) == 123
    assert sum(m["role"] == "conseiller suppléant" for m in data["memberships"]) == 2
    (motion,) = data["motions"]
    (event,) = data["vote_events"]
    assert motion["identifier"] == "2021/005795" and motion["result"] == "pass"
    counts = {c["option"]: c["value"] for c in event["counts"]}
    assert counts == {"yes": 104, "no": 0, "abstain": 0, "not voting": 5}
    assert event["motion_id"] == motion["id"] and event["extras"]["voters"] == 104
    persons = {p["id"] for p in data["persons"]}
    assert {m["person_id"] for m in data["memberships"]} == persons
    assert data["organizations"][0]["name"] == "Grand Besançon Métropole"


def test_roll_call_gives_one_vote_per_member_and_tie_broken_by_chair():
    roster_ = members("A", "B", "C", "D")
    ballots = (
        (key("A"), Ballot.FOR),
        (key("B"), Ballot.AGAINST),
        (key("C"), Ballot.FOR),
        (key("D"), Ballot.AGAINST),
    )
    the_meeting = meeting(
        roster_,
        [present(n) for n in "ABCD"],
        items=[item(1, vote=Vote(VoteKind.ROLL_CALL, ballots=ballots))],
        chair="A",
    )
    data = meeting_popolo(the_meeting, tally_meeting(the_meeting))
    (event,) = data["vote_events"]
    assert event["result"] == "pass"  # 2 against 2, the chair voted for
    assert {(v["voter_id"], v["option"]) for v in event["votes"]} == {
        (person_id(key("A")), "yes"),
        (person_id(key("B")), "no"),
        (person_id(key("C")), "yes"),
        (person_id(key("D")), "no"),
    }
    assert set(roster(the_meeting)) == {"organizations", "persons", "memberships"}
