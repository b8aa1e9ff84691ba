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
        assert response["Link"] == '</donnees/scdl-deliberations.rapport.json>; rel="describedby"'
    report = client.get("/donnees/scdl-deliberations.rapport.json").json()
    assert report["published_rows"] == 1
    (left,) = report["left_out"]
    assert left["cause"] == "controle-echoue" and left["rank"] == 2 and left["source_file"] is None
    assert left["row"].startswith(f"n° {act.number} — ") and left["authority"] == act.authority_name
    assert {(f["field"], f["rule"]) for f in left["findings"]} >= {
        ("DELIB_MATIERE_CODE", "table-schema:required")
    }
    assert "1 ligne(s) écartée(s) du fichier" in report["summary"]


def test_one_report_per_file_names_imported_rows_and_rows_failing_a_check(
    client, demo, draft_elsewhere, tmp_path
):
    from collections import Counter

    from registre.web.opendata.scdl_import import import_scdl_file
    from tests.opendata.conftest import METROPOLE, metropole_deliberations

    import_scdl_file(metropole_deliberations(tmp_path / "metropole.csv"))  # 5 rows kept with findings
    draft_elsewhere.actes_code = ""
    draft_elsewhere.save()
    legacy_act(draft_elsewhere)  # a row the schema refuses
    response = client.get("/donnees/scdl-deliberations.csv")
    assert response.status_code == 200 and response["X-Registre-Lignes-Ecartees"] == "6"
    report = client.get("/donnees/scdl-deliberations.rapport.json").json()
    assert report["published_rows"] == 1 + 75
    assert Counter(r["cause"] for r in report["left_out"]) == {"reserves-non-levees": 5, "controle-echoue": 1}
    imported = [r for r in report["left_out"] if r["cause"] == "reserves-non-levees"]
    assert {r["authority"] for r in imported} == {METROPOLE}
    assert {r["source_file"] for r in imported} == {"metropole.csv"} and all(
        r["source_line"] for r in imported
    )
    assert all(f["field"] and f["rule"] for r in report["left_out"] for f in r["findings"])
    assert "5 ligne(s) importée(s) laissée(s) de côté" in report["summary"]
    assert "1 ligne(s) écartée(s) du fichier" in report["summary"]


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
    assert {r["cause"] for r in report["left_out"]} == {"reserves-non-levees"}
    assert report["left_out"][0]["source_file"] == "poitiers_2017_scdl-v1_extrait.csv"
    response = client.get("/donnees/scdl-subventions.csv?authority=ville-de-poitiers")
    assert response.status_code == 200 and response["X-Registre-Lignes-Ecartees"] == "8"
    assert (
        response["Link"]
        == '</donnees/scdl-subventions.rapport.json?authority=ville-de-poitiers>; rel="describedby"'
    )
    body = b"".join(response.streaming_content)
    assert body.decode("utf-8").count("\n") == 1  # the header only: nothing publishable yet
    assert client.get("/donnees/scdl-deliberations.rapport.json").json()["left_out"] == []
    assert client.get("/donnees/scdl-subventions.rapport.json?authority=inconnue").status_code == 404
