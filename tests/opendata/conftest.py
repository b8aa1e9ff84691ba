import datetime as dt
from pathlib import Path

import pytest

from registre.demo import EXAMPLE_EXTRACT
from registre.importer import import_text
from registre.opendata.rows import deliberation_record

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus" / "opendata"

# SIRETs used in the tests: real ones from the corpus (checksums valid)
ROQUES = "21310458100011"
POITIERS = "21860194600013"


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus absent : {path}")
    return path


@pytest.fixture(scope="session")
def example_report():
    return import_text("exemple.md", EXAMPLE_EXTRACT.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_record(example_report):
    """The example's deliberation 2021/005795 as its SCDL record, from the core meeting and tally."""
    meeting = example_report.document.meeting
    return deliberation_record(
        meeting,
        example_report.tally.for_item(19),
        deliberation_id="2021/005795",
        subject_code="7.5",
        object=meeting.item(19).title,
        authority_siret=POITIERS,  # the extract does not print the authority's SIRET
        budget_year="2021",
        budget_name="Budget principal",
        prefecture_id="PREF025",
        prefecture_date=dt.date(2021, 10, 12),
        url="https://www.grandbesancon.fr/deliberations/2021-005795.pdf",
    )
