"""SCDL export at scale: 1,000,000 generated published deliberations, SQLite and PostgreSQL.

    .venv/bin/python bench/export.py                 # 1,000,000 rows, SQLite and PostgreSQL
    .venv/bin/python bench/export.py --rows 100000 --databases sqlite

For each database: a fresh database is migrated and filled (10,000 meetings of 100 items, each
with its published deliberation and its vote figures, as stored at publication), then a *fresh
process* runs the real export (`registre.web.opendata.exports.export_scdl`: database cursor →
records → SCDL rows → custom checks and frictionless on every row (Resource.validate on the
first chunk, then frictionless' own cell readers) → CSV).

Printed: rows/s, wall time of the export, CPU time of the export process (Django start-up
included), its peak memory (RSS, ru_maxrss). The reference, measured in the same run: the same
number of rows written by csv.writer from memory, without database nor validation.

PostgreSQL: REGISTRE_TEST_DATABASE_URL's server, else the local cluster (scripts/start-postgres.sh,
as root); the bench uses its own database "registre_bench", dropped and recreated.
Target (issue 7): under 60 s and under 300 MB peak. Measured on 27 November 2026 (2 cores,
shared with other jobs): SQLite 36.0 s (27,787 rows/s), PostgreSQL 15 39.5 s (25,308 rows/s),
peak 116 and 115 MB; 280 MB of CSV, every row validated during the export.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench-export"  # the database and the files; var/ is not versioned
ITEMS_PER_MEETING = 100
SIRET = "24250036100017"  # the demo authority's (see registre.web.opendata.demo)
SUBJECTS = ["7.5", "7.1", "1.1", "3.1", "5.3", "8.3", "9.1", "4.1", "2.1", "7.4"]


def _child(mode: str, rows: int, database_url: str | None) -> dict:
    env = dict(os.environ)
    if database_url:
        env["DATABASE_URL"] = database_url
    env["REGISTRE_VAR_DIR"] = str(WORK)
    command = [sys.executable, __file__, "--child", mode, "--rows", str(rows)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"échec de l'étape {mode}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _setup():
    from registre.web.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def generate(rows: int) -> dict:
    _setup()
    from django.db import transaction
    from django.utils import timezone

    from registre.web.opendata.models import DeliberationOpenData
    from registre.web.register.models import Authority, Council, Deliberation, Item, Meeting

    started = time.perf_counter()
    authority = Authority.objects.create(
        name="Grand Besançon Métropole", slug="gbm", kind="epci", siret=SIRET
    )
    council = Council.objects.create(authority=authority, name="Conseil communautaire")
    now = timezone.now()
    first = dt.date(2015, 1, 5)
    made = 0
    meeting_index = 0
    chain = (0, None)
    while made < rows:
        with transaction.atomic():
            meetings = Meeting.objects.bulk_create(
                Meeting(
                    council=council,
                    date=first + dt.timedelta(days=(meeting_index + k) % 3650),
                    members_in_office=69,
                )
                for k in range(100)
            )
            meeting_index += len(meetings)
            items = []
            for meeting in meetings:
                for n in range(1, ITEMS_PER_MEETING + 1):
                    if made + len(items) >= rows:
                        break
                    items.append(
                        Item(
                            meeting=meeting,
                            number=n,
                            position=n,
                            title=f"Question {n}",
                            vote_kind="show_of_hands",
                            votes_for=60,
                            votes_against=3,
                            abstentions=2,
                        )
                    )
            items = Item.objects.bulk_create(items, batch_size=5000)
            deliberations = []
            for offset, item in enumerate(items, start=made + 1):
                day = item.meeting.date
                deliberations.append(
                    Deliberation(
                        authority=authority,
                        item=item,
                        number=f"{day.year}/{offset:07d}",
                        year=day.year,
                        sequence=offset,
                        title=f"Délibération n°{offset} : subvention, convention et avenant",
                        actes_code=SUBJECTS[offset % len(SUBJECTS)],
                        budget_line=f"BP {day.year}",
                        prefecture_transmission_id=f"025-242500361-{day:%Y%m%d}-{offset}-DE",
                        prefecture_transmitted_on=day + dt.timedelta(days=5),
                    )
                )
            deliberations = Deliberation.objects.bulk_create(deliberations, batch_size=5000)
            chain = _acts(authority, deliberations, now, chain)
            DeliberationOpenData.objects.bulk_create(
                (
                    DeliberationOpenData(
                        deliberation=d,
                        members_in_office=69,
                        voters=65,
                        votes_for=60,
                        votes_against=3,
                        abstentions=2,
                    )
                    for d in deliberations
                ),
                batch_size=5000,
            )
            made += len(deliberations)
    return {"rows": made, "seconds": time.perf_counter() - started}


def _acts(authority, deliberations, now, chain):
    """Their frozen acts (what the export reads), chained, then the deliberations marked published.
    A compact content (no roster: these meetings have none), the columns the export reads."""
    from registre.opendata.chain import FORMAT, canonical, fingerprint
    from registre.web.register.models import Deliberation, PublishedAct

    if deliberations[0].pk is None:  # databases that do not return ids from a bulk insert
        by_item = dict(
            Deliberation.objects.filter(item__in=[d.item for d in deliberations]).values_list("item_id", "pk")
        )
        for d in deliberations:
            d.pk = by_item[d.item_id]
    figures = {"members_in_office": 69, "voters": 65, "votes_for": 60, "votes_against": 3, "abstentions": 2}
    position, previous = chain
    acts = []
    for d in deliberations:
        position += 1
        content = {
            "format": FORMAT,
            "chain": {"authority": authority.slug, "position": position, "previous": previous},
            "published_at": now.isoformat(),
            "authority": {"slug": authority.slug, "name": authority.name, "siret": authority.siret},
            "act": {
                "number": d.number,
                "year": d.year,
                "sequence": d.sequence,
                "kind": d.kind,
                "title": d.title,
                "actes_code": d.actes_code,
                "budget_line": d.budget_line,
            },
            "meeting": {"date": d.item.meeting.date.isoformat()},
            "figures": {**figures, "source": "engine"},
        }
        text = canonical(content)
        acts.append(
            PublishedAct(
                deliberation_id=d.pk,
                authority=authority,
                position=position,
                number=d.number,
                year=d.year,
                sequence=d.sequence,
                kind=d.kind,
                published_at=now,
                meeting_date=d.item.meeting.date,
                title=d.title,
                actes_code=d.actes_code,
                budget_line=d.budget_line,
                authority_name=authority.name,
                authority_siret=authority.siret,
                content=text,
                fingerprint=fingerprint(text),
                previous_fingerprint=previous or "",
                **figures,
            )
        )
        previous = acts[-1].fingerprint
    PublishedAct.objects.bulk_create(acts, batch_size=5000)
    Deliberation.objects.filter(pk__in=[d.pk for d in deliberations]).update(
        status=Deliberation.PUBLISHED, published_at=now
    )
    return position, previous


def export(rows: int) -> dict:
    _setup()
    from registre.web.opendata.exports import export_scdl

    out = WORK / "deliberations.csv"
    started = time.perf_counter()
    result = export_scdl("deliberations", out, base_url="https://registre.example.fr/")
    seconds = time.perf_counter() - started
    with open(out, "rb") as handle:
        lines = sum(1 for _ in handle)
    size = out.stat().st_size
    out.unlink()
    return {
        "rows": result.rows,
        "lines": lines,
        "bytes": size,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "cpu_seconds": time.process_time(),
    }


def reference(rows: int) -> dict:
    """csv.writer alone: the same rows from memory, no database, no validation."""
    row = [
        "Grand Besançon Métropole",
        SIRET,
        "2021/0000001",
        "2021-10-07",
        "7.5",
        "finances locales/subventions",
        "Délibération n°1 : subvention, convention et avenant",
        "2021",
        "Budget principal",
        "PREF025",
        "2021-10-12",
        "69",
        "65",
        "60",
        "3",
        "2",
        "https://registre.example.fr/deliberations/gbm/2021/1/",
    ]
    out = WORK / "reference.csv"
    started = time.perf_counter()
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        for index in range(rows):
            row[2] = f"2021/{index:07d}"
            writer.writerow(row)
    seconds = time.perf_counter() - started
    out.unlink()
    return {"rows": rows, "seconds": seconds}


def _postgres_url() -> str | None:
    url = os.environ.get("REGISTRE_TEST_DATABASE_URL")
    if (
        not url
        and os.geteuid() == 0
        and subprocess.run(["which", "pg_ctlcluster"], capture_output=True).returncode == 0
    ):
        if (
            subprocess.run(
                ["bash", str(ROOT / "scripts" / "start-postgres.sh")], capture_output=True
            ).returncode
            == 0
        ):
            url = "postgres://registre:registre@127.0.0.1:5432/registre_test"
    if not url:
        return None
    import psycopg

    base, _, _name = url.rpartition("/")
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS registre_bench")
            connection.execute("CREATE DATABASE registre_bench")
    except psycopg.Error as error:
        print(
            f"PostgreSQL injoignable ({error.__class__.__name__}) : banc sur SQLite seulement.",
            file=sys.stderr,
        )
        return None
    return f"{base}/registre_bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--child", choices=["generate", "export", "reference"])
    args = parser.parse_args()
    if args.child:
        print(
            json.dumps(
                {"generate": generate, "export": export, "reference": reference}[args.child](args.rows)
            )
        )
        return

    WORK.mkdir(parents=True, exist_ok=True)
    baseline = _child("reference", args.rows, None)
    print(f"Export SCDL Délibérations de {args.rows:_} délibérations publiées générées".replace("_", " "))
    print(
        f"référence (csv.writer seul, en mémoire) : {baseline['seconds']:.1f} s, "
        f"{args.rows / baseline['seconds']:_.0f} lignes/s".replace("_", " ")
    )
    print(
        f"{'base':>10} {'génération':>11} {'export':>8} {'CPU':>7} {'lignes/s':>10} {'pic mémoire':>12} "
        f"{'fichier':>9} {'rapport':>8}"
    )
    for database in args.databases.split(","):
        if database == "sqlite":
            for old in WORK.glob("bench.sqlite3*"):
                old.unlink()
            url = f"sqlite:///{WORK / 'bench.sqlite3'}"
        elif database == "postgres":
            url = _postgres_url()
            if url is None:
                print(
                    f"{'postgres':>10} : non disponible (REGISTRE_TEST_DATABASE_URL absent, pas de cluster local)"
                )
                continue
        else:
            raise SystemExit(f"base inconnue : {database}")
        made = _child("generate", args.rows, url)
        result = _child("export", args.rows, url)
        assert result["rows"] == args.rows and result["lines"] == args.rows + 1, result
        ok = result["seconds"] < 60 and result["peak_mb"] < 300
        print(
            f"{database:>10} {made['seconds']:>10.0f}s {result['seconds']:>7.1f}s {result['cpu_seconds']:>6.1f}s "
            f"{result['rows'] / result['seconds']:>10_.0f} {result['peak_mb']:>10.0f}Mo "
            f"{result['bytes'] / 2**20:>7.0f}Mo {result['seconds'] / baseline['seconds']:>7.1f}x"
            f"  {'objectif tenu' if ok else 'OBJECTIF MANQUÉ'} (< 60 s, < 300 Mo)".replace("_", " ")
        )
        if database == "sqlite":
            for old in WORK.glob("bench.sqlite3*"):
                old.unlink()


if __name__ == "__main__":
    main()
