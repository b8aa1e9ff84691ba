"""Downloading the SCDL files from the public portal (/donnees/)."""

import pytest

from ..conftest import legacy_act

pytestmark = pytest.mark.django_db


def test_portal_download_streams_the_file(client, demo):
    response = client.get("/donnees/scdl-deliberations.csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("COLL_NOM,COLL_SIRET,DELIB_ID")
    assert client.get("/donnees/").status_code == 200
    assert client.get("/donnees/scdl-subventions.csv?authority=inconnue").status_code == 404


def test_one_invalid_legacy_row_is_left_out_and_named_never_a_409(client, demo, draft_elsewhere):
    draft_elsewhere.actes_code = ""  # a legacy act without its ACTES subject
    draft_elsewhere.save()
    act = legacy_act(draft_elsewhere)
    for url in ("/donnees/scdl-deliberations.csv", "/api/v1/opendata/scdl-deliberations.csv"):
        response = client.get(url)
        assert response.status_code == 200 and response["X-Registre-Lignes-Ecartees"] == "1"
        body = b"".join(response.streaming_content).decode("utf-8")
        assert "2021/005795" in body and act.number not in body
        assert response["Link"] == '</donnees/scdl-deliberations-rapport.json>; rel="describedby"'
    report = client.get("/donnees/scdl-deliberations-rapport.json").json()
    assert report["lignes_publiees"] == 1
    (left,) = report["lignes_ecartees"]
    assert left["identifiant"] == act.number
    assert {(a["champ"], a["regle"]) for a in left["anomalies"]} >= {
        ("DELIB_MATIERE_CODE", "table-schema:required")
    }


def test_the_chain_of_acts_is_published_with_the_open_data(client, demo):
    import csv
    import io

    response = client.get("/donnees/chaine-des-actes.csv?authority=grand-besancon-metropole")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    act = demo["deliberation"].act
    assert rows == [
        {
            "collectivite": "grand-besancon-metropole",
            "rang": "1",
            "numero": "2021/005795",
            "publie_le": act.published_at.isoformat(),
            "empreinte": act.fingerprint,
            "empreinte_precedente": "",
            "acte": "http://testserver/deliberations/grand-besancon-metropole/2021/5795/acte.json",
        }
    ]
    assert client.get("/donnees/chaine-des-actes.csv?authority=inconnue").status_code == 404
