"""Published and unpublished deliberations beside the demo, for the public portal's tests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone


@pytest.fixture
def register(demo):
    """The demo plus, in the demo's meeting, three more deliberations: two published, one draft;
    and a published one of another authority at another meeting."""
    from registre.web.register.models import Authority, Council, Deliberation, Item, Meeting

    example = demo["deliberation"]
    meeting = example.item.meeting
    items = {item.number: item for item in meeting.items.all()}

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
        if published:
            record.publish()
        record.save()
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
    council = Council.objects.create(authority=neighbour, name="Conseil municipal")
    other_meeting = Meeting.objects.create(council=council, date=dt.date(2023, 3, 14), members_in_office=15)
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


def numbers(response) -> list[str]:
    """Deliberation numbers listed on a results page, in order."""
    import re

    return re.findall(r"Délibération n°(\d{4}/\d{6})", response.content.decode())
