"""Stored records to rules-core objects. The core judges; the database only remembers."""

from __future__ import annotations

from registre import core

from .models import Meeting


def window(record) -> core.Window:
    return core.Window(
        from_item=record.from_item,
        until_item=record.until_item,
        except_items=frozenset(record.except_items or ()),
        loose_end=record.loose_end,
    )


def meeting_to_core(meeting: Meeting) -> core.Meeting:
    council = meeting.council
    members = list(council.members.all())
    keys = {m.pk: m.key for m in members}
    items = list(meeting.items.prefetch_related("interested_members", "ballots__member").order_by("position"))
    return core.Meeting(
        authority=core.Authority(
            council.authority.name, council.authority.kind, council.authority.siret or None
        ),
        date=meeting.date,
        members=tuple(
            core.Member(m.first_name, m.last_name, m.civility, m.commune or None, m.substitute)
            for m in members
        ),
        order_of_passage=tuple(item.number for item in items),
        items=tuple(_item(item, keys) for item in items),
        attendance=tuple(
            core.Attendance(keys.get(a.member_id) or a.member.key, a.present, window(a))
            for a in meeting.attendance.select_related("member")
        ),
        proxies=tuple(
            core.Proxy(
                keys.get(p.principal_id) or p.principal.key, keys.get(p.holder_id) or p.holder.key, window(p)
            )
            for p in meeting.proxies.select_related("principal", "holder").order_by("pk")
        ),
        members_in_office=meeting.members_in_office,
        council=council.name,
        place=meeting.place or None,
        chair=keys.get(meeting.chair_id),
        secretary=keys.get(meeting.secretary_id),
        opened_at=meeting.opened_at,
        closed_at=meeting.closed_at,
        reconvened_without_quorum=meeting.reconvened_without_quorum,
        first_convocation=meeting.first_convocation.date if meeting.first_convocation_id else None,
    )


def _item(item, keys) -> core.Item:
    return core.Item(
        number=item.number,
        title=item.title,
        # a member of another council keeps their own key: the core names them "not a member"
        interested_members=frozenset(keys.get(m.pk, m.key) for m in item.interested_members.all()),
        vote=core.Vote(
            kind=core.VoteKind(item.vote_kind),
            votes_for=item.votes_for,
            votes_against=item.votes_against,
            abstentions=item.abstentions,
            unanimous=item.unanimous,
            ballots=tuple(
                (keys.get(b.member_id, b.member.key), core.Ballot(b.choice)) for b in item.ballots.all()
            ),
            chair_ballot=core.Ballot(item.chair_ballot) if item.chair_ballot else None,
        ),
        rapporteur=item.rapporteur or None,
        committee=item.committee or None,
    )


def tally(meeting: Meeting) -> core.MeetingTally:
    return core.tally_meeting(meeting_to_core(meeting))
