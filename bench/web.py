"""Public portal under load: list, search and deliberation pages at 100,000 deliberations.

    .venv/bin/python bench/web.py                      # SQLite and PostgreSQL (if reachable), 100,000
    .venv/bin/python bench/web.py --size 1000 --databases sqlite --duration 5

For each database: generate the deliberations once (bulk_create, then one bulk indexing pass)
into a dedicated database — var/bench/web-<size>.sqlite3, and the PostgreSQL database
`registre_front_bench` (created with createdb as the postgres user when run as root, or named by
REGISTRE_BENCH_DATABASE_URL) — reused by later runs; start gunicorn on a loopback port in another
process; run the load generator in other processes (closed loop: each client sends its next
request when the previous answer is in, for a bounded time); print requests per second and
p50/p95/p99 latency per page, and the ratio of each p95 to the baseline: the stylesheet served by
the same Django process (whitenoise, no database).

Loopback only, every loop bounded by time and by count. Not part of the test suite.
wrk (apt-get install -y wrk) is not needed: the load generator is the small client below, which
measures p95 exactly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import multiprocessing
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
BENCH_DIR = ROOT / "var" / "bench"
PG_URL = os.environ.get(
    "REGISTRE_BENCH_DATABASE_URL", "postgres://registre:registre@127.0.0.1:5432/registre_front_bench"
)
AUTHORITIES = 20
ITEMS_PER_MEETING = 50
MEMBERS_PER_COUNCIL = 45
SEARCHES = [
    "subvention",
    "subventions associations",
    "numérique",
    "voirie",
    "travaux de voirie",
    "budget primitif",
    "tarifs",
    "ecole",
    "convention de partenariat",
    "acquisition fonciere",
    "piscine",
    "médiathèque",
    "garantie d'emprunt",
    "éclairage public",
    "transports scolaires",
    "assainissement",
    "désignation",
    "personnel",
    "logement social",
    "zone d'activités",
]
RARE_SEARCHES = [
    "aviron",
    "fibre optique",
    "parcelle CK 45",
    "Temis",
    "cyclisme",
    "données ouvertes",
    "judo",
    "Néolia garantie d'emprunt 12",
]  # fewer matches than search.RANK_LIMIT: ranked by relevance

# -- generation (runs in a child process with DATABASE_URL set) ---------------------------------

SUBJECTS = {
    "7.5": [
        "Attribution d'une subvention à l'association {org}",
        "Subventions aux associations {domain} pour {year}",
        "Subvention exceptionnelle au club {club}",
    ],
    "7.1": [
        "Budget primitif {year} — budget {budget}",
        "Décision modificative n°{n} du budget {budget}",
        "Compte administratif {year} du budget {budget}",
    ],
    "7.3": ["Garantie d'emprunt accordée à {bailleur} pour {n} logements sociaux"],
    "1.1": ["Marché public de travaux de {works} — attribution", "Accord-cadre de fournitures de {supplies}"],
    "3.1": ["Acquisition foncière de la parcelle {parcel} rue {street}", "Cession d'un terrain rue {street}"],
    "4.1": [
        "Création de {n} postes au tableau des effectifs du personnel",
        "Régime indemnitaire du personnel",
    ],
    "5.3": ["Désignation des représentants au conseil d'administration de {body}"],
    "8.1": [
        "Transports scolaires et restauration à l'école {school}",
        "Travaux de rénovation de l'école {school}",
    ],
    "8.3": ["Travaux de voirie rue {street}", "Programme d'éclairage public {year}"],
    "8.5": ["Convention de partenariat avec {bailleur} pour le logement social"],
    "8.8": [
        "Assainissement collectif du secteur {street}",
        "Plan climat : rénovation énergétique de {building}",
    ],
    "8.9": [
        "Tarifs {year} de la médiathèque et de la piscine",
        "Programmation culturelle {year} de {building}",
    ],
    "9.1": ["Schéma directeur du numérique : {project}", "Zone d'activités {zone} — aménagement"],
}
FILL = {
    "org": [
        "Les Amis du Doubs",
        "Solidarité Emploi",
        "Vélo Campus",
        "Jardins partagés",
        "Musique en fête",
        "Aide alimentaire",
        "Théâtre de l'Espace",
        "Handisport",
        "Maison de quartier",
    ],
    "domain": ["sportives", "culturelles", "sociales", "environnementales", "étudiantes"],
    "club": ["de football", "d'aviron", "de judo", "de cyclisme", "de natation", "d'athlétisme"],
    "budget": ["principal", "annexe de l'eau", "annexe de l'assainissement", "annexe des transports"],
    "bailleur": ["Habitat 25", "Néolia", "Grand Besançon Habitat", "Loge.GBM"],
    "works": ["voirie", "réfection de toiture", "réseaux humides", "signalisation", "espaces verts"],
    "supplies": [
        "mobilier scolaire",
        "matériel informatique",
        "produits d'entretien",
        "véhicules électriques",
    ],
    "parcel": ["AB 112", "CK 45", "ZN 7", "BE 301"],
    "street": ["de Dole", "de Vesoul", "Battant", "des Chaprais", "de Belfort", "Pasteur", "Victor-Hugo"],
    "body": ["la SPL Territoire 25", "l'office de tourisme", "la mission locale", "le syndicat des eaux"],
    "school": ["Jean-Macé", "Pergaud", "des Tilleuls", "Condorcet", "Rosemont"],
    "building": ["la Rodia", "la médiathèque Pierre-Bayle", "la piscine Mallarmé", "l'hôtel de ville"],
    "project": ["fibre optique", "téléservices", "inclusion numérique", "données ouvertes"],
    "zone": ["des Marnières", "de Thise", "Temis", "des Portes de Vesoul"],
}
WORDS = (
    "le conseil considérant la délibération rapport vu code général des collectivités territoriales "
    "commission avis favorable montant euros crédits inscrits budget exercice convention article "
    "approuve autorise président signer documents afférents opération programme financement "
    "participation commune communauté urbaine projet service public usagers travaux réalisation "
    "calendrier étude marché consultation entreprise candidat offre économiquement avantageuse "
    "critères prix valeur technique délai exécution avenant modification durée reconduction "
    "association objet statutaire intérêt général activité bénéficiaires territoire habitants "
    "quartier équipement aménagement développement durable transition énergétique mobilité"
).split()


def generate(size: int, seed: int = 7) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registre.web.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from registre.core.names import member_key
    from registre.web.front.search import index_deliberations, searchable_text
    from registre.web.register.demo import load_demo
    from registre.web.register.models import (
        Attendance,
        Authority,
        Council,
        Deliberation,
        Item,
        Meeting,
        Member,
    )

    call_command("migrate", verbosity=0)
    existing = Deliberation.objects.count()
    if existing >= size:
        print(f"   base déjà prête : {existing} délibérations", flush=True)
        return
    if existing > 1:
        raise SystemExit(f"base de banc incomplète ({existing} délibérations) : supprimez-la et relancez")
    started = time.perf_counter()
    load_demo()
    rng = random.Random(seed)
    wanted = size - Deliberation.objects.count()
    meetings_per_authority = -(-wanted // (AUTHORITIES * ITEMS_PER_MEETING))
    made = 0
    paris = dt.timezone(dt.timedelta(hours=1))
    for a in range(AUTHORITIES):
        if made >= wanted:
            break
        with transaction.atomic():
            authority = Authority.objects.create(
                name=f"Commune de Banc-{a:02d}", slug=f"banc-{a:02d}", kind="commune"
            )
            council = Council.objects.create(authority=authority, name="Conseil municipal")
            members = Member.objects.bulk_create(
                [
                    Member(
                        council=council,
                        civility=rng.choice(["M.", "Mme"]),
                        first_name=f"Prénom{m}",
                        last_name=f"NOM{a:02d}{m:03d}",
                        key=member_key(f"Prénom{m}", f"NOM{a:02d}{m:03d}"),
                    )
                    for m in range(MEMBERS_PER_COUNCIL)
                ]
            )
            if connection.vendor == "sqlite" and members[0].pk is None:
                members = list(council.members.order_by("pk"))
            sequence = 0
            chain = (0, None)
            for m in range(meetings_per_authority):
                if made >= wanted:
                    break
                day = dt.date(2015, 1, 5) + dt.timedelta(days=int(m * 3650 / meetings_per_authority))
                meeting = Meeting.objects.create(
                    council=council, date=day, place="Salle du conseil", members_in_office=MEMBERS_PER_COUNCIL
                )
                Attendance.objects.bulk_create(
                    Attendance(meeting=meeting, member=member, present=rng.random() < 0.85)
                    for member in members
                )
                count = min(ITEMS_PER_MEETING, wanted - made)
                items = Item.objects.bulk_create(
                    [
                        Item(
                            meeting=meeting,
                            number=n,
                            position=n,
                            title="",
                            unanimous=True,
                            vote_kind="show_of_hands",
                        )
                        for n in range(1, count + 1)
                    ]
                )
                if items[0].pk is None:
                    items = list(meeting.items.order_by("position"))
                deliberations = []
                for item in items:
                    sequence += 1
                    code = rng.choice(list(SUBJECTS))
                    title = rng.choice(SUBJECTS[code]).format(
                        year=day.year, n=rng.randint(1, 40), **{k: rng.choice(v) for k, v in FILL.items()}
                    )
                    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 140)))
                    published = rng.random() < 0.95
                    record = Deliberation(
                        authority=authority,
                        item=item,
                        number=f"{day.year}/{sequence:06d}",
                        year=day.year,
                        sequence=sequence,
                        title=title,
                        text=text.capitalize() + ".",
                        decision="Le conseil approuve à l'unanimité.",
                        actes_code=code,
                    )
                    record.search_text = searchable_text(record)
                    record.bench_published = (
                        dt.datetime.combine(day + dt.timedelta(days=7), dt.time(9), paris)
                        if published
                        else None
                    )
                    deliberations.append(record)
                Deliberation.objects.bulk_create(deliberations, batch_size=1000)
                if connection.vendor == "sqlite" and deliberations[0].pk is None:
                    by_item = {d.item_id: d.pk for d in Deliberation.objects.filter(item__meeting=meeting)}
                    for record in deliberations:
                        record.pk = by_item[record.item_id]
                chain = _freeze_bulk(meeting, [d for d in deliberations if d.bench_published], chain)
                made += len(deliberations)
        print(f"   {made}/{wanted} délibérations écrites ({time.perf_counter() - started:.0f} s)", flush=True)
    indexing = time.perf_counter()
    indexed = index_deliberations()
    print(
        f"   index de recherche : {indexed} délibérations publiées en {time.perf_counter() - indexing:.0f} s",
        flush=True,
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
        else:  # no ANALYZE: SQLite's statistics count the NULLs of `corrects` and then shun its index
            cursor.execute("INSERT INTO front_search(front_search) VALUES ('optimize')")
    print(f"   génération : {time.perf_counter() - started:.0f} s", flush=True)


def _freeze_bulk(meeting, deliberations, chain):
    """The acts of generated deliberations, as the publication service freezes them (same content,
    chained), written in bulk: the service's checks pass on these unanimous votes by construction."""
    from registre.opendata.chain import canonical, fingerprint
    from registre.web.register import services, snapshot
    from registre.web.register.models import Deliberation, PublishedAct

    if not deliberations:
        return chain
    meeting_tally = services.snapshot_tally(meeting)
    position, previous = chain
    acts = []
    for record in deliberations:
        record.item.meeting = meeting
        content = snapshot.build(
            record,
            meeting_tally,
            first_convocation=None,
            acknowledged=[],
            corrects=None,
            published_at=record.bench_published,
            published_by="banc",
        )
        position += 1
        content["chain"] = {"authority": record.authority.slug, "position": position, "previous": previous}
        text = canonical(content)
        previous = fingerprint(text)
        figures = content["figures"]
        acts.append(
            PublishedAct(
                deliberation_id=record.pk,
                authority=record.authority,
                position=position,
                number=record.number,
                year=record.year,
                sequence=record.sequence,
                kind=record.kind,
                published_at=record.bench_published,
                meeting_date=meeting.date,
                title=record.title,
                actes_code=record.actes_code,
                budget_line=record.budget_line,
                authority_name=record.authority.name,
                authority_siret=record.authority.siret,
                content=text,
                fingerprint=previous,
                previous_fingerprint=content["chain"]["previous"] or "",
                **{
                    k: figures[k]
                    for k in ("members_in_office", "voters", "votes_for", "votes_against", "abstentions")
                },
            )
        )
    PublishedAct.objects.bulk_create(acts, batch_size=500)
    Deliberation.objects.filter(pk__in=[d.pk for d in deliberations]).update(
        status=Deliberation.PUBLISHED, published_at=deliberations[0].bench_published
    )  # one meeting, one publication day
    return position, previous


