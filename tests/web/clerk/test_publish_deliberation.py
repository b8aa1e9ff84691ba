"""A clerk publishes an act: refused with its reasons while a blocking finding stands (nothing
changes), warnings acknowledged one by one and recorded with the act; the number is given at
publication (abandoned drafts leave no gap); the act is then read-only."""

import re
from html import unescape

import pytest
from django.db import transaction

from registre.web.register.models import Attendance, Deliberation, PublishedAct, PublishedRecordError

from ..publication_cases import BLOCKING, WARNINGS, prepare
from .conftest import item_url, member


def _publish(greffe, deliberation, acknowledged=()):
    return greffe.post(
        f"/greffe/deliberations/{deliberation.pk}/publier/", {"acknowledge": list(acknowledged)}
    )


def _draft(greffe, meeting, number=2, title="Subvention au club de kayak"):
    greffe.post(item_url(meeting, number, "vote"), {"vote_kind": "show_of_hands", "unanimous": "on"})
    greffe.post(item_url(meeting, number, "deliberation"), {"title": title, "actes_code": "7.5"})
    return Deliberation.objects.get(item__meeting=meeting, item__number=number)


def _unchanged(deliberation, acts_before):
    deliberation.refresh_from_db()
    assert (
        deliberation.status == Deliberation.DRAFT
        and deliberation.number == ""
        and deliberation.sequence is None
    )
    assert PublishedAct.objects.count() == acts_before


@pytest.mark.parametrize("case", BLOCKING, ids=[c.name for c in BLOCKING])
def test_a_blocking_finding_refuses_the_publication_with_its_reason(greffe, meeting, case):
    deliberation = prepare(case, meeting)
    acts_before = PublishedAct.objects.count()
    page = unescape(greffe.get(f"/greffe/deliberations/{deliberation.pk}/").content.decode())
    assert "ne peut pas être publiée en l'état" in page and case.fragment in page
    response = _publish(greffe, deliberation)
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "Publication refusée" in html and "Rien n'a été publié ni modifié" in html
    assert f'data-code="{case.code}"' in html and case.fragment in html
    _unchanged(deliberation, acts_before)


@pytest.mark.parametrize("case", WARNINGS, ids=[c.name for c in WARNINGS])
def test_a_warning_needs_the_clerks_acknowledgement_recorded_with_the_act(greffe, meeting, client, case):
    deliberation = prepare(case, meeting)
    acts_before = PublishedAct.objects.count()
    refused = _publish(greffe, deliberation)
    assert refused.status_code == 400
    html = unescape(refused.content.decode())
    assert "Publication suspendue" in html and case.fragment in html
    _unchanged(deliberation, acts_before)
    keys = re.findall(r'name="acknowledge" value="(\w+)"', html)
    assert keys
    published = _publish(greffe, deliberation, keys)
    assert published.status_code == 302
    deliberation.refresh_from_db()
    assert deliberation.is_published
    recorded = deliberation.act.data["warnings_acknowledged"]
    assert case.code in [w["code"] for w in recorded]
    assert deliberation.act.data["published_by"] == "greffe"
    public = unescape(
        client.get(
            f"/deliberations/grand-besancon-metropole/{deliberation.year}/{deliberation.sequence}/"
        ).content.decode()
    )
    assert "Avertissements pris en compte à la publication" in public and case.fragment in public


def test_a_partial_acknowledgement_is_not_enough(greffe, meeting):
    from ..publication_cases import overlap, uncertain_rules

    overlap(meeting)
    uncertain_rules(meeting)
    deliberation = Deliberation.objects.create(
        authority=meeting.council.authority, item=meeting.items.get(number=2), title="Objet", actes_code="8.3"
    )
    keys = re.findall(r'name="acknowledge" value="(\w+)"', _publish(greffe, deliberation).content.decode())
    assert len(keys) == 2
    assert _publish(greffe, deliberation, keys[:1]).status_code == 400
    assert _publish(greffe, deliberation, ["inventee"] + keys[:1]).status_code == 400
    assert _publish(greffe, deliberation, keys).status_code == 302


def test_numbers_are_given_at_publication_without_gaps(greffe, meeting):
    abandoned = _draft(greffe, meeting, 1, "Projet abandonné")
    kept = _draft(greffe, meeting, 2)
    assert abandoned.number == kept.number == ""
    assert _publish(greffe, kept).status_code == 302
    kept.refresh_from_db()
    assert kept.number == "2024/000001" and kept.act.number == "2024/000001"
    abandoned.delete()  # a draft may be dropped: it never held a number
    third = _draft(greffe, meeting, 3, "Rapport 3")
    assert _publish(greffe, third).status_code == 302
    third.refresh_from_db()
    assert third.number == "2024/000002"


def test_publish_then_read_only_then_public(greffe, meeting, client):
    deliberation = _draft(greffe, meeting)
    assert _publish(greffe, deliberation).status_code == 302
    deliberation.refresh_from_db()
    assert deliberation.is_published
    public = client.get(f"/deliberations/grand-besancon-metropole/2024/{deliberation.sequence}/")
    assert public.status_code == 200 and "Subvention au club de kayak" in public.content.decode()
    assert deliberation.act.fingerprint in public.content.decode()
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
    assert _publish(greffe, deliberation).status_code == 302  # already published: said, nothing done
    assert PublishedAct.objects.filter(deliberation=deliberation).count() == 1
