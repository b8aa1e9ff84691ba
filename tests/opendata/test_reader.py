"""SCDL files in: good rows kept, bad rows refused with row, field and reason; nothing repaired."""

import csv
import io
from collections import Counter

import pytest

from registre.opendata.reader import SCDL_V1, ScdlFileError, read_scdl
from registre.opendata.validate import validate_file
from registre.opendata.writer import export_csv

from .conftest import FIXTURES, corpus_file


def test_lot_windows_1252_semicolons_french_amounts():
    result = read_scdl(FIXTURES / "lot_2017_windows-1252.csv")
    assert (result.encoding, result.delimiter, result.kind) == ("Windows-1252", ";", "subventions")
    assert result.refused == [] and len(result.accepted) == 13 and result.blank_rows == 21
    first = result.accepted[0].record
    assert first.beneficiary_name == "Association des maires et élus du Lot"
    assert str(first.amount) == "40000.00"
    assert any("œuvre" in row.record.object for row in result.accepted)
    assert any("NomAttribuant" in note for note in result.notes)
    assert {row.record.grantor_name for row in result.accepted} == {
        "Departement du Lot",
        "Département du Lot",
    }


def test_haute_garonne_extract_rows_without_payment_dates_are_refused():
    result = read_scdl(FIXTURES / "haute-garonne_2017_extrait.csv")
    assert [row.number for row in result.accepted] == [1, 2, 3, 4, 5, 6]
    assert result.refused_rows == [7, 8, 9, 10]
    finding = result.refused[0]
    assert (finding.row, finding.line, finding.field, finding.rule) == (
        7,
        8,
        "datesPeriodeVersement",
        "table-schema:required",
    )
    first = result.accepted[0].record
    # format normalised, substance kept: SCDL 1.x period separator, capitalised enum
    assert (first.nature, first.payment_conditions) == ("aide en numéraire", "unique")
    assert (str(first.payment_start), str(first.payment_end)) == ("2017-01-01", "2017-12-31")
    assert first.grantor_siret == "21310458100011"


def test_poitiers_v1_layout_mapped_damaged_sirets_refused_not_repaired():
    result = read_scdl(FIXTURES / "poitiers_2017_scdl-v1_extrait.csv")
    assert result.layout == SCDL_V1 and result.kind == "subventions"
    assert result.accepted == []
    assert result.refused_rows == list(range(1, 9))
    grantor = [f for f in result.refused if f.field == "idAttribuant"]
    assert len(grantor) == 8
    assert {f.value for f in grantor} == {"21860194600000.0"}  # reported as written
    assert all("n'est pas corrigé" in f.message for f in grantor)
    # the 6th record's object spans three lines: the 7th starts three lines further
    lines = sorted({f.row: f.line for f in result.refused}.items())
    assert lines[6][1] - lines[5][1] == 3


def test_what_is_accepted_reexports_valid(tmp_path):
    for name in ("lot_2017_windows-1252.csv", "haute-garonne_2017_extrait.csv"):
        result = read_scdl(FIXTURES / name)
        out = tmp_path / f"re-{name}"
        export_csv(result.kind, [row.record for row in result.accepted], out)
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
    assert (result.kind, result.delimiter, len(result.accepted)) == ("deliberations", ";", 1)
    record = result.accepted[0].record
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
    assert len(raw) == 69 and missing
    assert set(result.refused_rows) == missing
    assert len(result.accepted) == 69 - len(missing)
    out = tmp_path / "hg.csv"
    export_csv("subventions", [r.record for r in result.accepted], out)
    assert validate_file("subventions", out) == []


def test_corpus_poitiers_every_row_refused_for_its_damaged_siret():
    path = corpus_file("subventions_scdl-v1_ville-de-poitiers_2017.csv")
    result = read_scdl(path)
    assert result.accepted == [] and len(result.refused_rows) == 562
    by_field = Counter(f.field for f in result.refused if f.rule == "french-siret-value")
    assert by_field["idAttribuant"] == 562
    assert by_field["idBeneficiaire"] == 562


def test_corpus_lot(tmp_path):
    result = read_scdl(corpus_file("subventions_departement-du-lot_2017_latin1.csv"))
    assert len(result.accepted) == 13 and result.refused == []
    assert sum(row.record.amount for row in result.accepted) > 0
