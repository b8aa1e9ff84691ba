"""Finding 1: the assemblies' clerk held the grants officer's powers. The two are different
roles; one person holds both only by being given both."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from registre.web.accounts.models import User
from registre.web.grants.models import Amendment, Payment, Submission

from ..grants.conftest import pdf_bytes


def _actions(agreement, other_agreement, submission):
    """(url, valid data) of what the issue's audit did as `greffe`; each succeeds for the officer."""
    return [
        (
            f"/subventions/conventions/{other_agreement.pk}/versement/",
            {"payment-paid_on": "2021-12-01", "payment-amount": "1000"},
        ),
        (
            f"/subventions/conventions/{agreement.pk}/avenant/",
            {"amendment-description": "Prolongation", "amendment-valid_until": "2023-06-30"},
        ),
        (f"/subventions/conventions/{agreement.pk}/publication/", {"publication-published_on": "2022-01-10"}),
        (f"/subventions/examen/documents/{submission.pk}/", {"decision": "accept", "comment": ""}),
    ]


@pytest.fixture
def submission(agreement, media_root):
    return Submission.objects.create(
        agreement=agreement,
        kind=Submission.ACTIVITY_REPORT,
        year=2021,
        file=SimpleUploadedFile("rapport.pdf", pdf_bytes()),
        original_name="rapport.pdf",
        content_type="application/pdf",
        size=2000,
    )


def _state(agreement, other_agreement, submission):
    agreement.refresh_from_db()
    submission.refresh_from_db()
    return (
        Payment.objects.filter(agreement=other_agreement).count(),
        Amendment.objects.filter(agreement=agreement).count(),
        agreement.published_on,
        submission.status,
    )


def test_the_clerk_is_refused_every_grants_officer_action(client_for, agreement, other_agreement, submission):
    greffe = client_for("greffe")
    before = _state(agreement, other_agreement, submission)
    for url, data in _actions(agreement, other_agreement, submission):
        response = greffe.post(url, data)
        assert response.status_code == 403, url
        assert "Accès refusé" in response.content.decode()
    assert _state(agreement, other_agreement, submission) == before
    for url in ("/subventions/", f"/subventions/conventions/{agreement.pk}/", "/subventions/calendrier.ics"):
        assert greffe.get(url).status_code == 403
    assert greffe.get(f"/subventions/documents/{submission.pk}/").status_code == 404


def test_the_grants_officer_does_the_same_actions(client_for, agreement, other_agreement, submission):
    officer = client_for("subventions")
    for url, data in _actions(agreement, other_agreement, submission):
        assert officer.post(url, data).status_code == 302, url
    assert _state(agreement, other_agreement, submission)[1:] == (
        1,
        __import__("datetime").date(2022, 1, 10),
        "accepted",
    )
    assert officer.get("/greffe/").status_code == 403


def test_a_person_given_both_roles_holds_both(client_for, demo, agreement, other_agreement, submission):
    User.objects.create_user(
        "greffe-et-subventions",
        password="x",
        role=User.CLERK,
        second_role=User.GRANTS_OFFICER,
        authority=demo["authority"],
    )
    both = client_for("greffe-et-subventions")
    home = both.get("/comptes/").content.decode()
    assert 'href="/greffe/"' in home and 'href="/subventions/"' in home
    assert both.get("/greffe/").status_code == 200
    url, data = _actions(agreement, other_agreement, submission)[0]
    assert both.post(url, data).status_code == 302


@pytest.mark.parametrize(
    ("role", "second_role"),
    [(User.CLERK, User.CLERK), (User.BENEFICIARY, User.CLERK), (User.ADMINISTRATOR, User.GRANTS_OFFICER)],
)
def test_only_the_two_staff_roles_combine(demo, role, second_role):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("cumul", password="x", role=role, second_role=second_role)


def test_the_admin_explains_a_refused_combination(client_for, demo):
    response = client_for("admin").post(
        "/admin/accounts/user/add/",
        {"username": "cumul", "password1": "Tr3s-l0ng-m0t-de-passe", "password2": "Tr3s-l0ng-m0t-de-passe"},
    )
    assert response.status_code == 302
    user = User.objects.get(username="cumul")
    data = {
        "username": "cumul",
        "role": User.BENEFICIARY,
        "second_role": User.CLERK,
        "is_active": "on",
        "date_joined_0": "2024-01-01",
        "date_joined_1": "00:00:00",
    }
    response = client_for("admin").post(f"/admin/accounts/user/{user.pk}/change/", data)
    assert response.status_code == 200
    assert (
        "Seuls le secrétariat des assemblées et le service des subventions se cumulent"
        in response.content.decode()
    )
