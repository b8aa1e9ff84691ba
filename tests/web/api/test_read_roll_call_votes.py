"""A roll-call recorded in the back office: Popolo gives each member's vote, not totals only."""

import pytest

from registre.opendata.popolo import person_id

pytestmark = pytest.mark.django_db


def test_popolo_vote_event_lists_each_members_vote(client, back_office_council):
    meeting = back_office_council.meetings.get(date="2024-03-14")
    popolo = client.get(f"/api/v1/meetings/{meeting.pk}/popolo/").json()
    (event,) = popolo["vote_events"]
    members = {m.last_name: m for m in back_office_council.members.all()}
    expected = {
        (person_id(members["VIGNOT"].key), "yes"),
        (person_id(members["BODIN"].key), "no"),
        (person_id(members["AEBISCHER"].key), "yes"),
        (person_id(members["PETIT"].key), "abstain"),
    }
    assert {(v["voter_id"], v["option"]) for v in event["votes"]} == expected
    assert {v["vote_event_id"] for v in event["votes"]} == {event["id"]}
    assert {c["option"]: c["value"] for c in event["counts"]} == {
        "yes": 2,
        "no": 1,
        "abstain": 1,
        "not voting": 0,
    }
    persons = {p["id"] for p in popolo["persons"]}
    assert {v["voter_id"] for v in event["votes"]} <= persons
