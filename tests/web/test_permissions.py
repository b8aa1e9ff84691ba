"""Every page and endpoint declares its permission; anonymous visitors and clerks of
another authority get 403/404 on what is not theirs."""

from django.urls import URLPattern, URLResolver, get_resolver

PERMISSIONS = {"public", "authenticated", "clerk", "grants_officer", "beneficiary", "administrator", "api"}


def _patterns(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue  # Django's admin checks is_staff itself
            yield from _patterns(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _permission(callback):
    for candidate in (callback, getattr(callback, "view_class", None), getattr(callback, "cls", None)):
        if candidate is not None and getattr(candidate, "permission", None):
            return candidate.permission
    return None


def test_every_view_declares_a_permission():
    missing = [
        route for route, callback in _patterns(get_resolver()) if _permission(callback) not in PERMISSIONS
    ]
    assert missing == []


def test_anonymous_visitor_is_sent_to_login_from_the_back_office(client, demo):
    response = client.get("/greffe/")
    assert response.status_code == 302 and "/comptes/connexion/" in response["Location"]


def test_beneficiary_cannot_open_the_back_office(client_for, demo):
    from registre.web.accounts.models import User

    User.objects.create_user("beneficiaire-test", password="x", role=User.BENEFICIARY)
    assert client_for("beneficiaire-test").get("/greffe/").status_code == 403


def test_unpublished_deliberation_is_invisible_to_the_public(client, demo, draft_elsewhere):
    draft = draft_elsewhere
    assert client.get(f"/deliberations/grand-besancon-metropole/2021/{draft.pk}/").status_code == 404
    assert "Projet de délibération" not in client.get("/").content.decode()
    assert client.get(f"/documents/deliberations/{draft.pk}/extrait.pdf").status_code == 404
