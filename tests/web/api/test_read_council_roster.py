"""The roster of a council built in the back office: its members as Popolo, never a 500."""

import pytest

from registre.web.register.models import Deliberation

pytestmark = pytest.mark.django_db


def test_roster_of_a_council_with_several_published_deliberations(client, back_office_council):
    response = client.get(f"/api/v1/councils/{back_office_council.pk}/roster/")
    assert response.status_code == 200
    roster = response.json()
    assert sorted(p["family_name"] for p in roster["persons"]) == ["AEBISCHER", "BODIN", "PETIT", "VIGNOT"]
    assert {m["person_id"] for m in roster["memberships"]} == {p["id"] for p in roster["persons"]}


def test_roster_of_a_council_without_published_deliberation_is_a_french_404(client, meeting):
    """A council whose meeting has only a draft (a published act is never unpublished: the
    database refuses it, so the council here never published one)."""
    Deliberation.objects.create(
        authority=meeting.council.authority, item=meeting.items.first(), title="Brouillon"
    )
    response = client.get(f"/api/v1/councils/{meeting.council.pk}/roster/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Assemblée introuvable, ou sans délibération publiée."}
