"""Importing an authority's published SCDL files: every row kept as its history, with what it states
and its findings; only what is not a row refused; one transaction per file."""

import re

import pytest

from registre.cli.main import main
from registre.opendata.validate import validate_file
from registre.web.opendata.scdl_import import import_scdl_file
from tests.opendata.conftest import FIXTURES, METROPOLE, corpus_file, metropole_deliberations

pytestmark = pytest.mark.django_db

CORPUS = (
    "subventions_scdl_haute-garonne-datalocale_2017.csv",
    "subventions_scdl-v1_ville-de-poitiers_2017.csv",
    "subventions_departement-du-lot_2017_latin1.csv",
)
SUMMARY = re.compile(
    r"(?P<file>\S+) : (?P<kept>\d+) ligne\(s\) enregistrée\(s\) dont (?P<findings>\d+) avec réserves, "
    r"(?P<there>\d+) déjà présente\(s\), (?P<refused>\d+) refusée\(s\) \((?P<read>\d+) ligne\(s\) lue\(s\)"
)


def _summaries(said: str) -> dict[str, dict[str, int]]:
    return {
        m["file"].rsplit("/", 1)[-1]: {k: int(m[k]) for k in ("read", "kept", "findings", "there", "refused")}
        for m in SUMMARY.finditer(said)
    }


def _by_field(rows) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        for finding in row.findings:
            key = (finding["field"], finding["rule"])
            counts[key] = counts.get(key, 0) + 1
    return counts


def test_the_three_corpus_files_every_row_kept_findings_per_file(demo, capsys):
    from registre.web.opendata.models import ImportedGrant

    paths = [str(corpus_file(name)) for name in CORPUS]
    assert main(["import-scdl", *paths]) == 0  # nothing refused
    said = _summaries(capsys.readouterr().out)
    assert said == {
        CORPUS[0]: {"read": 69, "kept": 69, "findings": 32, "there": 0, "refused": 0},
        CORPUS[1]: {"read": 562, "kept": 562, "findings": 562, "there": 0, "refused": 0},
        CORPUS[2]: {"read": 13, "kept": 13, "findings": 0, "there": 0, "refused": 0},
    }
    rows = {name: ImportedGrant.objects.filter(source_file=name) for name in CORPUS}
    assert {name: q.count() for name, q in rows.items()} == {CORPUS[0]: 69, CORPUS[1]: 562, CORPUS[2]: 13}
    assert _by_field(rows[CORPUS[0]]) == {
        ("datesPeriodeVersement", "table-schema:required"): 29,
        ("conditionsVersement", "table-schema:required"): 4,
        ("nomBeneficiaire", "table-schema:required"): 1,
        ("idBeneficiaire", "one-of-required"): 1,
    }
    assert _by_field(rows[CORPUS[1]]) == {
        ("idAttribuant", "french-siret-value"): 562,
        ("idBeneficiaire", "french-siret-value"): 562,
        ("nature", "table-schema:required"): 562,
        ("conditionsVersement", "table-schema:required"): 562,
        ("datesPeriodeVersement", "table-schema:required"): 562,
        ("pourcentageSubvention", "table-schema:required"): 562,
        ("objet", "table-schema:maxLength"): 54,
    }
    assert _by_field(rows[CORPUS[2]]) == {}
    poitiers = rows[CORPUS[1]]
    # damaged SIRETs kept as read, flagged, never repaired; nothing invented for the absent columns
    assert set(poitiers.values_list("grantor_siret", flat=True)) == {"21860194600000.0"}
    assert poitiers.filter(beneficiary_siret__endswith=".0").count() == 562
    assert set(poitiers.values_list("nature", "payment_conditions")) == {("", "")}
    assert not poitiers.filter(budget_share__isnull=False).exists()
    assert all(f["field"] != "notificationUE" for row in poitiers for f in row.findings)
    assert poitiers.first().authority.name == "Ville de Poitiers" and poitiers.first().authority.siret == ""
    assert {r.stated[0]["column"] for r in poitiers} == {"ANNEE"}  # the row as published, cell by cell


def test_summary_names_normalisations_once_and_findings_by_field(demo, capsys):
    path = FIXTURES / "haute-garonne_2017_extrait.csv"
    assert main(["import-scdl", str(path)]) == 0
    said = capsys.readouterr().out
    assert "10 ligne(s) enregistrée(s) dont 4 avec réserves, 0 déjà présente(s), 0 refusée(s)" in said
    assert said.count("périodes lues avec le séparateur « _ »") == 1
    assert (
        "réserve : champ datesPeriodeVersement [règle table-schema:required] : 4 ligne(s) (lignes 8, 9, 10, 11)"
        in said
    )
    assert main(["import-scdl", str(path)]) == 0
    assert "0 ligne(s) enregistrée(s) dont 0 avec réserves, 10 déjà présente(s)" in capsys.readouterr().out


def test_what_is_not_a_row_is_refused_and_named(demo, tmp_path, capsys):
    path = tmp_path / "f.csv"
    lines = (FIXTURES / "haute-garonne_2017_extrait.csv").read_text(encoding="utf-8").splitlines()
    lines[3] += ";cellule;en trop"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert main(["import-scdl", str(path)]) == 1
    said = capsys.readouterr().out
    assert "9 ligne(s) enregistrée(s) dont 4 avec réserves, 0 déjà présente(s), 1 refusée(s)" in said
    assert "refus : ligne 4 : 16 cellules pour 14 colonnes" in said


def test_strict_import_stores_nothing_when_a_row_has_findings(demo, capsys):
    from registre.web.opendata.models import ImportedGrant

    assert main(["import-scdl", "--strict", str(FIXTURES / "haute-garonne_2017_extrait.csv")]) == 1
    assert "fichier refusé, rien n'est enregistré" in capsys.readouterr().out
    assert ImportedGrant.objects.count() == 0


