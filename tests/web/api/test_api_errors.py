"""Every error of the API is in French, as {"detail": …}, and declared in the OpenAPI document
for the operation that answers it."""

import re

import pytest

pytestmark = pytest.mark.django_db

ENGLISH = re.compile(r"\b(not found|matches|method|could not|unsupported|invalid|parse error|line)\b", re.I)


def _declared(client, method: str, path: str) -> set[str]:
    schema = client.get("/api/schema/?format=json").json()
    return set(schema["paths"][path][method]["responses"])


def _french(response) -> str:
    detail = response.json()["detail"]
    assert not ENGLISH.search(detail), detail
    return detail


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("/api/v1/deliberations/999999/", "Délibération introuvable, ou non publiée."),
        ("/api/v1/authorities/nulle-part/", "Collectivité introuvable."),
        ("/api/v1/meetings/999999/", "Séance sans délibération publiée."),
        ("/api/v1/councils/999999/roster/", "Assemblée introuvable, ou sans délibération publiée."),
        ("/api/v1/deliberations/abc/", "Identifiant invalide."),
        ("/api/v1/rien/", "Adresse inconnue de l'API : /api/v1/rien/ (ce que l'API propose : /api/v1/)."),
        ("/api/rien", "Adresse inconnue de l'API : /api/rien (ce que l'API propose : /api/v1/)."),
    ],
)
def test_not_found_is_french_json(client, demo, url, detail):
    response = client.get(url)
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert _french(response) == detail


def test_a_clerks_404_is_french_too(client, demo, token_for):
    response = client.get("/api/v1/clerk/deliberations/999999/", HTTP_AUTHORIZATION=token_for("greffe"))
    assert response.status_code == 404 and _french(response) == "Délibération introuvable."
    assert "404" in _declared(client, "get", "/api/v1/clerk/deliberations/{id}/")


def test_an_unmet_accept_header_is_a_declared_french_406(client, demo):
    for path in ("/api/v1/", "/api/v1/deliberations/", "/api/v1/opendata/scdl-deliberations.csv"):
        response = client.get(path, HTTP_ACCEPT="application/xml")
        assert response.status_code == 406 and _french(response)
        assert "406" in _declared(client, "get", path)


def test_a_csv_client_gets_the_csv_file(client, demo):
    response = client.get("/api/v1/opendata/scdl-deliberations.csv", HTTP_ACCEPT="text/csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def test_a_body_of_another_media_type_is_a_declared_french_415(client, demo, draft, token_for):
    path = "/api/v1/clerk/deliberations/{id}/"
    response = client.patch(
        path.format(id=draft.pk), "title=x", content_type="text/plain", HTTP_AUTHORIZATION=token_for("greffe")
    )
    assert response.status_code == 415 and _french(response)
    assert "415" in _declared(client, "patch", path)


def test_an_unreadable_json_body_is_a_declared_french_400(client, demo, draft, token_for):
    path = "/api/v1/clerk/deliberations/{id}/"
    response = client.patch(
        path.format(id=draft.pk),
        "{pas du json",
        content_type="application/json",
        HTTP_AUTHORIZATION=token_for("greffe"),
    )
    assert response.status_code == 400 and _french(response).startswith("Corps de la requête illisible")
    assert "400" in _declared(client, "patch", path)


def test_every_operation_declares_its_errors(client, demo):
    schema = client.get("/api/schema/?format=json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            declared = set(operation["responses"])
            assert "406" in declared, (method, path)
            if "{" in path:
                assert "404" in declared, (method, path)
            if "requestBody" in operation:
                assert {"400", "415"} <= declared, (method, path)
            if operation.get("security") and {} not in operation["security"]:
                assert {"401", "403"} <= declared, (method, path)
