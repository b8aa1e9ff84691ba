"""Finding 7: a beneficiary opening /greffe/ got a bare English "403 Forbidden", and refused admin
actions answered 500. Every error is now a French page in the site's layout, and a refusal by the
register's guards is a 400 page naming the reason, with nothing written."""

import pytest
from django.forms.models import model_to_dict
from django.test import Client, RequestFactory

LAYOUT = ('<html lang="fr">', 'class="site-header"', "Registre des délibérations")


def _in_layout(response, *texts):
    html = response.content.decode()
    for text in (*LAYOUT, *texts):
        assert text in html, text


def test_a_beneficiary_opening_the_back_office_gets_a_french_403(client_for):
    response = client_for("pole-microtechniques").get("/greffe/")
    assert response.status_code == 403
    _in_layout(response, "Accès refusé", "votre espace")


def test_an_unknown_page_gets_a_french_404(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    _in_layout(response, "Page introuvable")


def test_a_forged_host_gets_a_french_400(db):
    response = Client().get("/", HTTP_HOST="registre.attaquant.example")
    assert response.status_code == 400
    _in_layout(response, "Demande invalide")


def test_a_form_posted_from_elsewhere_gets_a_french_403(demo):
    response = Client(enforce_csrf_checks=True).post(
        "/comptes/connexion/", {"username": "greffe", "password": "registre-demo"}
    )
    assert response.status_code == 403
    _in_layout(response, "Formulaire expiré ou envoyé d'ailleurs", "Rien n'a été enregistré")


def test_the_500_page_is_french_and_needs_nothing_but_static_files():
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    _in_layout(response, "Le service a rencontré une erreur")


@pytest.mark.django_db(transaction=True)
def test_a_refused_admin_change_is_a_french_400_not_a_500(live_demo):
    from registre.web.accounts.models import User
    from registre.web.register.models import Deliberation

    deliberation = Deliberation.objects.get(pk=live_demo["deliberation"].pk)
    admin = Client(raise_request_exception=False)
    admin.force_login(User.objects.get(username="admin"))
    data = {k: ("" if v is None else v) for k, v in model_to_dict(deliberation).items()}
    data["title"] = "Objet réécrit après publication"
    published = deliberation.published_at
    data.update(published_at_0=published.date().isoformat(), published_at_1=published.time().isoformat())
    response = admin.post(f"/admin/register/deliberation/{deliberation.pk}/change/", data)
    assert response.status_code in (200, 302, 400, 403)  # refused, whichever way: never a 500
    deliberation.refresh_from_db()
    assert deliberation.title != "Objet réécrit après publication"
    if response.status_code == 400:  # refused by the model's guard, shown by RefusalMiddleware
        _in_layout(response, "Cette délibération est publiée")


@pytest.mark.django_db
def test_a_guard_refusal_anywhere_becomes_the_french_400_page(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import ValidationError

    from registre.web.security.middleware import RefusalMiddleware

    request = rf.post("/greffe/seances/1/")
    request.user = AnonymousUser()
    refusal = ValidationError(
        "Une délibération de cette séance est publiée : la séance n'est plus modifiable."
    )
    response = RefusalMiddleware(lambda r: None).process_exception(request, refusal)
    assert response.status_code == 400
    _in_layout(response, "Demande invalide", "la séance n&#x27;est plus modifiable")


@pytest.mark.django_db
def test_deleting_a_record_still_in_use_is_a_french_409(rf, demo):
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import ProtectedError

    from registre.web.security.middleware import RefusalMiddleware

    request = rf.post("/admin/register/authority/1/delete/")
    request.user = AnonymousUser()
    response = RefusalMiddleware(lambda r: None).process_exception(request, ProtectedError("protégé", set()))
    assert response.status_code == 409
    _in_layout(response, "il ne peut pas être supprimé")
