"""SCDL files in: every row that is a row kept with what it states and its findings; nothing repaired."""

import csv
import io
from collections import Counter

import pytest

from registre.opendata.reader import NEAR, SCDL_V1, ScdlFileError, read_scdl
from registre.opendata.validate import validate_file
from registre.opendata.writer import export_csv

from .conftest import FIXTURES, METROPOLE_AMBIGUOUS, METROPOLE_VOTES_OFF, corpus_file, metropole_deliberations


def _findings(result) -> Counter:
    return Counter((f.field, f.rule) for row in result.rows for f in row.findings)


def test_lot_windows_1252_semicolons_french_amounts():
    result = read_scdl(FIXTURES / "lot_2017_windows-1252.csv")
    assert (result.encoding, result.delimiter, result.kind, result.layout) == (
        "Windows-1252",
        ";",
        "subventions",
        NEAR,
    )
    assert result.refused == [] and len(result.rows) == 13 and result.with_findings == []
    assert result.blank_rows == 21
    first = result.rows[0].record
    assert first.beneficiary_name == "Association des maires et élus du Lot"
    assert str(first.amount) == "40000.00"
    assert any("œuvre" in row.record.object for row in result.rows)
    assert {row.record.grantor_name for row in result.rows} == {"Departement du Lot", "Département du Lot"}
    # each normalisation said once for the file, not once per row
    french = [n for n in result.notes if n.startswith("montants lus avec des espaces de milliers")]
    assert len(french) == 1 and "13 valeur(s)" in french[0]
    assert any("« NomAttribuant » lu comme « nomAttribuant »" in n for n in result.notes)


def test_haute_garonne_extract_rows_without_payment_dates_are_kept_with_findings():
    result = read_scdl(FIXTURES / "haute-garonne_2017_extrait.csv")
    assert [row.number for row in result.rows] == list(range(1, 11)) and result.refused == []
    assert [row.number for row in result.with_findings] == [7, 8, 9, 10]
    finding = result.rows[6].findings[0]
    assert (finding.row, finding.line, finding.field, finding.rule) == (
        7,
        8,
        "datesPeriodeVersement",
        "table-schema:required",
    )
    assert result.rows[6].record is None  # nothing to publish yet
    assert result.rows[6].values["beneficiary_name"]  # but what it states is kept
    first = result.rows[0].record
    # format normalised, substance kept: SCDL 1.x period separator, capitalised enum
    assert (first.nature, first.payment_conditions) == ("aide en numéraire", "unique")
    assert (str(first.payment_start), str(first.payment_end)) == ("2017-01-01", "2017-12-31")
    assert first.grantor_siret == "21310458100011"


def test_poitiers_v1_layout_mapped_damaged_sirets_flagged_not_repaired():
    result = read_scdl(FIXTURES / "poitiers_2017_scdl-v1_extrait.csv")
    assert result.layout == SCDL_V1 and result.kind == "subventions"
    assert len(result.rows) == 8 and len(result.with_findings) == 8 and result.refused == []
    grantor = [f for row in result.rows for f in row.findings if f.field == "idAttribuant"]
    assert {f.value for f in grantor} == {"21860194600000.0"}  # reported as written
    assert all("n'est pas corrigé" in f.message for f in grantor)
    assert {row.values["grantor_siret"] for row in result.rows} == {"21860194600000.0"}  # kept as read
    absent = [f for f in result.rows[0].findings if "colonne n'existe pas" in f.message]
    assert {f.field for f in absent} == {
        "nature",
        "conditionsVersement",
        "datesPeriodeVersement",
        "pourcentageSubvention",
    }
    assert result.rows[0].values["nature"] is None  # "non renseigné", never a default
    assert result.rows[0].values["budget_share"] is None
    # exactly what it states: every cell, mapped or not
    assert [c["column"] for c in result.rows[0].stated][:2] == ["ANNEE", "COLL_NOM"]
    assert result.rows[0].stated[0] == {"column": "ANNEE", "field": None, "value": "2017"}
    # the 6th record's object spans three lines: the 7th starts three lines further
    assert result.rows[6].line - result.rows[5].line == 3


