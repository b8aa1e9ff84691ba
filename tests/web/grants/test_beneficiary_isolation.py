"""A beneficiary sees only its own agreements; roles keep to their pages; another authority sees nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from registre.web.grants.models import IndicatorReport, Submission

from .conftest import pdf_bytes


def test_the_portal_lists_only_ones_own_agreements(beneficiary, other_client, agreement, other_agreement):
    mine = beneficiary.get("/subventions/portail/").content.decode()
    theirs = other_client.get("/subventions/portail/").content.decode()
    assert agreement.reference in mine and other_agreement.reference not in mine
    assert other_agreement.reference in theirs and agreement.reference not in theirs
    assert "Pôle des Microtechniques" not in theirs


@pytest.mark.parametrize("path", ["", "document/", "indicateurs/"])
def test_another_beneficiarys_agreement_answers_404(other_client, agreement, path):
    assert other_client.get(f"/subventions/portail/conventions/{agreement.pk}/{path}").status_code == 404


def test_nothing_can_be_submitted_to_another_beneficiarys_agreement(other_client, agreement):
    response = other_client.post(
        f"/subventions/portail/conventions/{agreement.pk}/document/",
        {"kind": "activity_report", "year": "2021", "file": SimpleUploadedFile("r.pdf", pdf_bytes())},
    )
    assert response.status_code == 404
    response = other_client.post(
        f"/subventions/portail/conventions/{agreement.pk}/indicateurs/",
        {"year": "2021", "i_members__headcount": "1"},
    )
    assert response.status_code == 404
    assert (
        other_client.post(
            f"/subventions/portail/conventions/{agreement.pk}/resultats/", {"year": "2021"}
        ).status_code
        == 404
    )
    assert not Submission.objects.exists() and not IndicatorReport.objects.exists()


def test_another_beneficiarys_document_cannot_be_downloaded(beneficiary, other_client, officer, agreement):
    beneficiary.post(
        f"/subventions/portail/conventions/{agreement.pk}/document/",
        {"kind": "activity_report", "year": "2021", "file": SimpleUploadedFile("r.pdf", pdf_bytes())},
    )
    submission = Submission.objects.get()
    assert other_client.get(f"/subventions/documents/{submission.pk}/").status_code == 404
    assert beneficiary.get(f"/subventions/documents/{submission.pk}/").status_code == 200
    assert officer.get(f"/subventions/documents/{submission.pk}/").status_code == 200


def test_the_beneficiarys_calendar_holds_only_its_agreements(other_client, agreement, other_agreement):
    feed = other_client.get("/subventions/portail/calendrier.ics").content.decode()
    assert other_agreement.reference in feed and agreement.reference not in feed


def test_a_beneficiary_cannot_open_the_officer_pages(beneficiary, agreement):
    for url in (
        "/subventions/",
        f"/subventions/conventions/{agreement.pk}/",
        "/subventions/calendrier.ics",
        "/subventions/nouvelle/",
    ):
        assert beneficiary.get(url).status_code == 403
    assert (
        beneficiary.post(
            f"/subventions/conventions/{agreement.pk}/versement/", {"paid_on": "2021-12-01", "amount": "1"}
        ).status_code
        == 403
    )


def test_the_officer_has_no_portal(officer):
    assert officer.get("/subventions/portail/").status_code == 403


def test_another_authority_sees_none_of_it(client_for, agreement):
    neighbour = client_for("subventions-voisine")
    assert neighbour.get(f"/subventions/conventions/{agreement.pk}/").status_code == 404
    assert (
        neighbour.post(
            f"/subventions/conventions/{agreement.pk}/versement/", {"paid_on": "2021-12-01", "amount": "1"}
        ).status_code
        == 404
    )
    assert agreement.reference not in neighbour.get("/subventions/").content.decode()


def test_anonymous_visitors_are_sent_to_login(client, agreement):
    for url in (
        "/subventions/",
        "/subventions/portail/",
        f"/subventions/portail/conventions/{agreement.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/connexion/" in response["Location"]
