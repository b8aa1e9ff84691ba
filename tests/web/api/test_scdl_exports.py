"""The demo's SCDL exports validate against both official schemas; `registre export` says so."""

import pytest

from registre.cli.main import main
from registre.opendata.validate import validate_file
from registre.web.api.scdl_import import import_scdl_file
from tests.opendata.conftest import FIXTURES, corpus_file

pytestmark = pytest.mark.django_db


def test_demo_deliberations_export_is_valid(demo, tmp_path, capsys):
    out = tmp_path / "deliberations.csv"
    assert (
        main(
            ["export", "scdl-deliberations", "--out", str(out), "--base-url", "https://registre.example.fr/"]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert "1 ligne(s) au format SCDL Délibérations 2.1.5, valides" in said
    assert validate_file("deliberations", out) == []
    text = out.read_text(encoding="utf-8")
    assert "2021/005795" in text and "PREF025" in text and "Budget principal" in text
    assert "https://registre.example.fr/deliberations/grand-besancon-metropole/2021/5795/" in text


def test_demo_and_imported_grants_export_is_valid(demo, tmp_path, capsys):
    import_scdl_file(FIXTURES / "lot_2017_windows-1252.csv")
    out = tmp_path / "subventions.csv"
    assert main(["export", "scdl-subventions", "--out", str(out)]) == 0
    assert "14 ligne(s) au format SCDL Subventions 2.1.1, valides" in capsys.readouterr().out
    assert validate_file("subventions", out) == []
    text = out.read_text(encoding="utf-8")
    # the grants app's demo agreement (signed 15 October 2021, paid at signature) beside the 13 imported
    assert "Pôle des Microtechniques" in text and ",45000,aide en numéraire,unique,2021-10-15," in text


def test_invalid_row_blocks_the_export_and_names_it(demo, tmp_path, capsys):
    authority = demo["authority"]
    authority.siret = "24250036100018"  # checksum wrong
    authority.save()
    out = tmp_path / "deliberations.csv"
    assert main(["export", "scdl-deliberations", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Publication bloquée" in err and "ligne 2, champ COLL_SIRET" in err and "french-siret-value" in err
    assert not out.exists()


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


def test_import_stores_good_rows_refuses_bad_ones_and_reexports_valid(demo, tmp_path, capsys):
    from registre.web.api.models import ImportedGrant

    path = FIXTURES / "haute-garonne_2017_extrait.csv"
    assert main(["import-scdl", str(path)]) == 1  # some rows refused
    said = capsys.readouterr().out
    assert "6 ligne(s) enregistrée(s)" in said and "4 refusée(s)" in said
    assert "ligne 8, champ datesPeriodeVersement : valeur obligatoire manquante" in said
    assert ImportedGrant.objects.count() == 6
    assert main(["import-scdl", str(path)]) == 1
    assert "0 ligne(s) enregistrée(s), 6 déjà présente(s)" in capsys.readouterr().out
    out = tmp_path / "s.csv"
    assert main(["export", "scdl-subventions", "--out", str(out)]) == 0
    assert validate_file("subventions", out) == []


def test_strict_import_stores_nothing_when_a_row_is_refused(demo, capsys):
    from registre.web.api.models import ImportedGrant

    assert main(["import-scdl", "--strict", str(FIXTURES / "haute-garonne_2017_extrait.csv")]) == 1
    assert "fichier refusé, rien n'est enregistré" in capsys.readouterr().out
    assert ImportedGrant.objects.count() == 0


def test_a_failure_while_storing_leaves_nothing_half_written(demo, monkeypatch):
    from registre.web.api import scdl_import
    from registre.web.api.models import ImportedGrant

    real = scdl_import._store_grant
    calls = []

    def store_then_fail(row, source, authority):
        calls.append(row.number)
        if len(calls) == 5:
            raise RuntimeError("disque plein")
        return real(row, source, authority)

    monkeypatch.setattr(scdl_import, "_store_grant", store_then_fail)
    with pytest.raises(RuntimeError):
        import_scdl_file(FIXTURES / "lot_2017_windows-1252.csv")
    assert len(calls) == 5 and ImportedGrant.objects.count() == 0


def test_unreadable_file_is_a_named_error(demo, tmp_path, capsys):
    bad = tmp_path / "classeur.csv"
    bad.write_bytes(b"PK\x03\x04\x00\x00")
    assert main(["import-scdl", str(bad)]) == 2
    assert "binaire" in capsys.readouterr().err


def test_deliberations_file_round_trip_through_the_database(demo, tmp_path):
    out = tmp_path / "d.csv"
    assert main(["export", "scdl-deliberations", "--out", str(out)]) == 0
    other = tmp_path / "other.csv"
    other.write_text(
        out.read_text(encoding="utf-8").replace("2021/005795", "2021-IMPORT-1"), encoding="utf-8"
    )
    report = import_scdl_file(other)
    assert report.stored == 1 and not report.refused
    again = tmp_path / "again.csv"
    assert main(["export", "scdl-deliberations", "--out", str(again)]) == 0
    rows = again.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3 and validate_file("deliberations", again) == []
    imported = next(r for r in rows if "2021-IMPORT-1" in r)
    original = next(r for r in rows if "2021/005795" in r)
    assert imported.split(",")[11:16] == original.split(",")[11:16]  # VOTE_* kept as the file says


def test_corpus_files_import(demo):
    from registre.web.api.models import ImportedGrant

    results = {
        name: import_scdl_file(corpus_file(name))
        for name in (
            "subventions_scdl_haute-garonne-datalocale_2017.csv",
            "subventions_scdl-v1_ville-de-poitiers_2017.csv",
            "subventions_departement-du-lot_2017_latin1.csv",
        )
    }
    stored = {name: r.stored for name, r in results.items()}
    assert stored == {
        "subventions_scdl_haute-garonne-datalocale_2017.csv": 37,
        "subventions_scdl-v1_ville-de-poitiers_2017.csv": 0,
        "subventions_departement-du-lot_2017_latin1.csv": 13,
    }
    assert ImportedGrant.objects.filter(grantor_siret__endswith=".0").count() == 0
    assert ImportedGrant.objects.count() == 50