def test_somme_slashed_dates_and_periods_read_ambiguous_values_flagged():
    result = read_scdl(FIXTURES / "somme_2018_forme.csv")
    first, second, third, fourth = result.rows
    assert (str(first.values["agreement_date"]), str(first.values["payment_end"])) == (
        "2018-01-30",
        "2022-01-29",
    )
    assert str(second.values["payment_start"]) == "2018-03-15"
    assert fourth.values["budget_share"] == 0.5 and third.values["budget_share"] == 1
    assert {(f.field, f.rule) for f in third.findings} == {
        ("dateConvention", "registre:valeur-ambigue"),
        ("montant", "registre:valeur-ambigue"),
        ("notificationUE", "table-schema:required"),
    }
    assert third.values["agreement_date"] is None and third.values["amount"] is None  # not guessed
    assert ("conditionsVersement", "table-schema:maxLength") in {(f.field, f.rule) for f in second.findings}
    notes = "\n".join(result.notes)
    for said in ("dates lues au format AAAA/MM/JJ", "dates lues au format JJ/MM/AAAA", "séparateur « _ »"):
        assert notes.count(said) == 1
    # the format had no notificationUE column: non renseigné on every row, never "non"
    assert _findings(result)[("notificationUE", "table-schema:required")] == 4


def test_nievre_v1_with_two_period_columns_and_unreadable_amounts():
    result = read_scdl(FIXTURES / "nievre_2016_scdl-v1_forme.csv")
    assert (result.layout, result.delimiter, len(result.rows)) == (SCDL_V1, ",", 5)
    found = _findings(result)
    assert found[("idAttribuant", "french-siret-value")] == 5  # a SIREN where a SIRET is due: flagged, kept
    assert found[("montant", "table-schema:type-error")] == 2  # "NC", "SEM"
    assert result.rows[0].values["amount"] == 17833
    last = result.rows[4].values
    assert (str(last["payment_start"]), str(last["payment_end"])) == ("2016-01-01", "2016-12-31")
    assert last["aid_scheme"] == "Fonds départemental"
    assert any("ID_ENT" in n for n in result.notes)  # not guessed into idRAE


def test_deliberations_near_formats_typos_extra_columns_repeated_header():
    plessis = read_scdl(FIXTURES / "plessis-trevise_deliberations_forme.csv")
    assert (plessis.kind, plessis.encoding, len(plessis.rows)) == ("deliberations", "Windows-1252", 4)
    assert (plessis.blank_rows, plessis.header_rows) == (1, 1)
    assert plessis.rows[0].findings == [] and plessis.rows[0].values["members_in_office"] == 33
    assert _findings(plessis) == Counter(
        {
            ("VOTE_REEL", "sum-columns-value"): 1,
            ("PREF_DATE", "compare-columns-value"): 1,
            ("VOTE_EFFECTIF", "compare-columns-value"): 1,
            ("DELIB_DATE", "registre:valeur-ambigue"): 1,
        }
    )
    assert plessis.rows[1].values["voters"] == 31  # the figures as stated, even when they do not add up
    loiret = read_scdl(FIXTURES / "loiret_deliberations_forme.csv")
    assert loiret.rows[0].values["abstentions"] == 2  # VOTE_ABSTENSION
    assert loiret.rows[0].values["subject_code"] == "3.1"  # not DELIB_MATIERE_CODE_N3
    assert ("DELIB_MATIERE_NOM", "registre:actes-code-nom") in _findings(loiret)


def test_metropole_file_every_row_kept_inconsistent_votes_flagged(tmp_path):
    result = read_scdl(metropole_deliberations(tmp_path / "m.csv"))
    assert (len(result.rows), result.refused) == (80, [])
    assert [row.number for row in result.with_findings] == sorted([*METROPOLE_VOTES_OFF, METROPOLE_AMBIGUOUS])
    assert _findings(result) == Counter(
        {("VOTE_REEL", "sum-columns-value"): 4, ("DELIB_DATE", "registre:valeur-ambigue"): 1}
    )
    assert sum("dates lues au format JJ/MM/AAAA" in n for n in result.notes) == 1


