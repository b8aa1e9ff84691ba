"""`registre import --into-db`: one transaction per document, re-import changes nothing,
a refused file writes nothing."""

import pytest

from registre.cli.main import main
from registre.demo import EXAMPLE_EXTRACT
from registre.web.register.models import Attendance, Deliberation, Meeting, Member


def _counts():
    return (
        Meeting.objects.count(),
        Member.objects.count(),
        Attendance.objects.count(),
        Deliberation.objects.count(),
    )


# The CLI commits: these tests run on a committed database (the demo is loaded again after them).
pytestmark = pytest.mark.django_db(transaction=True)
NEIGHBOUR = ["--authority", "commune-de-voisine-sur-doubs"]  # the demo holds the example already


def test_import_stores_once_and_reimport_changes_nothing(tmp_path, capsys):
    (tmp_path / "extrait.md").write_text(EXAMPLE_EXTRACT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "ignore.csv").write_text("x")
    before = _counts()
    assert main(["import", str(tmp_path), "--into-db", *NEIGHBOUR]) == 0
    out = capsys.readouterr().out
    assert "extrait.md : lu — enregistrée(s) : 2021/005795." in out and "ignore.csv" not in out
    counts = _counts()
    assert counts[0] == before[0] + 1 and counts[3] == before[3] + 1
    assert main(["import", str(tmp_path / "extrait.md"), "--into-db", *NEIGHBOUR]) == 0
    assert "inchangé — déjà au registre : 2021/005795" in capsys.readouterr().out
    assert _counts() == counts


def test_a_refused_file_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "tronque.md"
    bad.write_text("## Extrait du Registre des délibérations\n\nrien d'autre", encoding="utf-8")
    before = _counts()
    assert main(["import", str(bad), "--into-db"]) == 2
    assert "tronque.md : refusé" in capsys.readouterr().out
    assert _counts() == before


def test_an_unknown_authority_is_refused(tmp_path, capsys):
    assert main(["import", str(EXAMPLE_EXTRACT), "--into-db", "--authority", "inconnue"]) == 2
    assert "collectivité « inconnue » inconnue" in capsys.readouterr().err
