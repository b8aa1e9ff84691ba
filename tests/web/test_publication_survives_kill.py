"""`kill -9` in the middle of a publication leaves the draft or the published act, never half of
it: real child processes on a database file of their own (SQLite, and PostgreSQL when the suite
runs on it), killed with SIGKILL while the publication's transaction is open."""

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

CHILD = Path(__file__).with_name("kill_child.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def database(tmp_path, db):
    """A database of the child's own: a SQLite file, or a fresh PostgreSQL database."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'kill.sqlite3'}"
        return
    import psycopg

    settings = connection.settings_dict
    name = f"registre_kill_{uuid.uuid4().hex[:8]}"
    admin = dict(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"],
    )
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{admin['user']}:{admin['password']}@{admin['host']}:{admin['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, str(CHILD), *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "pause, published",
    [("_freeze", False), ("_mark_published", False), ("after", True)],
    ids=["act-written", "deliberation-marked", "committed"],
)
def test_a_killed_publication_leaves_the_draft_or_the_act_whole(database, tmp_path, pause, published):
    env = dict(
        os.environ, DATABASE_URL=database, REGISTRE_VAR_DIR=str(tmp_path), PYTHONPATH=str(ROOT / "src")
    )
    pk = _run(env, "prepare")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "publish", pk, pause],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline().strip()
        assert line == "PAUSE", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    state = json.loads(_run(env, "inspect", pk))
    if published:
        assert state == {"status": "published", "number": "2021/005796", "acts": 1, "all_acts": 2}
    else:
        assert state == {"status": "draft", "number": "", "acts": 0, "all_acts": 1}  # the demo's act only
    verify = subprocess.run(
        [sys.executable, "-m", "registre.cli.main", "verify"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert verify.returncode == 0, verify.stderr
    assert verify.stdout.startswith(f"Chaîne intacte : {state['all_acts']} acte(s)")
