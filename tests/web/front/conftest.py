"""Published and unpublished deliberations beside the demo, for the public portal's tests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone


@pytest.fixture
def register(demo):
    """The demo plus, in the demo's meeting, three more deliberations: two published, one draft;
    and a published one of another authority at another meeting."""
    from registre.web.register.models import (
        Attendance,
        Authority,
        Council,
        Deliberation,
        Item,
        Meeting,
        Member,
    )

    from ..conftest import publish_accepting_warnings

    example = demo["deliberation"]
    meeting = example.item.meeting
    items = {item.number: item for item in meeting.items.all()}
    for number in (20, 21, 22):  # the extract prints only item 19's vote: these were adopted unanimously
        items[number].unanimous = True
        items[number].save()

    def deliberation(item_number, sequence, title, published=True, authority=None, item=None, **fields):
        record = Deliberation(
            authority=authority or demo["authority"],
            item=item or items[item_number],
            number=Deliberation.format_number(2021, sequence),
            year=2021,
            sequence=sequence,
            title=title,
            **fields,
        )
        record.save()
        if published:
            publish_accepting_warnings(record)
        return record

    grants = deliberation(
        20,
        5796,
        "Attribution de subventions aux associations sportives",
        decision="Le conseil attribue les subventions.",
        actes_code="7.5",
    )
    digital = deliberation(21, 5797, "Schéma directeur du Numérique éducatif", actes_code="8.1")
    draft = deliberation(
        22,
        5798,
        "Projet confidentiel de subvention exceptionnelle au club de kayak",
        published=False,
        decision="Secret de brouillon.",
        actes_code="7.5",
    )
    neighbour = Authority.objects.get(name="Commune de Voisine-sur-Doubs")
    neighbour.siret = "21250999600014"  # fictitious, valid checksum
    neighbour.save()
    council = Council.objects.create(authority=neighbour, name="Conseil municipal")
    roster = [
        Member.objects.create(council=council, first_name="Élu", last_name=f"VOISIN{n}") for n in range(3)
    ]
    other_meeting = Meeting.objects.create(council=council, date=dt.date(2023, 3, 14), members_in_office=3)
    for member in roster:
        Attendance.objects.create(meeting=other_meeting, member=member, present=True)
    other_item = Item.objects.create(
        meeting=other_meeting, number=1, position=1, title="Vœu", vote_kind="no_vote"
    )
    other = deliberation(
        None,
        12,
        "Vœu relatif à la fermeture de la trésorerie",
        authority=neighbour,
        item=other_item,
        actes_code="9.4",
    )
    # drafts of their own: a meeting with nothing published
    hidden_meeting = Meeting.objects.create(council=council, date=dt.date(2023, 6, 1), members_in_office=15)
    hidden_item = Item.objects.create(meeting=hidden_meeting, number=1, position=1, title="Budget")
    hidden = deliberation(
        None,
        13,
        "Budget supplémentaire caché",
        published=False,
        authority=neighbour,
        item=hidden_item,
        actes_code="7.1",
    )
    return {
        "example": example,
        "meeting": meeting,
        "grants": grants,
        "digital": digital,
        "draft": draft,
        "other": other,
        "other_meeting": other_meeting,
        "hidden": hidden,
        "hidden_meeting": hidden_meeting,
        "now": timezone.now(),
    }


from ..conftest import publish_accepting_warnings, small_meeting  # noqa: E402


def numbers(response) -> list[str]:
    """Deliberation numbers listed on a results page, in order."""
    import re

    return re.findall(r"Délibération n°(\d{4}/\d{6})", response.content.decode())


def published_series(authority, day, titles: list[str], actes_code: str = "8.3"):
    """One published act per title, in this order, each on its own item of a new meeting."""
    from registre.web.register.models import Deliberation

    acts = []
    for item, title in zip(small_meeting(authority, day, len(titles)), titles, strict=True):
        draft = Deliberation.objects.create(
            authority=authority, item=item, title=title, actes_code=actes_code
        )
        acts.append(publish_accepting_warnings(draft))
    return acts
