"""Every page and endpoint declares its permission, and the permission matrix proves it: every
URL is requested by every role (a public visitor, a beneficiary, the clerk of the authority and
of another one, the grants officer of the authority and of another one, an administrator), and
each answer is the one the role's permission gives. No answer is ever a 500 (the test client
raises on one)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

PERMISSIONS = {
    "public",
    "authenticated",
    "clerk",
    "grants_officer",
    "authority_staff",
    "beneficiary",
    "administrator",
    "api",
}

IDENTITIES = {
    "anonymous": None,
    "beneficiary": "pole-microtechniques",
    "clerk": "greffe",
    "other_clerk": "greffe-voisine",
    "officer": "subventions",
    "other_officer": "subventions-voisine",
    "administrator": "admin",
}
OK, LOGIN, FORBIDDEN, NOT_FOUND, UNAUTHORIZED = "ok", "login", 403, 404, 401
OWNERS = {
    "clerk": ({"clerk"}, {"other_clerk"}),
    "grants_officer": ({"officer"}, {"other_officer"}),
    "authority_staff": ({"clerk", "officer"}, {"other_clerk", "other_officer"}),
}


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


# route -> (method, concrete path built from the objects, scope). Scope None: the page lists what
# the user's authority holds; "own": an object of Grand Besançon Métropole or of its beneficiary,
# which another authority's staff must not learn exists (404).
A, D, M, C = "{agreement}", "{deliberation}", "{meeting}", "{council}"
ROUTES = {
    "": ("GET", "/", None),
    "deliberations/<slug:authority>/<int:year>/<int:sequence>/": (
        "GET",
        "/deliberations/grand-besancon-metropole/2021/5795/",
        None,
    ),
    "deliberations/<slug:authority>/<int:year>/<int:sequence>/acte.json": (
        "GET",
        "/deliberations/grand-besancon-metropole/2021/5795/acte.json",
        None,
    ),
    "seances/<int:pk>/": ("GET", f"/seances/{M}/", None),
    "comptes/connexion/": ("GET", "/comptes/connexion/", None),
    "comptes/deconnexion/": ("POST", "/comptes/deconnexion/", None),
    "comptes/": ("GET", "/comptes/", None),
    "greffe/": ("GET", "/greffe/", None),
    "greffe/assemblees/nouvelle/": ("GET", "/greffe/assemblees/nouvelle/", None),
    "greffe/assemblees/<int:pk>/": ("GET", f"/greffe/assemblees/{C}/", "own"),
    "greffe/assemblees/<int:pk>/renommer/": ("POST", f"/greffe/assemblees/{C}/renommer/", "own"),
    "greffe/assemblees/<int:pk>/conseillers/ajouter/": (
        "POST",
        f"/greffe/assemblees/{C}/conseillers/ajouter/",
        "own",
    ),
    "greffe/assemblees/<int:pk>/conseillers/importer/": (
        "POST",
        f"/greffe/assemblees/{C}/conseillers/importer/",
        "own",
    ),
    "greffe/conseillers/<int:pk>/": ("GET", "/greffe/conseillers/{member}/", "own"),
    "greffe/seances/nouvelle/": ("GET", "/greffe/seances/nouvelle/", None),
    "greffe/seances/<int:pk>/": ("GET", f"/greffe/seances/{M}/", "own"),
    "greffe/seances/<int:pk>/modifier/": ("GET", f"/greffe/seances/{M}/modifier/", "own"),
    "greffe/seances/<int:pk>/questions/ajouter/": ("POST", f"/greffe/seances/{M}/questions/ajouter/", "own"),
    "greffe/seances/<int:pk>/ordre-de-passage/": ("POST", f"/greffe/seances/{M}/ordre-de-passage/", "own"),
    "greffe/seances/<int:pk>/presences/": ("GET", f"/greffe/seances/{M}/presences/", "own"),
    "greffe/seances/<int:pk>/procurations/": ("GET", f"/greffe/seances/{M}/procurations/", "own"),
    "greffe/seances/<int:pk>/procurations/<int:proxy_pk>/supprimer/": (
        "POST",
        f"/greffe/seances/{M}/procurations/{{proxy}}/supprimer/",
        "own",
    ),
    "greffe/seances/<int:pk>/questions/<int:number>/": (
        "GET",
        f"/greffe/seances/{M}/questions/{{item}}/",
        "own",
    ),
    "greffe/seances/<int:pk>/questions/<int:number>/modifier/": (
        "GET",
        f"/greffe/seances/{M}/questions/{{item}}/modifier/",
        "own",
    ),
    "greffe/seances/<int:pk>/questions/<int:number>/decompte/": (
        "GET",
        f"/greffe/seances/{M}/questions/{{item}}/decompte/",
        "own",
    ),
    "greffe/seances/<int:pk>/questions/<int:number>/arrivee/": (
        "POST",
        f"/greffe/seances/{M}/questions/{{item}}/arrivee/",
        "own",
    ),
    "greffe/seances/<int:pk>/questions/<int:number>/depart/": (
        "POST",
        f"/greffe/seances/{M}/questions/{{item}}/depart/",
        "own",
    ),
    "greffe/seances/<int:pk>/questions/<int:number>/interesses/": (
        "POST",
        f"/greffe/seances/{M}/questions/{{item}}/interesses/",
        "own",
    ),
    "greffe/seances/<int:pk>/questions/<int:number>/vote/": (
        "POST",
        f"/greffe/seances/{M}/questions/{{item}}/vote/",
        "own",
    ),
    "greffe/seances/<int:pk>/questions/<int:number>/scrutin-public/": (
        "GET",
        f"/greffe/seances/{M}/questions/{{item}}/scrutin-public/",
        "own",
    ),
    "greffe/seances/<int:pk>/questions/<int:number>/deliberation/": (
        "POST",
        f"/greffe/seances/{M}/questions/{{item}}/deliberation/",
        "own",
    ),
    "greffe/deliberations/<int:pk>/": ("GET", f"/greffe/deliberations/{D}/", "own"),
    "greffe/deliberations/<int:pk>/publier/": ("POST", f"/greffe/deliberations/{D}/publier/", "own"),
    "greffe/deliberations/<int:pk>/corriger/": ("POST", f"/greffe/deliberations/{D}/corriger/", "own"),
    "greffe/journal/": ("GET", "/greffe/journal/", None),
    "greffe/journal/tout/": ("GET", "/greffe/journal/tout/", None),
    "subventions/": ("GET", "/subventions/", None),
    "subventions/nouvelle/": ("GET", "/subventions/nouvelle/", None),
    "subventions/calendrier.ics": ("GET", "/subventions/calendrier.ics", None),
    "subventions/agenda/<str:token>.ics": ("GET", "/subventions/agenda/{token}.ics", None),
    "subventions/agenda/revoquer/": ("POST", "/subventions/agenda/revoquer/", None),
    "subventions/conventions/<int:pk>/": ("GET", f"/subventions/conventions/{A}/", "own"),
    "subventions/conventions/<int:pk>/versement/": (
        "POST",
        f"/subventions/conventions/{A}/versement/",
        "own",
    ),
    "subventions/conventions/<int:pk>/avenant/": ("POST", f"/subventions/conventions/{A}/avenant/", "own"),
    "subventions/conventions/<int:pk>/reversement/": (
        "POST",
        f"/subventions/conventions/{A}/reversement/",
        "own",
    ),
    "subventions/conventions/<int:pk>/resiliation/": (
        "POST",
        f"/subventions/conventions/{A}/resiliation/",
        "own",
    ),
    "subventions/conventions/<int:pk>/publication/": (
        "POST",
        f"/subventions/conventions/{A}/publication/",
        "own",
    ),
    "subventions/conventions/<int:pk>/budget/": ("GET", f"/subventions/conventions/{A}/budget/", "own"),
    "subventions/examen/documents/<int:pk>/": ("POST", "/subventions/examen/documents/{submission}/", "own"),
    "subventions/examen/indicateurs/<int:pk>/": ("POST", "/subventions/examen/indicateurs/{report}/", "own"),
    "subventions/documents/<int:pk>/": ("GET", "/subventions/documents/{submission}/", "own"),
    "subventions/portail/": ("GET", "/subventions/portail/", None),
    "subventions/portail/calendrier.ics": ("GET", "/subventions/portail/calendrier.ics", None),
    "subventions/portail/conventions/<int:pk>/": ("GET", f"/subventions/portail/conventions/{A}/", "own"),
    "subventions/portail/conventions/<int:pk>/document/": (
        "GET",
        f"/subventions/portail/conventions/{A}/document/",
        "own",
    ),
    "subventions/portail/conventions/<int:pk>/indicateurs/": (
        "GET",
        f"/subventions/portail/conventions/{A}/indicateurs/",
        "own",
    ),
    "subventions/portail/conventions/<int:pk>/resultats/": (
        "POST",
        f"/subventions/portail/conventions/{A}/resultats/",
        "own",
    ),
    "api/v1/": ("GET", "/api/v1/", None),
    "api/^(?P<rest>.*)$": ("GET", "/api/v1/inconnu", None),
    "api/v1/^authorities/$": ("GET", "/api/v1/authorities/", None),
    "api/v1/^authorities\\.(?P<format>[a-z0-9]+)/?$": ("GET", "/api/v1/authorities.json", None),
    "api/v1/^authorities/(?P<slug>[^/]+)/$": ("GET", "/api/v1/authorities/grand-besancon-metropole/", None),
    "api/v1/^authorities/(?P<slug>[^/]+)\\.(?P<format>[a-z0-9]+)/?$": (
        "GET",
        "/api/v1/authorities/grand-besancon-metropole.json",
        None,
    ),
    "api/v1/^deliberations/$": ("GET", "/api/v1/deliberations/", None),
    "api/v1/^deliberations\\.(?P<format>[a-z0-9]+)/?$": ("GET", "/api/v1/deliberations.json", None),
    "api/v1/^deliberations/(?P<pk>[^/]+)/$": ("GET", f"/api/v1/deliberations/{D}/", None),
    "api/v1/^deliberations/(?P<pk>[^/]+)\\.(?P<format>[a-z0-9]+)/?$": (
        "GET",
        f"/api/v1/deliberations/{D}.json",
        None,
    ),
    "api/v1/^meetings/(?P<pk>[^/]+)/$": ("GET", f"/api/v1/meetings/{M}/", None),
    "api/v1/^meetings/(?P<pk>[^/]+)\\.(?P<format>[a-z0-9]+)/?$": ("GET", f"/api/v1/meetings/{M}.json", None),
    "api/v1/^meetings/(?P<pk>[^/]+)/popolo/$": ("GET", f"/api/v1/meetings/{M}/popolo/", None),
    "api/v1/^meetings/(?P<pk>[^/]+)/popolo\\.(?P<format>[a-z0-9]+)/?$": (
        "GET",
        f"/api/v1/meetings/{M}/popolo.json",
        None,
    ),
    "api/v1/^clerk/deliberations/$": ("GET", "/api/v1/clerk/deliberations/", None),
    "api/v1/^clerk/deliberations\\.(?P<format>[a-z0-9]+)/?$": (
        "GET",
        "/api/v1/clerk/deliberations.json",
        None,
    ),
    "api/v1/^clerk/deliberations/(?P<pk>[^/]+)/$": ("GET", f"/api/v1/clerk/deliberations/{D}/", "own"),
    "api/v1/^clerk/deliberations/(?P<pk>[^/]+)\\.(?P<format>[a-z0-9]+)/?$": (
        "GET",
        f"/api/v1/clerk/deliberations/{D}.json",
        "own",
    ),
    "api/v1/^clerk/deliberations/(?P<pk>[^/]+)/publish/$": (
        "POST",
        f"/api/v1/clerk/deliberations/{D}/publish/",
        "own",
    ),
    "api/v1/^clerk/deliberations/(?P<pk>[^/]+)/publish\\.(?P<format>[a-z0-9]+)/?$": (
        "POST",
        f"/api/v1/clerk/deliberations/{D}/publish.json",
        "own",
    ),
    "api/v1/councils/<str:pk>/roster/": ("GET", f"/api/v1/councils/{C}/roster/", None),
    "api/v1/opendata/scdl-deliberations.csv": ("GET", "/api/v1/opendata/scdl-deliberations.csv", None),
    "api/v1/opendata/scdl-subventions.csv": ("GET", "/api/v1/opendata/scdl-subventions.csv", None),
    "api/v1/clerk/imports/scdl/": ("POST", "/api/v1/clerk/imports/scdl/", None),
    "api/schema/": ("GET", "/api/schema/", None),
    "api/docs/": ("GET", "/api/docs/", None),
    "donnees/": ("GET", "/donnees/", None),
    "donnees/scdl-deliberations.csv": ("GET", "/donnees/scdl-deliberations.csv", None),
    "donnees/scdl-subventions.csv": ("GET", "/donnees/scdl-subventions.csv", None),
    "donnees/scdl-deliberations.rapport.json": ("GET", "/donnees/scdl-deliberations.rapport.json", None),
    "donnees/scdl-subventions.rapport.json": ("GET", "/donnees/scdl-subventions.rapport.json", None),
    "donnees/chaine-des-actes.csv": ("GET", "/donnees/chaine-des-actes.csv", None),
    "donnees/historique/": ("GET", "/donnees/historique/", None),
    "donnees/historique/subventions/<int:pk>/": (
        "GET",
        "/donnees/historique/subventions/{imported_grant}/",
        "own",
    ),
    "donnees/historique/deliberations/<int:pk>/": (
        "GET",
        "/donnees/historique/deliberations/{imported_deliberation}/",
        "own",
    ),
    "documents/deliberations/<int:pk>/extrait.<str:format>": (
        "GET",
        f"/documents/deliberations/{D}/extrait.pdf",
        None,
    ),
    "documents/seances/<int:pk>/liste.<str:format>": ("GET", f"/documents/seances/{M}/liste.pdf", None),
    "documents/greffe/deliberations/<int:pk>/extrait.<str:format>": (
        "GET",
        f"/documents/greffe/deliberations/{D}/extrait.pdf",
        "own",
    ),
    "documents/greffe/seances/<int:pk>/<str:kind>.<str:format>": (
        "GET",
        f"/documents/greffe/seances/{M}/minutes.pdf",
        "own",
    ),
    "documents/conventions/<int:pk>/convention.<str:format>": (
        "GET",
        f"/documents/conventions/{A}/convention.pdf",
        "own",
    ),
}

# Pages open to any logged-in account whose answer depends on the object: the grant's documents
# go to the grants officers of its authority and to its beneficiary, nobody else (404).
_GRANT_DOCUMENT = {
    "beneficiary": OK,
    "officer": OK,
    "clerk": NOT_FOUND,
    "other_clerk": NOT_FOUND,
    "other_officer": NOT_FOUND,
    "administrator": NOT_FOUND,
}
AUTHENTICATED = {
    "comptes/": dict.fromkeys(IDENTITIES, OK),
    "subventions/documents/<int:pk>/": _GRANT_DOCUMENT,
    "documents/conventions/<int:pk>/convention.<str:format>": _GRANT_DOCUMENT,
    "subventions/agenda/revoquer/": {
        "beneficiary": OK,
        "officer": OK,
        "other_officer": OK,
        "clerk": FORBIDDEN,
        "other_clerk": FORBIDDEN,
        "administrator": FORBIDDEN,
    },
}
# The API authenticates by token only (a session is ignored): its clerk endpoints answer 401 to
# every session; tokens are tested below.
API_CLERK_ROUTES = {route for route in ROUTES if route.startswith("api/v1/") and "clerk/" in route}


# The API's catch-all answers its French 404 to everyone, whatever the identity.
ALWAYS = {"api/^(?P<rest>.*)$": NOT_FOUND}


def expected(route: str, permission: str, identity: str):
    if route in ALWAYS:
        return ALWAYS[route]
    scope = ROUTES[route][2]
    if permission == "public" or (permission == "api" and route not in API_CLERK_ROUTES):
        return OK
    if permission == "api":
        return UNAUTHORIZED
    if identity == "anonymous":
        return LOGIN
    if permission == "authenticated":
        return AUTHENTICATED[route][identity]
    if permission == "beneficiary":
        return OK if identity == "beneficiary" else FORBIDDEN
    if permission == "administrator":
        return OK if identity == "administrator" else FORBIDDEN
    own, other = OWNERS[permission]
    if identity in own:
        return OK
    if identity in other:
        return OK if scope is None else NOT_FOUND
    return FORBIDDEN


def test_the_matrix_covers_every_route():
    assert {route for route, _callback in _patterns(get_resolver())} == set(ROUTES)


@pytest.fixture
def objects(demo, settings, tmp_path):
    from registre.web.grants.calendar import feed_token
    from registre.web.grants.models import IndicatorReport, Submission

    settings.MEDIA_ROOT = tmp_path / "media"
    agreement, deliberation = demo["agreement"], demo["deliberation"]
    meeting = deliberation.item.meeting
    submission = Submission.objects.create(
        agreement=agreement,
        kind=Submission.ACTIVITY_REPORT,
        year=2021,
        file=SimpleUploadedFile("rapport.pdf", b"%PDF-1.4\n%%EOF"),
        original_name="rapport.pdf",
        content_type="application/pdf",
        size=14,
    )
    return {
        "agreement": agreement.pk,
        "deliberation": deliberation.pk,
        "meeting": meeting.pk,
        "council": meeting.council_id,
        "member": meeting.council.members.order_by("pk").first().pk,
        "proxy": meeting.proxies.order_by("pk").first().pk,
        "item": deliberation.item.number,
        "submission": submission.pk,
        "report": IndicatorReport.objects.create(agreement=agreement, year=2021).pk,
        "token": feed_token(demo["users"]["subventions"]).token,
        **_imported_history(demo["authority"], tmp_path),
    }


def _imported_history(authority, tmp_path) -> dict:
    """A grant row and a deliberation row of the authority's imported history, kept with findings."""
    from registre.web.opendata.models import ImportedDeliberation, ImportedGrant
    from registre.web.opendata.scdl_import import import_scdl_file
    from tests.web.opendata.test_complete_imported_row import HEADER, ROW

    grants = tmp_path / "subventions.csv"
    grants.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    import_scdl_file(grants, authority=authority)
    deliberations = tmp_path / "deliberations.csv"
    deliberations.write_text(
        "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,"
        "BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,"
        "VOTE_ABSTENTION,DELIB_URL\n"
        "Grand Besançon Métropole,24250036100017,2019/000001,2019-03-14,7.5,finances locales/subvention,"
        "Subvention au club,,,,,40,30,25,10,5,\n",
        encoding="utf-8",
    )
    import_scdl_file(deliberations, authority=authority)
    return {
        "imported_grant": ImportedGrant.objects.get(authority=authority).pk,
        "imported_deliberation": ImportedDeliberation.objects.get(authority=authority).pk,
    }


