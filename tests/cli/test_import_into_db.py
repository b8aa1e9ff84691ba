"""`registre import DIR --into-db`: every text of the corpus goes into the register once, the
unnumbered acts ("s.n.") too; a second import changes no row; reading is spread over processes;
the web keeps writing while a large import runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from registre.cli.main import main
from registre.demo import EXAMPLE_EXTRACT

from ..importer.corpus import ADDED, CORPUS, documents

TABLES = ("Authority", "Council", "Member", "Meeting", "Item", "Attendance", "Proxy", "Deliberation")


def _rows() -> dict[str, int]:
    from registre.web.register import models

    counts = {name: getattr(models, name).objects.count() for name in TABLES}
    counts["Interested"] = models.Item.interested_members.through.objects.count()
    return counts


def _corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for source in (CORPUS, ADDED):
        for name in documents("extracts" if source == CORPUS else "added"):
            (folder / name).write_bytes((source / name).read_bytes())
    return folder


@pytest.mark.django_db(transaction=True)
def test_the_corpus_goes_in_once_and_a_second_import_changes_no_row(tmp_path, capsys):
    folder = _corpus_dir(tmp_path)
    assert main(["import", str(folder), "--into-db", "--jobs", "2"]) == 2  # one text states no date
    out = capsys.readouterr().out
    lines = {line.split(" : ", 1)[0]: line for line in out.splitlines()}
    assert len(lines) == 42
    refused = [line for line in lines.values() if " : refusé — " in line]
    assert [Path(line.split(" : ")[0]).name for line in refused] == [
        "cc-arnon-boischaut-cher_2023-02-07_ouverture-credits.txt"
    ]
    assert "date de la séance illisible" in refused[0]
    assert not [line for line in lines.values() if "inchangé" in line]
    first = _rows()
    assert first["Meeting"] >= 40 and first["Deliberation"] >= 90

    assert main(["import", str(folder), "--into-db", "--jobs", "1"]) == 2
    again = capsys.readouterr().out.splitlines()
    assert sum(" : inchangé — " in line for line in again) == 41
    assert _rows() == first


@pytest.mark.django_db(transaction=True)
def test_unnumbered_acts_of_several_texts_are_all_stored(tmp_path, capsys):
    from registre.web.register.models import Deliberation

    unnumbered = [
        name
        for name in (
            "orsay_2023-03-13_pv-approbation.txt",
            "figeac_2023-03-13_point-1.txt",
            "taverny_2022-06-23_first-deliberation.txt",
        )
        if (ADDED / name).is_file()
    ]
    for name in unnumbered:
        (tmp_path / name).write_bytes((ADDED / name).read_bytes())
    assert main(["import", str(tmp_path), "--into-db", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "déjà au registre" not in out
    stored = Deliberation.objects.filter(number="s.n.")
    assert stored.count() == len(unnumbered) == 3
    assert len({d.item.meeting_id for d in stored}) == 3


@pytest.mark.django_db(transaction=True)
def test_two_extracts_of_one_meeting_share_it(tmp_path, capsys):
    """Each extract of a meeting repeats its attendance: it is stored once, with both acts."""
    from registre.web.register.models import Attendance, Deliberation, Meeting

    for name in ("ibos_2023-01-23_2023-009.txt", "ibos_2023-01-23_2023-003.txt"):
        source = CORPUS / name if (CORPUS / name).is_file() else ADDED / name
        (tmp_path / name).write_bytes(source.read_bytes())
    meetings, acts = (
        set(Meeting.objects.values_list("pk", flat=True)),
        set(Deliberation.objects.values_list("pk", flat=True)),
    )
    assert main(["import", str(tmp_path), "--into-db", "--jobs", "1"]) == 0
    new_meetings = Meeting.objects.exclude(pk__in=meetings)  # the database holds the demo already
    assert new_meetings.count() == 1
    new_acts = Deliberation.objects.exclude(pk__in=acts)
    assert sorted(new_acts.values_list("number", flat=True)) == ["2023/003", "2023/009"]
    attendance = Attendance.objects.filter(meeting__in=new_meetings)
    assert attendance.count() == len({(a.member_id, a.from_item, a.until_item) for a in attendance})


@pytest.mark.django_db(transaction=True)
def test_a_text_naming_no_authority_is_kept_apart_and_said_so(tmp_path, capsys):
    from registre.web.register.models import Authority

    name = "arthun_2022-12-09_2022-12-09-01.txt"
    (tmp_path / name).write_bytes((ADDED / name).read_bytes())
    assert main(["import", str(tmp_path / name), "--into-db", "--jobs", "1"]) == 0
    assert "précisez-la avec --authority" in capsys.readouterr().out
    assert Authority.objects.filter(name__contains=name).count() == 1


def _synthetic_authorities(folder: Path, copies: int) -> int:
    """Copies of the example, each for another authority and numbered apart: a large import."""
    text = EXAMPLE_EXTRACT.read_text(encoding="utf-8")
    size = 0
    for index in range(copies):
        copy = text.replace("Grand Besançon Métropole", f"Métropole Essai {index:03d}").replace(
            "2021/005795", f"2021/{index + 1:06d}"
        )
        (folder / f"essai-{index:03d}.md").write_text(copy, encoding="utf-8")
        size += len(copy.encode())
    return size


_WRITER = """
import json, sys, time
from registre.web.bootstrap import setup_django
setup_django()
from django.test import Client
from registre.web.accounts.models import User
from registre.web.register.models import Council, Member
clerk = User.objects.get(username="greffe")
council = Council.objects.get(authority=clerk.authority)
client = Client()
client.force_login(clerk)
results = []
for index in range(int(sys.argv[1])):
    start = time.monotonic()
    try:
        response = client.post(
            f"/greffe/assemblees/{council.pk}/conseillers/ajouter/",
            {"civility": "Mme", "first_name": "Essai", "last_name": f"CONCURRENTE{index:03d}", "commune": ""},
        )
        results.append([response.status_code, time.monotonic() - start, time.time()])
    except Exception as error:
        results.append([repr(error), time.monotonic() - start, time.time()])
    time.sleep(0.1)