def test_only_what_is_not_a_row_is_refused(tmp_path):
    header = "nomAttribuant;idAttribuant;dateConvention;nomBeneficiaire;idBeneficiaire;objet;montant;objet"
    path = tmp_path / "f.csv"
    path.write_text(
        "\n".join(
            [
                header,
                "Commune de Roques;21310458100011;2017-04-13;Club;44137080600016;Tennis;100;Tennis",
                "Commune de Roques;21310458100011;2017-04-13;Club;44137080600016;Tennis;100;Tennis;en trop;encore",
                "Commune de Roques;21310458100011",
                header,
                "Commune de Roques;21310458100011;2017-04-13;Club;44137080600016;Tennis;100;Judo",
            ]
        ),
        encoding="utf-8",
    )
    result = read_scdl(path)
    assert [f.line for f in result.refused] == [3] and result.refused[0].rule == "table-schema:extra-cell"
    assert [row.line for row in result.rows] == [2, 4, 6] and result.header_rows == 1
    assert ("dateConvention", "table-schema:missing-cell") in {
        (f.field, f.rule) for f in result.rows[1].findings
    }
    conflict = [f for f in result.rows[2].findings if f.field == "objet"]
    assert conflict[0].rule == "registre:valeur-ambigue" and "Judo" in conflict[0].message


def test_complete_rows_reexport_valid(tmp_path):
    for name in (
        "lot_2017_windows-1252.csv",
        "haute-garonne_2017_extrait.csv",
        "loiret_deliberations_forme.csv",
    ):
        result = read_scdl(FIXTURES / name)
        out = tmp_path / f"re-{name}"
        export_csv(result.kind, [row.record for row in result.complete], out)
        assert validate_file(result.kind, out) == []


def test_unreadable_files_are_named_errors(tmp_path):
    empty = tmp_path / "vide.csv"
    empty.write_bytes(b"")
    with pytest.raises(ScdlFileError, match="vide"):
        read_scdl(empty)
    other = tmp_path / "autre.csv"
    other.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    with pytest.raises(ScdlFileError, match="en-tête non reconnu"):
        read_scdl(other)
    with pytest.raises(ScdlFileError, match="introuvable"):
        read_scdl(tmp_path / "absent.csv")
    with pytest.raises(ScdlFileError, match="binaire"):
        read_scdl(tmp_path / "x.xlsx", b"PK\x03\x04\x00\x00binary")


def test_deliberations_file_round_trip(tmp_path, example_record):
    out = tmp_path / "d.csv"
    export_csv("deliberations", [example_record], out)
    text = out.read_text(encoding="utf-8").replace(",", ";").replace("2021/005795", "2021-005795")
    semicolons = tmp_path / "d-semicolons.csv"
    semicolons.write_bytes(text.encode("cp1252", errors="replace"))
    result = read_scdl(semicolons)
    assert (result.kind, result.delimiter, len(result.complete)) == ("deliberations", ";", 1)
    record = result.rows[0].record
    assert (record.voters, record.votes_for, record.subject_code) == (104, 104, "7.5")
    assert record.authority_name == "Grand Besançon Métropole"


# ----- the full corpus files (../shared), when present -----


def _raw_rows(path, encoding):
    text = path.read_bytes().decode(encoding)
    return [
        r
        for r in csv.DictReader(io.StringIO(text, newline=""), delimiter=";")
        if any(v.strip() for v in r.values())
    ]


def test_corpus_haute_garonne(tmp_path):
    path = corpus_file("subventions_scdl_haute-garonne-datalocale_2017.csv")
    raw = _raw_rows(path, "utf-8")
    missing = {
        i
        for i, r in enumerate(raw, 1)
        if not r["datesPeriodeVersement"].strip() or not r["conditionsVersement"].strip()
    }
    result = read_scdl(path)
    assert len(raw) == len(result.rows) == 69 and result.refused == [] and missing
    nameless = {row.number for row in result.rows if not row.values["beneficiary_name"]}
    assert {row.number for row in result.with_findings} == missing | nameless
    out = tmp_path / "hg.csv"
    export_csv("subventions", [r.record for r in result.complete], out)
    assert validate_file("subventions", out) == []


def test_corpus_poitiers_every_row_kept_its_damaged_sirets_flagged():
    result = read_scdl(corpus_file("subventions_scdl-v1_ville-de-poitiers_2017.csv"))
    assert len(result.rows) == len(result.with_findings) == 562 and result.refused == []
    found = _findings(result)
    assert found[("idAttribuant", "french-siret-value")] == 562
    assert found[("idBeneficiaire", "french-siret-value")] == 562
    assert all(row.values["grantor_siret"] == "21860194600000.0" for row in result.rows)


def test_corpus_lot():
    result = read_scdl(corpus_file("subventions_departement-du-lot_2017_latin1.csv"))
    assert len(result.rows) == len(result.complete) == 13 and result.refused == []
    assert sum(row.record.amount for row in result.rows) > 0
