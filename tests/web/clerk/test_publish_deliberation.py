"""Numbering, publication, read-only after publication, correction as a new linked record."""

import pytest
from django.db import transaction

from registre.web.register.models import Attendance, Deliberation, PublishedRecordError

from .conftest import item_url, member


def _published(greffe, meeting):
    greffe.post(item_url(meeting, 2, "vote"), {"vote_kind": "show_of_hands", "unanimous": "on"})
    greffe.post(item_url(meeting, 2, "deliberation"), {"title": "Subvention au club de kayak"})
    deliberation = Deliberation.objects.get(item__meeting=meeting)
    assert deliberation.number == "2024/000001" and deliberation.status == "draft"
    assert greffe.post(f"/greffe/deliberations/{deliberation.pk}/publier/").status_code == 302
    deliberation.refresh_from_db()
    return deliberation


def test_publish_then_read_only_then_public(greffe, meeting, client):
    deliberation = _published(greffe, meeting)
    assert deliberation.is_published
    public = client.get(f"/deliberations/grand-besancon-metropole/2024/{deliberation.sequence}/")
    assert public.status_code == 200 and "Subvention au club de kayak" in public.content.decode()
    assert "2024/000001" in client.get("/?q=kayak").content.decode()
    response = greffe.post(
        item_url(meeting, 2, "vote"), {"vote_kind": "show_of_hands", "votes_for": "1"}, follow=True
    )
    assert "n&#x27;est plus modifiable" in response.content.decode()
    item = meeting.items.get(number=2)
    assert item.unanimous is True and item.votes_for is None
    item.votes_for = 3
    with pytest.raises(PublishedRecordError), transaction.atomic():
        item.save()
    with pytest.raises(PublishedRecordError), transaction.atomic():
        Attendance.objects.create(meeting=meeting, member=member(meeting.council, "GHEZALI"), present=True)
    with pytest.raises(PublishedRecordError), transaction.atomic():
        item.interested_members.add(member(meeting.council, "BODIN"))
    deliberation.title = "Autre"
    with pytest.raises(PublishedRecordError), transaction.atomic():
        deliberation.save()


def test_correction_is_a_new_linked_record(greffe, meeting):
    original = _published(greffe, meeting)
    response = greffe.post(f"/greffe/deliberations/{original.pk}/corriger/")
    correction = Deliberation.objects.get(corrects=original)
    assert response["Location"] == f"/greffe/deliberations/{correction.pk}/"
    assert correction.number == "2024/000002" and correction.status == "draft"
    greffe.post(
        f"/greffe/deliberations/{correction.pk}/", {"title": "Subvention au club de kayak (rectifiée)"}
    )
    original.refresh_from_db()
    assert original.title == "Subvention au club de kayak" and original.is_published


def test_publishing_without_a_result_is_refused(greffe, meeting):
    greffe.post(item_url(meeting, 3, "deliberation"), {"title": "Rapport 3"})
    deliberation = Deliberation.objects.get(item__meeting=meeting)
    response = greffe.post(f"/greffe/deliberations/{deliberation.pk}/publier/", follow=True)
    assert "Le résultat du vote n&#x27;est pas déterminé" in response.content.decode()
    deliberation.refresh_from_db()
    assert not deliberation.is_published
