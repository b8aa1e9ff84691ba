"""/api/v1/: someone who starts there finds every resource of the API, and its documentation."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_root_lists_every_resource_of_the_openapi_document(client, demo):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    root = response.json()
    assert root["documentation"] == "http://testserver/api/docs/"
    assert root["schema"] == "http://testserver/api/schema/"
    listed = {r["url"].removeprefix("http://testserver") for r in root["resources"]}
    schema = client.get("/api/schema/?format=json").json()
    documented = set(schema["paths"]) - {"/api/v1/"}
    assert listed == documented
    assert {r["access"] for r in root["resources"] if "/clerk/" in r["url"]} == {"jeton"}


def test_every_listed_address_answers(client, demo, token_for):
    meeting = demo["deliberation"].item.meeting
    ids = {
        "/meetings/": meeting.pk,
        "/councils/": meeting.council_id,
        "/deliberations/": demo["deliberation"].pk,
        "/authorities/": demo["authority"].slug,
    }
    header = {"HTTP_AUTHORIZATION": token_for("greffe")}
    for resource in client.get("/api/v1/").json()["resources"]:
        url = resource["url"]
        for prefix, pk in ids.items():
            if prefix in url:
                url = url.replace("{id}", str(pk)).replace("{slug}", str(pk))
        if url.endswith(("/publish/", "/imports/scdl/")):
            continue  # POST only
        assert client.get(url, **header).status_code == 200, url


def test_an_address_without_its_final_slash_is_redirected(client, demo):
    response = client.get("/api/v1/deliberations?year=2021")
    assert response.status_code == 301 and response["Location"] == "/api/v1/deliberations/?year=2021"
