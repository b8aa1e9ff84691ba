"""Reading published SCDL files: rows per second kept with their findings, against plain CSV parsing.

    .venv/bin/python bench/read_scdl.py [--runs N] [FILES...]

Without FILES: the three open-data files of ../shared/corpus/opendata when there, plus a
deliberations file of ~20,000 rows built from the tests' métropole layout. Both loops run side by
side in one process; times are CPU times (time.process_time); the ratio is what to compare.
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.opendata.conftest import metropole_deliberations  # noqa: E402

from registre.opendata.reader import decode, read_scdl  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "opendata"


def _big_deliberations(folder: Path) -> Path:
    base = (
        metropole_deliberations(folder / "metropole-90.csv", rows=90).read_text(encoding="utf-8").splitlines()
    )
    path = folder / "metropole-19800.csv"
    path.write_text("\r\n".join([base[0], *base[1:] * 220]) + "\r\n", encoding="utf-8")
    return path


def _parse(path: Path) -> int:
    text, _ = decode(str(path), path.read_bytes())
    return sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter=";")) - 1


def _read(path: Path) -> int:
    return len(read_scdl(path).rows)


def _timed(func, path: Path, runs: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(runs):
        start = time.process_time()
        rows = func(path)
        times.append(time.process_time() - start)
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = [Path(f) for f in args.files] or [
            *sorted(CORPUS.glob("*.csv")),
            _big_deliberations(Path(folder)),
        ]
        for path in files:
            parsing, _ = _timed(_parse, path, args.runs)
            reading, rows = _timed(_read, path, args.runs)
            print(
                f"{path.name[:48]:48} {rows:6d} lignes  lecture SCDL : {rows / reading:8.0f} lignes/s   "
                f"CSV seul : {rows / parsing:9.0f} lignes/s   rapport : {reading / parsing:6.1f}"
            )


if __name__ == "__main__":
    main()
