"""Importing an authority's existing SCDL files: good rows stored, bad rows named, nothing half written."""

import pytest

from registre.cli.main import main
from registre.opendata.validate import validate_file
from registre.web.opendata.scdl_import import import_scdl_file
from tests.opendata.conftest import FIXTURES, corpus_file

pytestmark = pytest.mark.django_db


def test_import_stores_good_rows_refuses_bad_ones_and_reexports_valid(demo, tmp_path, capsys):
    from registre.web.opendata.models import ImportedGrant

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
    from registre.web.opendata.models import ImportedGrant

    assert main(["import-scdl", "--strict", str(FIXTURES / "haute-garonne_2017_extrait.csv")]) == 1
    assert "fichier refusé, rien n'est enregistré" in capsys.readouterr().out
    assert ImportedGrant.objects.count() == 0


def test_a_failure_while_storing_leaves_nothing_half_written(demo, monkeypatch):
    from registre.web.opendata import scdl_import
    from registre.web.opendata.models import ImportedGrant

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
    from registre.web.opendata.models import ImportedGrant

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
