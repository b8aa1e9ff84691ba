"""The REST API: the public sees published records only; clerks write with their authority's token."""

import io

import pytest

from registre.web.api.models import ApiToken
from registre.web.register.models import Deliberation

pytestmark = pytest.mark.django_db


def test_public_list_shows_published_only_with_vote_figures(client, demo, draft):
    data = client.get("/api/v1/deliberations/").json()
    assert [d["number"] for d in data["results"]] == ["2021/005795"]
    assert data["results"][0]["votes"]["members_in_office"] == 123
    one = client.get(f"/api/v1/deliberations/{demo['deliberation'].pk}/").json()
    assert one["subject"] == "finances locales/subventions"
    assert one["votes"]["members_in_office"] == 123 and one["votes"]["source"] == "engine"
    votes = one["votes"]
    assert votes["voters"] == votes["votes_for"] + votes["votes_against"] + votes["abstentions"]
    assert client.get(f"/api/v1/deliberations/{draft.pk}/").status_code == 404


def test_filters_and_pagination(client, demo):
    assert client.get("/api/v1/deliberations/?subject=7").json()["count"] == 1
    assert client.get("/api/v1/deliberations/?subject=7.4").json()["count"] == 0
    assert client.get("/api/v1/deliberations/?date_from=2021-10-08").json()["count"] == 0
    assert client.get("/api/v1/deliberations/?q=microtechniques").json()["count"] == 1
    assert client.get("/api/v1/deliberations/?authority=commune-de-voisine-sur-doubs").json()["count"] == 0
    assert client.get("/api/v1/deliberations/?date_from=pas-une-date").status_code == 400
    assert client.get("/api/v1/deliberations/?page=9").status_code == 404
    page = client.get("/api/v1/authorities/?page_size=1").json()
    assert page["count"] == 2 and len(page["results"]) == 1 and page["next"]


def test_meeting_popolo_and_roster(client, demo):
    meeting = demo["deliberation"].item.meeting
    popolo = client.get(f"/api/v1/meetings/{meeting.pk}/popolo/").json()
    assert [m["identifier"] for m in popolo["motions"]] == ["2021/005795"]  # only the published item
    assert len(popolo["persons"]) == 123
    roster = client.get(f"/api/v1/councils/{meeting.council_id}/roster/").json()
    assert set(roster) == {"organizations", "persons", "memberships"}
    assert client.get("/api/v1/meetings/999999/popolo/").status_code == 404


def test_clerk_endpoints_need_a_token_of_the_authority(client, demo, draft, token_for):
    assert client.get("/api/v1/clerk/deliberations/").status_code == 401
    assert (
        client.get("/api/v1/clerk/deliberations/", HTTP_AUTHORIZATION="Token reg_inconnu").status_code == 401
    )
    mine = client.get("/api/v1/clerk/deliberations/", HTTP_AUTHORIZATION=token_for("greffe")).json()
    assert {d["number"] for d in mine["results"]} == {"2021/005795", "2021/005796"}
    other = token_for("greffe-voisine")
    assert client.get("/api/v1/clerk/deliberations/", HTTP_AUTHORIZATION=other).json()["count"] == 0
    assert client.get(f"/api/v1/clerk/deliberations/{draft.pk}/", HTTP_AUTHORIZATION=other).status_code == 404
    with pytest.raises(ValueError):
        ApiToken.issue(demo["users"]["admin"], demo["authority"])


def test_revoked_token_is_refused(client, demo):
    token, key = ApiToken.issue(demo["users"]["greffe"])
    token.revoked = True
    token.save()
    assert client.get("/api/v1/clerk/deliberations/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401


def test_publication_is_checked_against_the_scdl_schema(client, demo, draft, token_for):
    auth = token_for("greffe")
    url = f"/api/v1/clerk/deliberations/{draft.pk}/"
    refused = client.post(url + "publish/", HTTP_AUTHORIZATION=auth)
    assert refused.status_code == 400 and refused.json()["code"] == "publication_refused"
    fields = {(f["field"], f["code"]) for f in refused.json()["reasons"]}
    assert ("DELIB_MATIERE_CODE", "scdl:table-schema:required") in fields
    draft.refresh_from_db()
    assert draft.status == Deliberation.DRAFT
    assert (
        client.patch(
            url, {"actes_code": "7.11"}, content_type="application/json", HTTP_AUTHORIZATION=auth
        ).status_code
        == 400
    )
    changed = client.patch(
        url, {"actes_code": "7.4"}, content_type="application/json", HTTP_AUTHORIZATION=auth
    )
    assert changed.status_code == 200 and changed.json()["actes_code"] == "7.4"
    asked = client.post(url + "publish/", HTTP_AUTHORIZATION=auth).json()  # the meeting's reading assumption
    assert asked["code"] == "acknowledgement_required"
    keys = [w["key"] for w in asked["warnings"]]
    published = client.post(
        url + "publish/", {"acknowledged": keys}, content_type="application/json", HTTP_AUTHORIZATION=auth
    )
    assert published.status_code == 200, published.json()
    assert published.json()["status"] == "published"
    assert (
        client.patch(
            url, {"title": "x"}, content_type="application/json", HTTP_AUTHORIZATION=auth
        ).status_code
        == 409
    )
    assert client.get("/api/v1/deliberations/").json()["count"] == 2


def test_clerk_imports_a_scdl_file_of_their_authority_only(client, demo, token_for):
    from tests.opendata.conftest import FIXTURES

    content = (FIXTURES / "lot_2017_windows-1252.csv").read_bytes()
    upload = io.BytesIO(content)
    upload.name = "lot.csv"
    report = client.post(
        "/api/v1/clerk/imports/scdl/", {"file": upload}, HTTP_AUTHORIZATION=token_for("greffe")
    ).json()
    assert report["stored"] == 0 and len(report["refused_rows"]) == 13
    assert {r["rule"] for r in report["refusals"]} == {"registre:autre-collectivite"}


def test_openapi_document_is_served(client, demo):
    schema = client.get("/api/schema/?format=json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/deliberations/" in schema["paths"]
    assert "jetonCollectivite" in schema["components"]["securitySchemes"]
    assert client.get("/api/docs/").status_code == 200


def test_token_command_issues_a_working_token(client, demo):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("api_token", "greffe", "--label", "logiciel métier", stdout=out)
    key = out.getvalue().strip().splitlines()[-1]
    assert key.startswith("reg_")
    assert client.get("/api/v1/clerk/deliberations/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    assert ApiToken.objects.get(label="logiciel métier").key_hash != key  # only its hash is stored
    with pytest.raises(CommandError, match="secrétariat"):
        call_command("api_token", "admin", stdout=StringIO())
