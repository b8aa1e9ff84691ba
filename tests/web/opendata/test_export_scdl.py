"""The demo's SCDL exports validate against both official schemas; `registre export` says so."""

import pytest

from registre.cli.main import main
from registre.opendata.validate import validate_file
from registre.web.opendata.scdl_import import import_scdl_file
from registre.web.register.models import Deliberation
from tests.opendata.conftest import FIXTURES

from ..conftest import legacy_act

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
    authority.siret = "24250036100018"  # checksum wrong: the published act keeps the SIRET it had…
    authority.save()
    draft = Deliberation.objects.create(
        authority=authority, item=demo["deliberation"].item.meeting.items.get(number=20), title="Ancien acte"
    )
    legacy_act(draft)  # …a legacy act frozen with the wrong one does not
    out = tmp_path / "deliberations.csv"
    assert main(["export", "scdl-deliberations", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Publication bloquée" in err and "ligne 3, champ COLL_SIRET" in err and "french-siret-value" in err
    assert not out.exists()


def test_after_the_corpus_imports_the_export_stays_valid_and_its_report_names_rows_left_out(
    demo, tmp_path, capsys
):
    import json

    from tests.opendata.conftest import corpus_file

    for name in (
        "subventions_scdl_haute-garonne-datalocale_2017.csv",
        "subventions_scdl-v1_ville-de-poitiers_2017.csv",
        "subventions_departement-du-lot_2017_latin1.csv",
    ):
        import_scdl_file(corpus_file(name))
    out = tmp_path / "subventions.csv"
    assert main(["export", "scdl-subventions", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    # 37 + 13 imported rows without findings, and the grants app's demo agreement
    assert "51 ligne(s) au format SCDL Subventions 2.1.1, valides" in said
    assert validate_file("subventions", out) == []
    assert "21860194600000.0" not in out.read_text(encoding="utf-8")  # a damaged SIRET is never published
    report = json.loads((tmp_path / "subventions.rapport.json").read_text(encoding="utf-8"))
    assert report["published_rows"] == 51 and len(report["left_out"]) == 32 + 562
    assert "594 ligne(s) importée(s) laissée(s) de côté" in said
    poitiers = [
        r for r in report["left_out"] if r["source_file"] == "subventions_scdl-v1_ville-de-poitiers_2017.csv"
    ]
    assert len(poitiers) == 562 and {r["authority"] for r in poitiers} == {"Ville de Poitiers"}
    first = poitiers[0]
    assert first["source_line"] == 2 and first["row"] == "TROUVER SONNETTE A SON PIED — 10000 €"
    assert {(f["field"], f["rule"]) for f in first["findings"]} >= {
        ("idAttribuant", "french-siret-value"),
        ("nature", "table-schema:required"),
    }


def test_deliberations_export_leaves_out_rows_whose_votes_do_not_add_up(demo, tmp_path, capsys):
    import json

    from tests.opendata.conftest import metropole_deliberations

    import_scdl_file(metropole_deliberations(tmp_path / "metropole.csv"))
    out = tmp_path / "deliberations.csv"
    assert main(["export", "scdl-deliberations", "--out", str(out)]) == 0
    assert "76 ligne(s) au format SCDL Délibérations 2.1.5, valides" in capsys.readouterr().out
    assert validate_file("deliberations", out) == []
    report = json.loads((tmp_path / "deliberations.rapport.json").read_text(encoding="utf-8"))
    assert sorted(r["source_line"] for r in report["left_out"]) == [14, 28, 42, 51, 67]
