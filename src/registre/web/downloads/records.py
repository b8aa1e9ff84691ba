"""Stored records to the documents' records (registre.documents).

Figures are never read from the database: the core meeting comes from
``register.conversion.meeting_to_core`` and the documents layer tallies it.
``published_only`` keeps the drafts out of what the public may download.
"""

from __future__ import annotations

from django.utils import timezone

from registre.documents import DeliberationRecord, MeetingRecord
from registre.web.register.conversion import meeting_to_core
from registre.web.register.models import Deliberation, Meeting


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