print(json.dumps(results))
"""


def test_web_writes_succeed_while_a_large_import_runs(tmp_path):
    """Two processes on one SQLite file: `registre import --into-db` of a large folder, and a
    clerk adding members through the web views meanwhile. Every web write succeeds, none
    fails "database is locked"."""
    folder = tmp_path / "import"
    folder.mkdir()
    size = _synthetic_authorities(folder, 40)
    environment = dict(
        os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'registre.sqlite3'}", REGISTRE_VAR_DIR=str(tmp_path)
    )
    command = [sys.executable, "-m", "registre.cli.main"]
    subprocess.run([*command, "demo"], env=environment, check=True, capture_output=True, timeout=600)
    importer = subprocess.Popen(
        [*command, "import", str(folder), "--into-db", "--jobs", "1"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(1.0)  # the import is under way
        writer = subprocess.run(
            [sys.executable, "-c", _WRITER, "35"],
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
        )
        writes_done = time.time()
        out, err = importer.communicate(timeout=900)
    finally:
        if importer.poll() is None:
            importer.kill()
    import_done = time.time()
    assert writer.returncode == 0, writer.stderr[-2000:]
    results = json.loads(writer.stdout.strip().splitlines()[-1])
    assert [r[0] for r in results] == [302] * 35, [r for r in results if r[0] != 302]
    assert importer.returncode == 0, err[-2000:]
    assert out.count(" : lu — enregistrée(s) : ") == 40 and size > 1_000_000
    # the writes happened while the import ran, not after it
    assert writes_done <= import_done and sum(r[2] < import_done for r in results) >= 30
