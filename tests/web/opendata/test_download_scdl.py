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


def test_portal_says_which_imported_rows_are_left_out_and_why(client, demo):
    from registre.web.opendata.scdl_import import import_scdl_file
    from tests.opendata.conftest import FIXTURES

    import_scdl_file(FIXTURES / "poitiers_2017_scdl-v1_extrait.csv")
    html = client.get("/donnees/").content.decode()
    assert "Données importées non publiées" in html
    assert (
        '<td>Ville de Poitiers</td><td>idAttribuant</td><td>french-siret-value</td><td class="number">8</td>'
        in html
    )
    report = client.get("/donnees/scdl-subventions.rapport.json?authority=ville-de-poitiers").json()
    assert len(report["left_out"]) == 8 and report["left_out"][0]["source_line"] == 2
    assert report["left_out"][0]["source_file"] == "poitiers_2017_scdl-v1_extrait.csv"
    body = b"".join(client.get("/donnees/scdl-subventions.csv?authority=ville-de-poitiers").streaming_content)
    assert body.decode("utf-8").count("\n") == 1  # the header only: nothing publishable yet
    assert client.get("/donnees/scdl-deliberations.rapport.json").json()["left_out"] == []
    assert client.get("/donnees/scdl-subventions.rapport.json?authority=inconnue").status_code == 404
