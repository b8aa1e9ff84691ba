"""Downloading the SCDL files from the public portal (/donnees/)."""

import pytest

pytestmark = pytest.mark.django_db


def test_portal_download_streams_the_file(client, demo):
    response = client.get("/donnees/scdl-deliberations.csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("COLL_NOM,COLL_SIRET,DELIB_ID")
    assert client.get("/donnees/").status_code == 200
    assert client.get("/donnees/scdl-subventions.csv?authority=inconnue").status_code == 404


def test_portal_download_blocked_when_a_row_is_invalid(client, demo):
    deliberation = demo["deliberation"]
    type(deliberation).objects.filter(pk=deliberation.pk).update(actes_code="")
    response = client.get("/api/v1/opendata/scdl-deliberations.csv")
    assert response.status_code == 409
    findings = {(f["line"], f["field"], f["rule"]) for f in response.json()["findings"]}
    assert (2, "DELIB_MATIERE_CODE", "table-schema:required") in findings
