"""The administrator cannot unpublish, rewrite or delete a published act, nor change the slug of
an authority with acts, nor erase the audit trail; every refusal answers cleanly, never a 500.
A draft is published from the admin through the same service, with its reasons and warnings."""

import re
from html import unescape

import pytest

from registre.web.register.models import Authority, Deliberation, Meeting, Member, PublishedAct

from .publication_cases import overlap, quorum


@pytest.fixture
def admin_client(client_for):
    return client_for("admin")


def test_a_published_act_is_read_only_in_the_admin(admin_client, demo):
    deliberation = demo["deliberation"]
    url = f"/admin/register/deliberation/{deliberation.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200 and 'name="title"' not in page.content.decode()  # view only
    assert admin_client.post(url, {"title": "Réécrite", "text": ""}).status_code == 403
    assert (
        admin_client.post(
            f"/admin/register/deliberation/{deliberation.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    bulk = admin_client.post(
        "/admin/register/deliberation/",
        {"action": "delete_selected", "_selected_action": [deliberation.pk], "post": "yes"},
    )
    assert bulk.status_code == 200 and "pas autorisé à supprimer" in unescape(bulk.content.decode())
    act_url = f"/admin/register/publishedact/{deliberation.act.pk}/"
    assert admin_client.post(act_url + "change/", {}).status_code == 403
    assert admin_client.post(act_url + "delete/", {"post": "yes"}).status_code == 403
    deliberation.refresh_from_db()
    assert deliberation.is_published and deliberation.title != "Réécrite"
    assert PublishedAct.objects.filter(pk=deliberation.act.pk).exists()


def test_deleting_what_acts_rest_on_is_refused_cleanly(admin_client, demo):
    authority = demo["authority"]
    meeting = demo["deliberation"].item.meeting
    for url in (
        f"/admin/register/authority/{authority.pk}/delete/",
        f"/admin/register/meeting/{meeting.pk}/delete/",
    ):
        response = admin_client.post(url, {"post": "yes"}, follow=True)
        assert response.status_code == 200 and "Impossible" in unescape(response.content.decode()), url
    member = Member.objects.filter(council=meeting.council).first()
    response = admin_client.post(f"/admin/register/member/{member.pk}/delete/", {"post": "yes"}, follow=True)
    assert response.status_code == 200
    assert "les présences et les procurations ne sont plus modifiables" in unescape(response.content.decode())
    assert (
        Authority.objects.filter(pk=authority.pk).exists() and Meeting.objects.filter(pk=meeting.pk).exists()
    )
    assert Member.objects.filter(pk=member.pk).exists()


def test_the_slug_of_an_authority_with_acts_cannot_be_changed(admin_client, demo):
    authority = demo["authority"]
    url = f"/admin/register/authority/{authority.pk}/change/"
    response = admin_client.post(
        url,
        {"name": authority.name, "slug": "autre-adresse", "kind": authority.kind, "siret": authority.siret},
    )
    assert response.status_code == 302  # saved, the slug being read-only on this screen
    authority.refresh_from_db()
    assert authority.slug == "grand-besancon-metropole"


def test_a_locked_meeting_is_refused_at_the_form(admin_client, demo):
    meeting = demo["deliberation"].item.meeting
    url = f"/admin/register/meeting/{meeting.pk}/change/"
    response = admin_client.post(
        url, {"council": meeting.council_id, "date": "2021-10-08", "place": "Ailleurs"}
    )
    assert response.status_code == 200
    assert "la séance n&#x27;est plus modifiable" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.date.isoformat() == "2021-10-07"


def test_the_audit_trail_cannot_be_deleted_from_the_admin(admin_client, demo):
    from auditlog.models import LogEntry

    entry = LogEntry.objects.order_by("pk").first()
    assert admin_client.get("/admin/auditlog/logentry/").status_code == 200
    assert (
        admin_client.post(f"/admin/auditlog/logentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_the_admin_publishes_through_the_service(admin_client, meeting):
    quorum(meeting)
    draft = Deliberation.objects.create(
        authority=meeting.council.authority, item=meeting.items.get(number=2), title="Objet", actes_code="8.3"
    )
    url = f"/admin/register/deliberation/{draft.pk}/publier/"
    page = unescape(admin_client.get(url).content.decode())
    assert "Quorum non atteint aux questions n°1 à n°3 : 3 pour 4 requis" in page
    refused = admin_client.post(url, {})
    assert refused.status_code == 400
    draft.refresh_from_db()
    assert not draft.is_published


def test_the_admin_acknowledges_warnings_one_by_one(admin_client, meeting):
    overlap(meeting)
    draft = Deliberation.objects.create(
        authority=meeting.council.authority, item=meeting.items.get(number=2), title="Objet", actes_code="8.3"
    )
    url = f"/admin/register/deliberation/{draft.pk}/publier/"
    assert admin_client.post(url, {}).status_code == 400
    keys = re.findall(r'name="acknowledge" value="(\w+)"', admin_client.get(url).content.decode())
    assert admin_client.post(url, {"acknowledge": keys}).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published and draft.act.data["published_by"] == "admin"