def test_a_failure_while_storing_leaves_nothing_half_written(demo, monkeypatch):
    from registre.web.opendata import scdl_import
    from registre.web.opendata.models import ImportedGrant

    real = scdl_import.store_imported_grant
    calls = []

    def store_then_fail(row, authority, **where):
        calls.append(row.number)
        if len(calls) == 5:
            raise RuntimeError("disque plein")
        return real(row, authority, **where)

    monkeypatch.setattr(scdl_import, "store_imported_grant", store_then_fail)
    with pytest.raises(RuntimeError):
        import_scdl_file(FIXTURES / "lot_2017_windows-1252.csv")
    assert len(calls) == 5 and ImportedGrant.objects.count() == 0


def test_unreadable_file_is_a_named_error(demo, tmp_path, capsys):
    bad = tmp_path / "classeur.csv"
    bad.write_bytes(b"PK\x03\x04\x00\x00")
    assert main(["import-scdl", str(bad)]) == 2
    assert "binaire" in capsys.readouterr().err


def test_rows_of_another_authority_are_refused_when_one_is_named(demo, capsys):
    assert (
        main(
            [
                "import-scdl",
                "--authority",
                "grand-besancon-metropole",
                str(FIXTURES / "lot_2017_windows-1252.csv"),
            ]
        )
        == 1
    )
    said = capsys.readouterr().out
    assert "0 ligne(s) enregistrée(s) dont 0 avec réserves, 0 déjà présente(s), 13 refusée(s)" in said
    assert "registre:autre-collectivite" in said


def test_deliberations_kept_as_acts_their_figures_as_stated(demo, tmp_path):
    from registre.web.opendata.models import ImportedDeliberation
    from registre.web.register.models import Deliberation

    report = import_scdl_file(metropole_deliberations(tmp_path / "metropole-2023.csv"))
    assert (report.rows_read, report.stored, report.with_findings, report.refused) == (80, 80, 5, [])
    imported = ImportedDeliberation.objects.filter(authority__name=METROPOLE)
    assert imported.count() == 80
    published = Deliberation.objects.filter(authority__name=METROPOLE, status=Deliberation.PUBLISHED)
    assert published.count() == 75  # the 5 with findings wait to be completed
    off = imported.get(deliberation_id="DEL-2023-013")
    assert off.act is None and off.status == "pending"
    assert (off.voters, off.votes_for + off.votes_against + off.abstentions) == (67, 65)  # as stated
    assert off.findings[0]["rule"] == "sum-columns-value" and off.findings[0]["field"] == "VOTE_REEL"
    clean = imported.get(deliberation_id="DEL-2023-001")
    assert clean.act.open_data.voters == clean.voters and clean.act.open_data.figures_source == "scdl"
    again = import_scdl_file(tmp_path / "metropole-2023.csv")
    assert (again.stored, again.already_there) == (0, 80)


def test_deliberations_file_round_trip_through_the_database(demo, tmp_path):
    out = tmp_path / "d.csv"
    assert main(["export", "scdl-deliberations", "--out", str(out)]) == 0
    other = tmp_path / "other.csv"
    other.write_text(
        out.read_text(encoding="utf-8").replace("2021/005795", "2021-IMPORT-1"), encoding="utf-8"
    )
    report = import_scdl_file(other)
    assert report.stored == 1 and not report.refused and report.with_findings == 0
    again = tmp_path / "again.csv"
    assert main(["export", "scdl-deliberations", "--out", str(again)]) == 0
    rows = again.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3 and validate_file("deliberations", again) == []
    imported = next(r for r in rows if "2021-IMPORT-1" in r)
    original = next(r for r in rows if "2021/005795" in r)
    assert imported.split(",")[11:16] == original.split(",")[11:16]  # VOTE_* kept as the file says


def test_two_rows_with_one_deliberation_number_do_not_make_one_act(demo, tmp_path, capsys):
    from registre.web.opendata.models import ImportedDeliberation

    path = metropole_deliberations(tmp_path / "m.csv", rows=3)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("DEL-2023-003", "DEL-2023-001")  # another act under the same number
    path.write_text("\n".join(lines), encoding="utf-8")
    assert main(["import-scdl", str(path)]) == 0
    assert "3 ligne(s) enregistrée(s) dont 1 avec réserves" in capsys.readouterr().out
    second = ImportedDeliberation.objects.get(source_line=4)
    assert second.act is None and second.findings[0]["rule"] == "registre:numero-deja-importe"


def test_imported_acts_enter_the_register_through_the_publication_service(tmp_path, capsys):
    """Frozen and chained like every act, with their number and their figures as the file states them."""
    from registre.web.register.models import PublishedAct

    import_scdl_file(metropole_deliberations(tmp_path / "metropole-2023.csv"))
    acts = PublishedAct.objects.filter(authority__name=METROPOLE).order_by("position")
    assert [act.position for act in acts] == list(range(1, 76))
    first = acts[0]
    assert first.number == "DEL-2023-001" and first.deliberation.number == "DEL-2023-001"
    assert first.data["origin"] == {"kind": "scdl", "file": "metropole-2023.csv", "line": 2}
    assert first.data["figures"]["source"] == "scdl" and first.voters == first.data["figures"]["voters"]
    assert acts[1].previous_fingerprint == first.fingerprint
    slug = first.authority.slug
    assert main(["verify", "--authority", slug]) == 0
    assert capsys.readouterr().out.startswith("Chaîne intacte : 75 acte(s) publié(s)")
