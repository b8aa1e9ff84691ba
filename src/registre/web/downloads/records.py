"""Stored records to the documents' records (registre.documents).

A published act's documents come from its frozen content (register.acts): names, windows and
figures as published, never the live rows. A draft's (clerks only) from the live records: the
core meeting comes from ``register.conversion.meeting_to_core`` and the documents layer tallies it.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from registre.documents import DeliberationRecord, MeetingRecord
from registre.web.register import acts
from registre.web.register.conversion import meeting_to_core
from registre.web.register.models import Deliberation, Meeting, PublishedAct


def deliberation_record(deliberation: Deliberation) -> DeliberationRecord:
    item = deliberation.item
    published_on = timezone.localdate(deliberation.published_at) if deliberation.published_at else None
    return DeliberationRecord(
        number=deliberation.number,
        item=item.number,
        title=deliberation.title or item.title,
        rapporteur=item.rapporteur or None,
        committee=item.committee or None,
        budget_line=deliberation.budget_line or None,
        text=deliberation.text,
        decision=deliberation.decision,
        transmitted_on=deliberation.prefecture_transmitted_on,
        published_on=published_on if deliberation.is_published else None,
    )


def meeting_record(meeting: Meeting, *, published_only: bool = False) -> MeetingRecord:
    """The meeting with its deliberations in the order of passage (chair and secretary come with the core meeting)."""
    deliberations = Deliberation.objects.filter(item__meeting=meeting).select_related("item")
    if published_only:
        deliberations = deliberations.filter(status=Deliberation.PUBLISHED)
    deliberations = sorted(deliberations, key=lambda d: (d.item.position, d.number))
    return MeetingRecord(
        meeting=meeting_to_core(meeting),
        deliberations=tuple(deliberation_record(d) for d in deliberations),
        convened_on=meeting.convened_on,
    )


def act_deliberation_record(act: PublishedAct) -> DeliberationRecord:
    data = act.data
    item, words = data["item"], data["act"]
    return DeliberationRecord(
        number=words["number"],
        item=item["number"],
        title=words["title"] or item["title"],
        rapporteur=item["rapporteur"],
        committee=item["committee"],
        budget_line=words["budget_line"] or None,
        text=words["text"],
        decision=words["decision"],
        transmitted_on=act.deliberation.prefecture_transmitted_on,  # recorded after publication
        published_on=timezone.localdate(dt.datetime.fromisoformat(data["published_at"])),
    )


def published_record(published: list[PublishedAct]) -> MeetingRecord:
    """One meeting's published acts as the documents' record: from their frozen content only."""
    recorded = acts.recorded(published)
    meeting, meeting_tally = acts.meeting_tally_of_acts(recorded)
    first = min(recorded, key=lambda act: act.position)
    convened = first.deliberation.item.meeting.convened_on  # not part of the act's words
    return MeetingRecord(
        meeting=meeting,
        deliberations=tuple(
            act_deliberation_record(act) for act in sorted(recorded, key=lambda a: a.data["item"]["position"])
        ),
        tally=meeting_tally,
        convened_on=convened,
    )
