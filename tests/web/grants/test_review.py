"""The grants officer reviews what the beneficiary handed in."""

from django.core.files.uploadedfile import SimpleUploadedFile

from registre.web.grants.models import Submission

from .conftest import pdf_bytes


def _submit(beneficiary, agreement):
    beneficiary.post(
        f"/subventions/portail/conventions/{agreement.pk}/document/",
        {"kind": "financial_report", "year": "2021", "file": SimpleUploadedFile("cr.pdf", pdf_bytes())},
    )
    return Submission.objects.get()


def test_accepting_a_report(officer, beneficiary, agreement):
    submission = _submit(beneficiary, agreement)
    assert (
        officer.post(f"/subventions/examen/documents/{submission.pk}/", {"decision": "accept"}).status_code
        == 302
    )
    submission.refresh_from_db()
    assert submission.status == "accepted" and submission.reviewed_by.username == "subventions"


def test_rejecting_needs_a_comment_and_puts_the_obligation_back(officer, beneficiary, agreement):
    submission = _submit(beneficiary, agreement)
    response = officer.post(f"/subventions/examen/documents/{submission.pk}/", {"decision": "reject"})
    assert response.status_code == 400
    assert "Indiquez au bénéficiaire ce qui est à reprendre." in response.content.decode()
    officer.post(
        f"/subventions/examen/documents/{submission.pk}/",
        {"decision": "reject", "comment": "Signature du président manquante."},
    )
    html = beneficiary.get(f"/subventions/portail/conventions/{agreement.pk}/").content.decode()
    assert "refusé, à reprendre : Signature du président manquante." in html
    assert 'data-obligation="financial_report" data-state="late"' in html


def test_a_beneficiary_cannot_review(beneficiary, agreement):
    submission = _submit(beneficiary, agreement)
    assert (
        beneficiary.post(
            f"/subventions/examen/documents/{submission.pk}/", {"decision": "accept"}
        ).status_code
        == 403
    )
    submission.refresh_from_db()
    assert submission.status == "submitted"
