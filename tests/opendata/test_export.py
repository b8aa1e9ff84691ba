"""Exports: valid against the official schemas, streamed, and blocked by any invalid row."""

import csv
import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from registre.opendata import PublicationBlocked
from registre.opendata.records import GrantRecord
from registre.opendata.report import INVALID
from registre.opendata.rows import deliberation_row, header
from registre.opendata.validate import validate_file
from registre.opendata.writer import export_csv

from .conftest import POITIERS


def test_example_deliberation_fills_every_field(example_record):
    row = deliberation_row(example_record)
    assert all(row[name] for name in header("deliberations")), row
    assert (
        row["VOTE_EFFECTIF"],
        row["VOTE_REEL"],
        row["VOTE_POUR"],
        row["VOTE_CONTRE"],
        row["VOTE_ABSTENTION"],
    ) == ("123", "104", "104", "0", "0")
    assert row["DELIB_MATIERE_NOM"] == "finances locales/subventions"
    assert row["COLL_NOM"] == "Grand Besançon Métropole"
    assert row["DELIB_DATE"] == "2021-10-07"


def test_export_is_valid_as_a_reuser_checks_it(tmp_path, example_record):
    out = tmp_path / "deliberations.csv"
    result = export_csv("deliberations", [example_record], out)
    assert result.rows == 1 and result.schema == "SCDL Délibérations 2.1.5"
    assert validate_file("deliberations", out) == []  # frictionless on the file + custom checks
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["DELIB_ID"] == "2021/005795"
    assert list(rows[0]) == list(header("deliberations"))


def grant(number: int, **changes) -> GrantRecord:
    base = GrantRecord(
        grantor_name="Ville de Poitiers",
        grantor_siret=POITIERS,
        agreement_date=dt.date(2021, 10, 20),
        beneficiary_name=f"Association n°{number}",
        object="Fonctionnement\nannuel",
        amount=Decimal("45000.00"),
        payment_conditions="unique",
        payment_start=dt.date(2021, 11, 1),
        decision_reference="2021/005795",
        beneficiary_rna=f"W{number:09d}",
    )
    return dataclasses.replace(base, **changes)


def test_grants_export_multiline_objects_and_lines_are_counted(tmp_path):
    out = tmp_path / "subventions.csv"
    records = [grant(i) for i in range(1, 4)] + [grant(4, beneficiary_rna=None)]
    with pytest.raises(PublicationBlocked) as blocked:
        export_csv("subventions", records, out)
    (finding,) = blocked.value.findings
    # rows 1-3 span two physical lines each: row 4 starts on line 2 + 3*2 = 8
    assert (finding.row, finding.line, finding.field, finding.rule) == (
        4,
        8,
        "idBeneficiaire",
        "one-of-required",
    )
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no partial file left behind
    result = export_csv("subventions", records[:3], out)
    assert result.rows == 3 and validate_file("subventions", out) == []


def test_invalid_row_blocks_the_publication_and_keeps_the_previous_file(tmp_path, example_record):
    out = tmp_path / "deliberations.csv"
    export_csv("deliberations", [example_record], out)
    before = out.read_bytes()
    wrong = dataclasses.replace(example_record, deliberation_id="2021/005796", voters=109)
    with pytest.raises(PublicationBlocked) as blocked:
        export_csv("deliberations", [example_record, wrong], out)
    message = str(blocked.value)
    assert "ligne 3" in message and "VOTE_REEL" in message and "sum-columns-value" in message
    assert out.read_bytes() == before


def test_skip_invalid_leaves_the_row_out_names_it_and_keeps_the_file_valid(tmp_path, example_record):
    wrong = dataclasses.replace(example_record, deliberation_id="2021/005796", voters=109)
    out = tmp_path / "deliberations.csv"
    result = export_csv("deliberations", [example_record, wrong], out, skip_invalid=True)
    assert result.rows == 1 and validate_file("deliberations", out) == []
    assert "2021/005796" not in out.read_text(encoding="utf-8")
    (left,) = result.left_out
    assert left.cause == INVALID and left.rank == 2 and left.source is None and left.line is None
    assert left.label.startswith("n° 2021/005796 — ") and left.authority == example_record.authority_name
    assert ("VOTE_REEL", "sum-columns-value") in {(f["field"], f["rule"]) for f in left.findings}


