"""The schemas' custom checks, one by one: the right rows pass, the wrong ones name field and rule."""

import pytest

from registre.opendata.checks import CustomChecks, siret_problem
from registre.opendata.rows import deliberation_row
from registre.opendata.validate import validate_rows

from .conftest import POITIERS, ROQUES


@pytest.fixture
def good(example_record):
    return deliberation_row(example_record)


def findings(row, kind="deliberations"):
    return [(f.field, f.rule) for f in CustomChecks(kind).check(row)]


def test_example_row_passes_every_check(good):
    assert findings(good) == []
    assert validate_rows("deliberations", [good]) == []


def test_siret_checksum_and_damaged_siret_never_repaired():
    assert siret_problem(ROQUES) is None
    assert "Luhn" in siret_problem("21310458100012")
    damaged = siret_problem("21860194600000.0")
    assert "abîmé" in damaged and "n'est pas corrigé" in damaged
    assert "14 chiffres" in siret_problem("2186019460001")


def test_vote_reel_is_the_sum_of_for_against_abstaining(good):
    row = dict(good, VOTE_POUR="104", VOTE_CONTRE="0", VOTE_ABSTENTION="0", VOTE_REEL="109")
    # the five members not taking part counted among the voters by mistake
    (finding,) = CustomChecks("deliberations").check(row, 1, 2)
    assert (finding.field, finding.rule, finding.row, finding.line) == (
        "VOTE_REEL",
        "sum-columns-value",
        1,
        2,
    )
    assert "109" in finding.message and "= 104" in finding.message


def test_vote_columns_together_or_not_at_all(good):
    assert ("VOTE_CONTRE", "cohesive-columns-value") in findings(dict(good, VOTE_CONTRE=""))
    empty = dict(
        good, **{k: "" for k in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")}
    )
    assert findings(empty) == []
    assert ("BUDGET_NOM", "cohesive-columns-value") in findings(dict(good, BUDGET_NOM=""))


def test_comparisons(good):
    assert ("PREF_DATE", "compare-columns-value") in findings(dict(good, PREF_DATE="2021-10-06"))
    too_many = dict(good, VOTE_EFFECTIF="100")
    assert ("VOTE_EFFECTIF", "compare-columns-value") in findings(too_many)


def test_budget_year(good):
    assert findings(dict(good, BUDGET_ANNEE="2021/2022", BUDGET_NOM="x")) == []
    assert ("BUDGET_ANNEE", "year-interval-value") in findings(dict(good, BUDGET_ANNEE="2022/2021"))


def test_actes_name_case_and_accents_ignored_but_code_must_agree(good):
    assert findings(dict(good, DELIB_MATIERE_NOM="FINANCES LOCALES/SUBVENTIONS")) == []
    assert ("DELIB_MATIERE_NOM", "nomenclature-actes-value") in findings(
        dict(good, DELIB_MATIERE_NOM="Subventions")
    )
    assert ("DELIB_MATIERE_NOM", "nomenclature-actes-value") in findings(
        dict(good, DELIB_MATIERE_NOM="Argent/Subventions")
    )
    assert ("DELIB_MATIERE_NOM", "registre:actes-code-nom") in findings(
        dict(good, DELIB_MATIERE_NOM="finances locales/emprunts")
    )
    assert ("DELIB_MATIERE_CODE", "registre:actes-code-nom") in findings(
        dict(good, DELIB_MATIERE_CODE="7.11")
    )


def test_grants_need_a_siret_or_an_rna():
    row = {"idAttribuant": POITIERS, "idBeneficiaire": "", "rnaBeneficiaire": ""}
    assert findings(row, "subventions") == [("idBeneficiaire", "one-of-required")]
    assert findings(dict(row, rnaBeneficiaire="W863000123"), "subventions") == []


def test_frictionless_reports_the_table_schema_errors_in_french(good):
    bad = dict(
        good,
        DELIB_DATE="07/10/2021",
        DELIB_URL="pas une adresse",
        DELIB_MATIERE_CODE="7-5",
        DELIB_MATIERE_NOM="finances locales/subventions",
        COLL_NOM="",
    )
    by_field = {f.field: f for f in validate_rows("deliberations", [good, bad])}
    assert set(by_field) >= {"DELIB_DATE", "DELIB_URL", "COLL_NOM"}
    assert all(f.row == 2 and f.line == 3 for f in by_field.values())
    assert by_field["DELIB_DATE"].rule == "table-schema:type-error"
    assert "AAAA-MM-JJ" in by_field["DELIB_DATE"].message
    assert by_field["COLL_NOM"].rule == "table-schema:required"
    assert (
        by_field["COLL_NOM"].describe("f.csv")
        == "f.csv, ligne 3, champ COLL_NOM : valeur obligatoire non renseignée [règle table-schema:required]"
    )
