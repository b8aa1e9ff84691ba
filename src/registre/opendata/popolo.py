"""Votes as open civic data: Popolo JSON (http://www.popoloproject.com/specs/).

The roster gives Organization (the council), Person and Membership; a meeting adds one Motion
and one VoteEvent per voted item, with its Counts (yes / no / abstain, and "not voting" for the
members interested in the matter) and, for a roll-call, one Vote per member. Figures come from
the rules core's tally, not from what the text states.
"""

from __future__ import annotations

import re
from typing import Any

from registre.core import Authority, Ballot, Item, Meeting, MeetingTally, Member, VoteKind
from registre.core.names import fold

_OPTIONS = {Ballot.FOR: "yes", Ballot.AGAINST: "no", Ballot.ABSTAIN: "abstain"}
Json = dict[str, Any]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-") or "x"


def organization_id(meeting_or_authority: Meeting | Authority) -> str:
    authority = (
        meeting_or_authority.authority if isinstance(meeting_or_authority, Meeting) else meeting_or_authority
    )
    return f"org/{authority.siret}" if authority.siret else f"org/{_slug(authority.name)}"


def person_id(key: str) -> str:
    return f"person/{_slug(key.replace('|', ' '))}"


def _person(member: Member) -> Json:
    person: Json = {
        "id": person_id(member.key),
        "name": member.name,
        "given_name": member.first_name,
        "family_name": member.last_name,
    }
    if member.civility:
        person["honorific_prefix"] = member.civility
    return person


def roster(meeting: Meeting) -> Json:
    """Organization, Person and Membership of the council, as of the meeting's date."""
    authority = meeting.authority
    org = organization_id(meeting)
    organization: Json = {"id": org, "name": authority.name, "classification": "council"}
    if authority.siret:
        organization["identifiers"] = [{"scheme": "SIRET", "identifier": authority.siret}]
    if meeting.council:
        organization["other_names"] = [{"name": meeting.council}]
    memberships: list[Json] = []
    for member in meeting.members:
        membership: Json = {
            "id": f"membership/{_slug(member.key.replace('|', ' '))}",
            "person_id": person_id(member.key),
            "organization_id": org,
            "role": "conseiller suppléant" if member.substitute else "conseiller",
        }
        if member.commune:
            membership["area"] = {"name": member.commune, "classification": "commune"}
        memberships.append(membership)
    return {
        "organizations": [organization],
        "persons": [_person(m) for m in meeting.members],
        "memberships": memberships,
    }


def meeting_popolo(
    meeting: Meeting, tally: MeetingTally, *, deliberation_ids: dict[int, str] | None = None
) -> Json:
    """The roster plus a Motion and a VoteEvent for each voted item of the meeting."""
    data = roster(meeting)
    org = organization_id(meeting)
    ids = deliberation_ids or {}
    day = meeting.date.isoformat()
    motions: list[Json] = []
    vote_events: list[Json] = []
    for item_tally in tally.items:
        item = meeting.item(item_tally.item)
        if item is None or item.vote.kind is VoteKind.NO_VOTE:
            continue
        reference = ids.get(item.number, f"{day}/{item.number}")
        motion_id = f"motion/{_slug(reference)}"
        result = {True: "pass", False: "fail", None: None}[item_tally.adopted]
        motion: Json = {
            "id": motion_id,
            "organization_id": org,
            "text": item.title or f"Question n°{item.number}",
            "identifier": reference,
            "date": day,
            "requirement": "majorité absolue des suffrages exprimés",
            "classification": "délibération",
        }
        if result:
            motion["result"] = result
        motions.append(motion)
        counts: list[Json] = []
        for option, value in (
            ("yes", item_tally.votes_for),
            ("no", item_tally.votes_against),
            ("abstain", item_tally.abstentions),
            ("not voting", item_tally.not_participating),
        ):
            if value is not None:
                counts.append({"option": option, "value": value})
        event: Json = {
            "id": f"vote-event/{_slug(reference)}",
            "motion_id": motion_id,
            "organization_id": org,
            "identifier": reference,
            "start_date": day,
            "counts": counts,
            "extras": {
                "item": item.number,
                "position": item_tally.position + 1,
                "voters": item_tally.voters,
                "present": item_tally.present_count,
                "represented": item_tally.represented_count,
                "vote_kind": item.vote.kind.value,
                "quorum_reached": item_tally.quorum_reached,
            },
        }
        if result:
            event["result"] = result
        votes = _roll_call_votes(meeting, item, event["id"])
        if votes:
            event["votes"] = votes
        vote_events.append(event)
    data.update({"motions": motions, "vote_events": vote_events})
    return data


def _roll_call_votes(meeting: Meeting, item: Item, event_id: str) -> list[Json]:
    if item.vote.kind is not VoteKind.ROLL_CALL or not item.vote.ballots:
        return []
    votes = []
    for key, ballot in item.vote.ballots:
        if key in item.interested_members:
            continue
        votes.append({"vote_event_id": event_id, "voter_id": person_id(key), "option": _OPTIONS[ballot]})
    return votes