def _outcome(response):
    if response.status_code == 302 and "/comptes/connexion/" in response["Location"]:
        return LOGIN
    if response.status_code in (200, 302, 400):  # 400: an action posted without its data
        return OK
    return response.status_code


MATRIX = [(route, identity) for route in ROUTES for identity in IDENTITIES]


@pytest.mark.parametrize(("route", "identity"), MATRIX)
def test_each_role_gets_what_its_permission_gives(route, identity, objects, demo):
    callback = dict(_patterns(get_resolver()))[route]
    method, template, _scope = ROUTES[route]
    client = Client(raise_request_exception=True)
    if IDENTITIES[identity]:
        client.force_login(demo["users"][IDENTITIES[identity]])
    path = template.format(**objects)
    response = client.post(path) if method == "POST" else client.get(path)
    want = expected(route, _permission(callback), identity)
    assert _outcome(response) == want, f"{identity} {method} {path}: {response.status_code}"
    if want == FORBIDDEN:
        assert "Accès refusé" in response.content.decode()


def test_a_token_gives_the_api_to_its_own_authoritys_clerk_only(client, demo, objects):
    from registre.web.api.models import ApiToken

    _token, key = ApiToken.issue(demo["users"]["greffe"])
    _other, other_key = ApiToken.issue(demo["users"]["greffe-voisine"])
    url = f"/api/v1/clerk/deliberations/{objects['deliberation']}/"
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {other_key}").status_code == 404
    assert client.get(url, HTTP_AUTHORIZATION="Token reg_forged").status_code == 401
    for username in ("subventions", "pole-microtechniques", "admin"):
        with pytest.raises(ValueError):
            ApiToken.issue(demo["users"][username])


def test_unpublished_deliberation_is_invisible_to_the_public(client, demo, draft_elsewhere):
    draft = draft_elsewhere
    assert client.get(f"/deliberations/grand-besancon-metropole/2021/{draft.pk}/").status_code == 404
    assert "Projet de délibération" not in client.get("/").content.decode()
    assert client.get(f"/documents/deliberations/{draft.pk}/extrait.pdf").status_code == 404