def test_frictionless_cell_readers_catch_a_late_row(tmp_path, example_record):
    """Past the first chunk, frictionless validates cell by cell: its findings still block."""
    out = tmp_path / "big.csv"

    def records():
        for i in range(1, 4501):
            url = "pas une adresse" if i == 4200 else f"https://exemple.fr/{i}.pdf"
            yield dataclasses.replace(example_record, deliberation_id=f"D{i}", url=url)

    with pytest.raises(PublicationBlocked) as blocked:
        export_csv("deliberations", records(), out, chunk_rows=1000)
    (finding,) = blocked.value.findings
    assert (finding.row, finding.line, finding.field, finding.rule) == (
        4200,
        4201,
        "DELIB_URL",
        "table-schema:type-error",
    )
    assert not out.exists()
    result = export_csv(
        "deliberations",
        (dataclasses.replace(example_record, deliberation_id=f"D{i}") for i in range(4500)),
        out,
        chunk_rows=1000,
    )
    assert result.rows == 4500


def test_memory_does_not_grow_with_the_number_of_rows(tmp_path, example_record):
    """Streaming: ten times more rows, the same peak (bounded by one chunk, not by the row count)."""
    import tracemalloc

    def peak(count: int) -> int:
        records = (dataclasses.replace(example_record, deliberation_id=f"D{i}") for i in range(count))
        tracemalloc.start()
        try:
            export_csv("deliberations", records, tmp_path / f"{count}.csv", chunk_rows=200)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(600), peak(6000)
    assert large < small * 1.5 + 256 * 1024, (small, large)


def test_cell_readers_find_what_resource_validate_finds(example_record):
    """FrictionlessCells (the export's fast path) and Resource.validate agree on row, field and rule."""
    from registre.opendata.validate import FrictionlessCells, frictionless_findings

    good = deliberation_row(example_record)
    variants = [
        {},
        {"DELIB_DATE": "07/10/2021"},
        {"COLL_SIRET": "123"},
        {"DELIB_MATIERE_CODE": "7-5"},
        {"VOTE_POUR": "cent"},
        {"DELIB_URL": "pas une adresse"},
        {"COLL_NOM": ""},
        {"BUDGET_ANNEE": "21"},
        {"PREF_DATE": "2021-13-01", "VOTE_REEL": "-"},
        {"DELIB_ID": "", "DELIB_OBJET": ""},
    ]
    rows = [dict(good, **change) for change in variants]
    header = list(header_names := [*good])
    values = [[row[name] for name in header_names] for row in rows]
    expected = {(f.row, f.field, f.rule) for f in frictionless_findings("deliberations", values)}
    cells = FrictionlessCells("deliberations")
    found = {(f.row, f.field, f.rule) for n, v in enumerate(values, 1) for f in cells.check(v, n, None)}
    assert found == expected and len(expected) >= 11
    assert header == list(header_names)


def test_cell_readers_agree_on_grants_too():
    from registre.opendata.rows import grant_row
    from registre.opendata.validate import FrictionlessCells, frictionless_findings

    good = grant_row(grant(1))
    variants = [
        {},
        {"montant": "40 000,00"},
        {"nature": "Aide en numéraire"},
        {"notificationUE": "NON"},
        {"pourcentageSubvention": "1.5"},
        {"datesPeriodeVersement": "2017-01-01_2017-12-31"},
        {"rnaBeneficiaire": "W12"},
        {"objet": "x" * 300},
        {"idRAE": "123456"},
        {"dateConvention": ""},
    ]
    names = list(good)
    values = [[dict(good, **change)[name] for name in names] for change in variants]
    expected = {(f.row, f.field, f.rule) for f in frictionless_findings("subventions", values)}
    cells = FrictionlessCells("subventions")
    found = {(f.row, f.field, f.rule) for n, v in enumerate(values, 1) for f in cells.check(v, n, None)}
    assert found == expected and len(expected) == 9
