"""The public page of the example deliberation (123 members), before and after, side by side.

    .venv/bin/python bench/deliberation_page.py                 # before = the branch point with main
    .venv/bin/python bench/deliberation_page.py --before 7bd9ff8 --requests 400

"Before" is the source of another commit (``git archive`` into a temporary folder, nothing
registered in the repository), "after" is this working tree. Each runs in its own process with
its own fresh SQLite database: migrate, load the demo (the 123-member example extract), then
GET the example's public page ``--requests`` times through Django's test client (in process:
no network, no server noise) after a warm-up. Prints the median and p99 of each and their ratio.
Loopback nothing, bounded by count. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = "/deliberations/grand-besancon-metropole/2021/5795/"


def measure(requests: int, warmup: int) -> dict:
    """In the child: a fresh database, the demo, then the page timed ``requests`` times."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registre.web.settings")
    django.setup()
    from django.core.management import call_command
    from django.test import Client

    import registre
    from registre.web.register.demo import load_demo

    call_command("migrate", verbosity=0)
    load_demo()
    client = Client()
    for _ in range(warmup):
        assert client.get(PAGE).status_code == 200
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(PAGE)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    return {"source": str(Path(registre.__file__).parent), "timings": timings}


def _run(source: Path, requests: int, warmup: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-page-") as var:
        env = dict(
            os.environ,
            PYTHONPATH=str(source),
            REGISTRE_VAR_DIR=var,
            DATABASE_URL=f"sqlite:///{var}/bench.sqlite3",
        )
        env.pop("REGISTRE_DEBUG", None)
        result = subprocess.run(
            [sys.executable, __file__, "--child", "--requests", str(requests), "--warmup", str(warmup)],
            env=env,
            cwd=var,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
    data = json.loads(result.stdout.splitlines()[-1])
    if Path(data["source"]).resolve() != (source / "registre").resolve():
        raise SystemExit(f"mauvais code mesuré : {data['source']} au lieu de {source}")
    return data


def _export(commit: str, into: Path) -> Path:
    archive = into / "source.tar"
    subprocess.run(["git", "archive", "--output", str(archive), commit, "src"], cwd=ROOT, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _summary(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--before", default=None, help="commit mesuré « avant » (défaut : base commune avec main)"
    )
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.requests, args.warmup)))
        return
    before = (
        args.before
        or subprocess.run(
            ["git", "merge-base", "HEAD", "main"], cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True
        ).stdout.strip()
    )
    with tempfile.TemporaryDirectory(prefix="bench-before-") as folder:
        rows = [
            (f"avant ({before[:10]})", _run(_export(before, Path(folder)), args.requests, args.warmup)),
            ("après (arbre de travail)", _run(ROOT / "src", args.requests, args.warmup)),
        ]
    print(f"Page publique de la délibération 2021/005795 (123 conseillers), {args.requests} requêtes")
    print(f"{'version':<26} {'médiane ms':>11} {'p99 ms':>8}")
    figures = []
    for name, data in rows:
        median, p99 = _summary(data["timings"])
        figures.append((median, p99))
        print(f"{name:<26} {median:>11.2f} {p99:>8.2f}")
    (m0, p0), (m1, p1) = figures
    print(f"{'rapport avant/après':<26} {m0 / m1:>11.1f} {p0 / p1:>8.1f}")


if __name__ == "__main__":
    main()
