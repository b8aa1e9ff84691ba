"""The official schemas are shipped verbatim, cited, and every custom check they name is implemented."""

import hashlib
import json
import re
from importlib import resources

from registre.opendata import actes
from registre.opendata.checks import CHECKS, CustomChecks
from registre.opendata.schemas import DELIBERATIONS, GRANTS, KINDS, official_schema, schema_text

from .conftest import SHARED

SHA256 = {
    DELIBERATIONS: "6c55e62776895fbe352cc3750733200f98b3e7f763b0acdcc79b888c4bb3abb6",
    GRANTS: "2c2c2ca25ef6a3295f3e54be321453f1f720f2497d89abaad62b9ab04a6549d7",
}


def test_schemas_are_verbatim_copies_with_their_version():
    for kind in KINDS:
        text = schema_text(kind)
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == SHA256[kind]
        shared = SHARED / "schemas" / f"scdl-{kind}.schema.json"
        if shared.exists():
            assert json.loads(shared.read_text(encoding="utf-8")) == official_schema(kind).descriptor
    assert official_schema(DELIBERATIONS).version == "2.1.5"
    assert official_schema(GRANTS).version == "2.1.1"


def test_notice_cites_source_and_version():
    notice = (
        resources.files("registre.opendata").joinpath("schemas").joinpath("NOTICE.txt").read_text("utf-8")
    )
    for kind in KINDS:
        schema = official_schema(kind)
        assert schema.source in notice
        assert f"version {schema.version}" in notice


def test_every_custom_check_of_the_schemas_is_implemented():
    for kind in KINDS:
        names = {c["name"] for c in official_schema(kind).custom_checks}
        assert names <= set(CHECKS)
        CustomChecks(kind)  # raises on an unknown check
    assert "custom_checks" not in official_schema(GRANTS).table_schema()
    assert "custom_checks" in official_schema(GRANTS).descriptor


def test_actes_level_two_matches_the_ranges_the_schema_states():
    description = official_schema(DELIBERATIONS).fields["DELIB_MATIERE_CODE"]["description"]
    ranges = re.findall(r"'?(\d)\.1'? à '?\d\.(\d+)'", description)
    expected = {f"{major}.{minor}" for major, last in ranges for minor in range(1, int(last) + 1)}
    assert len(ranges) == 9
    assert set(actes.subjects()) == expected
    assert len(expected) == 57


def test_actes_titles_and_scdl_names():
    assert actes.subject("7.5").label == "7.5 Subventions"
    assert actes.subject("7.4").scdl_name == "finances locales/interventions économiques"
    assert actes.subject("9.4").title == "Vœux et motions"
    assert actes.subject("7.9").scdl_name == "finances locales/prise de participation sem etc"
    assert actes.subject("8.4").scdl_name == "domaines de compétences par thèmes/aménagement du territoire"
    assert actes.level1_code_of_name("FINANCES LOCALES/Subventions") == "7"
    assert actes.level1_code_of_name("Libertes publiques et pourvoirs de police/Police municipale") == "6"
    assert actes.name_matches_code("7.5", "Finances locales/Subventions")
    assert not actes.name_matches_code("7.4", "Finances locales/Subventions")
    assert actes.subject("7.11") is None