def sample_urls(count: int = 400, seed: int = 3) -> dict:
    """Deliberation page URLs of random published deliberations, for the load generator."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registre.web.settings")
    django.setup()
    from registre.web.register.models import Deliberation

    published = Deliberation.objects.filter(status=Deliberation.PUBLISHED)
    last = published.order_by("-pk").values_list("pk", flat=True).first()
    rng = random.Random(seed)
    ids = sorted({rng.randint(1, last) for _ in range(count * 2)})
    rows = published.filter(pk__in=ids).values_list("authority__slug", "year", "sequence")[:count]
    return {"deliberation": [f"/deliberations/{slug}/{year}/{sequence}/" for slug, year, sequence in rows]}


# -- load generator (other processes) ------------------------------------------------------------


def _client(args) -> list[float]:
    port, paths, seconds, max_requests, seed = args
    rng = random.Random(seed)
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds
    connection = None
    while time.perf_counter() < deadline and len(latencies) < max_requests:
        path = rng.choice(paths)
        start = time.perf_counter()
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path, headers={"Connection": "keep-alive"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            errors += 1
            connection = None
        latencies.append(time.perf_counter() - start)
    return latencies if not errors else latencies + [-float(errors)]


def load(port: int, paths: list[str], seconds: float, clients: int, max_requests: int = 100_000) -> dict:
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        # warm-up: every worker imports and connects once
        pool.map(_client, [(port, paths, 1.0, 20, 100 + c) for c in range(clients)])
        started = time.perf_counter()
        results = pool.map(_client, [(port, paths, seconds, max_requests, c) for c in range(clients)])
        elapsed = time.perf_counter() - started
    errors = int(-sum(x for r in results for x in r if x < 0))
    latencies = sorted(x for r in results for x in r if x >= 0)
    n = len(latencies)

    def pct(p):
        return latencies[min(n - 1, int(p / 100 * n))] * 1000

    return {
        "requests": n,
        "errors": errors,
        "rps": n / elapsed,
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
    }


# -- orchestration ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_ready(port: int, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/static/registre/registre.css")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn n'a pas démarré")


def _child(env: dict, *arguments: str) -> str:
    result = subprocess.run(
        [sys.executable, __file__, *arguments],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return result.stdout


def _postgres_ready() -> bool:
    if "REGISTRE_BENCH_DATABASE_URL" in os.environ:
        return True
    if os.geteuid() != 0 or not shutil.which("pg_ctlcluster"):
        return False
    if subprocess.run(["bash", "scripts/start-postgres.sh"], cwd=ROOT, capture_output=True).returncode != 0:
        return False
    exists = subprocess.run(
        [
            "su",
            "postgres",
            "-c",
            "psql -qtAc \"select 1 from pg_database where datname='registre_front_bench'\"",
        ],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if exists != "1":
        subprocess.run(["su", "postgres", "-c", "createdb -O registre registre_front_bench"], check=True)
    return True


def bench_database(name: str, url: str, size: int, seconds: float, clients: int, workers: int) -> list[dict]:
    env = dict(os.environ, DATABASE_URL=url, REGISTRE_VAR_DIR=str(BENCH_DIR), PYTHONPATH=str(ROOT / "src"))
    env.setdefault("REGISTRE_SECRET_KEY", secrets.token_urlsafe(50))  # gunicorn refuses to start without one
    print(f"== {name} : {size} délibérations ({url})", flush=True)
    for line in _child(env, "--generate", "--size", str(size)).splitlines():
        print(line, flush=True)
    urls = json.loads(_child(env, "--sample").splitlines()[-1])
    port = _free_port()
    server = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "registre.web.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        _wait_ready(port)
        scenarios = {
            "référence : feuille de style": ["/static/registre/registre.css"],
            "liste (pages 1 à 20)": ["/"] + [f"/?page={n}" for n in range(2, 21)],
            "recherche (20 requêtes)": ["/?" + _encode(q) for q in SEARCHES],
            "recherche classée (8 rares)": ["/?" + _encode(q) for q in RARE_SEARCHES],
            "recherche + filtres": [
                "/?" + _encode(q) + "&subject=8.3&date_from=2018-01-01" for q in SEARCHES[:8]
            ],
            "page de délibération": urls["deliberation"],
        }
        rows = []
        for scenario, paths in scenarios.items():
            result = load(port, paths, seconds, clients)
            rows.append({"database": name, "page": scenario, **result})
        return rows
    finally:
        server.terminate()
        server.wait(timeout=30)


def _encode(query: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": query})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--duration", type=float, default=15.0, help="secondes par page mesurée")
    parser.add_argument("--clients", type=int, default=4, help="clients simultanés (processus)")
    parser.add_argument("--workers", type=int, default=2, help="processus gunicorn")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sample", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        return generate(args.size)
    if args.sample:
        print(json.dumps(sample_urls()))
        return None
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in args.databases.split(","):
        if name == "sqlite":
            url = f"sqlite:///{BENCH_DIR / f'web-{args.size}.sqlite3'}"
        elif name == "postgresql":
            if not _postgres_ready():
                print("== postgresql : indisponible (lancez en root, ou donnez REGISTRE_BENCH_DATABASE_URL)")
                continue
            url = PG_URL if args.size == 100_000 else PG_URL + f"_{args.size}"
            if url != PG_URL and "REGISTRE_BENCH_DATABASE_URL" not in os.environ:
                subprocess.run(
                    ["su", "postgres", "-c", f"createdb -O registre registre_front_bench_{args.size}"],
                    capture_output=True,
                )
        else:
            raise SystemExit(f"base inconnue : {name}")
        rows += bench_database(name, url, args.size, args.duration, args.clients, args.workers)
    print()
    print(
        f"{args.size} délibérations, {args.clients} clients simultanés, {args.workers} processus gunicorn, "
        f"{args.duration:.0f} s par page, {os.cpu_count()} cœurs"
    )
    print(
        f"{'base':<11} {'page':<30} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'p95/réf':>8} "
        f"{'erreurs':>7}"
    )
    for name in dict.fromkeys(r["database"] for r in rows):
        base = next(r for r in rows if r["database"] == name)
        for r in (r for r in rows if r["database"] == name):
            print(
                f"{name:<11} {r['page']:<30} {r['rps']:>7.1f} {r['p50']:>7.1f} {r['p95']:>7.1f} {r['p99']:>7.1f} "
                f"{r['p95'] / base['p95']:>8.1f} {r['errors']:>7}"
            )
    return None


if __name__ == "__main__":
    main()
