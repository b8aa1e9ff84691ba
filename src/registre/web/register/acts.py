"""Published acts back into rules-core objects, from their frozen content alone.

The documents (extract, list) and Popolo of a published act are laid out from these: the names,
windows and figures as they were published, never the live rows. Nothing is re-tallied: the
item tallies are the ones the core computed at publication.
"""

from __future__ import annotations

import datetime as dt

from registre import core
from registre.core.sweep import Span


def _window(data: dict) -> core.Window:
    return core.Window(
        from_item=data["from_item"],
        until_item=data["until_item"],
        except_items=frozenset(data["except_items"]),
        loose_end=data["loose_end"],
    )


def _proxy(data: dict) -> core.Proxy:
    return core.Proxy(data["principal"], data["holder"], _window(data["window"]))


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def core_item(data: dict) -> core.Item:
    item, vote = data["item"], data["item"]["vote"]
    return core.Item(
        number=item["number"],
        title=item["title"],
        interested_members=frozenset(item["interested_members"]),
        vote=core.Vote(
            kind=core.VoteKind(vote["kind"]),
            votes_for=vote["votes_for"],
            votes_against=vote["votes_against"],
            abstentions=vote["abstentions"],
            unanimous=vote["unanimous"],
            ballots=tuple((key, core.Ballot(ballot)) for key, ballot in vote["ballots"]),
            chair_ballot=core.Ballot(vote["chair_ballot"]) if vote["chair_ballot"] else None,
        ),
        rapporteur=item["rapporteur"],
        committee=item["committee"],
    )


def core_meeting(data: dict, items: tuple[core.Item, ...] | None = None) -> core.Meeting:
    """The meeting as the act recorded it (``items``: the acts' items; default: this act's)."""
    m, authority = data["meeting"], data["authority"]
    return core.Meeting(
        authority=core.Authority(authority["name"], authority["kind"], authority["siret"] or None),
        date=dt.date.fromisoformat(m["date"]),
        members=tuple(
            core.Member(p["first_name"], p["last_name"], p["civility"], p["commune"], p["substitute"])
            for p in m["members"]
        ),
        order_of_passage=tuple(m["order_of_passage"]),
        items=items if items is not None else (core_item(data),),
        attendance=tuple(
            core.Attendance(a["member"], a["present"], _window(a["window"])) for a in m["attendance"]
        ),
        proxies=tuple(_proxy(p) for p in m["proxies"]),
        members_in_office=m["members_in_office"],
        council=data["council"],
        place=m["place"],
        chair=m["chair"],
        secretary=m["secretary"],
        opened_at=_time(m["opened_at"]),
        closed_at=_time(m["closed_at"]),
        reconvened_without_quorum=m["reconvened_without_quorum"],
        first_convocation=dt.date.fromisoformat(m["first_convocation"]) if m["first_convocation"] else None,
    )


def item_tally(data: dict) -> core.ItemTally:
    """The item's tally as the core computed it at publication. Its names are the span the core
    swept (present, valid proxies, the members listed), rebuilt for this one position."""
    t = data["tally"]
    position = data["item"]["position"]
    represented = tuple(_proxy(p) for p in t["represented"])
    present = frozenset(t["present"])
    listed = present | frozenset(t["absent"]) | {p.principal for p in represented}
    return core.ItemTally(
        item=data["item"]["number"],
        position=position,
        not_participating=t["not_participating"],
        interested_present=tuple(t["interested_present"]),
        voters=t["voters"],
        quorum_required=t["quorum_required"],
        quorum_count=t["quorum_count"],
        quorum_reached=t["quorum_reached"],
        votes_for=t["votes_for"],
        votes_against=t["votes_against"],
        abstentions=t["abstentions"],
        adopted=t["adopted"],
        unanimous=t["unanimous"],
        unanimous_of_votes_cast=t["unanimous_of_votes_cast"],
        violations=(),  # the act records the findings acknowledged, not the tally's own list
        span=Span(position, position + 1, present, represented, listed, ((), ())),
    )


def recorded(acts: list) -> list:
    """The acts that record a meeting (not those recorded from imported open data)."""
    return [act for act in acts if act.data.get("item") is not None]


def meeting_tally_of_acts(acts: list) -> tuple[core.Meeting, core.MeetingTally]:
    """One meeting's published acts → its core meeting (as the first act recorded it) and the
    tallies frozen in each act, in the order of passage."""
    acts = sorted(recorded(acts), key=lambda act: act.data["item"]["position"])
    if not acts:
        raise ValueError("aucun acte de cette séance n'en enregistre les présences et les votes")
    meeting = core_meeting(acts[0].data, tuple(core_item(act.data) for act in acts))
    tallies = [item_tally(act.data) for act in acts]
    return meeting, core.MeetingTally(meeting, core.rules_on(meeting.date), tallies, [])


def roster_of_act(act) -> core.Meeting:
    return core_meeting(act.data)
