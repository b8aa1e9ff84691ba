import datetime as dt
from pathlib import Path

import pytest

from registre.demo import EXAMPLE_EXTRACT
from registre.importer import import_text
from registre.opendata.rows import deliberation_record
from tests.shared_data import SHARED

FIXTURES = Path(__file__).resolve().parent / "fixtures"

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


# ----- a métropole's SCDL Délibérations file of 80 rows, built from a real header layout -----

METROPOLE, METROPOLE_SIRET = "Exemple Métropole", "24999999600013"  # fictitious (SIREN 249999996)
# the layout of a real exporter (SCDL columns, then PUBLICATION_DATE and NATURE_ACTE)
METROPOLE_HEADER = (
    "COLL_NOM;COLL_SIRET;DELIB_ID;DELIB_DATE;DELIB_MATIERE_CODE;DELIB_MATIERE_NOM;DELIB_OBJET;BUDGET_ANNEE;"
    "BUDGET_NOM;PREF_ID;PREF_DATE;VOTE_EFFECTIF;VOTE_REEL;VOTE_POUR;VOTE_CONTRE;VOTE_ABSTENTION;DELIB_URL;"
    "PUBLICATION_DATE;NATURE_ACTE"
)
METROPOLE_VOTES_OFF = (13, 27, 41, 66)  # VOTE_REEL is not POUR + CONTRE + ABSTENTION
METROPOLE_AMBIGUOUS = 50  # DELIB_DATE "03/04/23"
_SUBJECTS = [
    ("7.5", "Finances locales/Subventions"),
    ("1.1", "Commande publique/Marchés publics"),
    ("8.3", "Domaines de compétences par thèmes/Voirie"),
    ("3.1", "Domaine et patrimoine/Acquisitions"),
]


def metropole_deliberations(path: Path, rows: int = 80) -> Path:
    """Sessions of 2023 (dates JJ/MM/AAAA), votes as a clerk would publish them, a few that do not add up."""
    lines = [METROPOLE_HEADER]
    for n in range(1, rows + 1):
        day = dt.date(2023, 1 + (n - 1) // 8, 10 + (n - 1) % 8)
        code, name = _SUBJECTS[n % len(_SUBJECTS)]
        voters, against, abstaining = 68 - n % 5, n % 3, n % 2
        stated = voters + (2 if n in METROPOLE_VOTES_OFF else 0)
        date = "03/04/23" if n == METROPOLE_AMBIGUOUS else f"{day:%d/%m/%Y}"
        lines.append(
            ";".join(
                [
                    METROPOLE,
                    METROPOLE_SIRET,
                    f"DEL-2023-{n:03d}",
                    date,
                    code,
                    name,
                    f"Délibération n°{n} du conseil de la métropole",
                    "",
                    "",
                    "PREF025",
                    f"{day + dt.timedelta(days=3):%d/%m/%Y}",
                    "70",
                    str(stated),
                    str(voters - against - abstaining),
                    str(against),
                    str(abstaining),
                    f"https://www.example.fr/actes/DEL-2023-{n:03d}.pdf",
                    f"{day + dt.timedelta(days=4):%d/%m/%Y}",
                    "Délibération",
                ]
            )
        )
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path
