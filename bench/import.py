"""Import throughput: documents per second, against merely reading the same bytes.

    .venv/bin/python bench/import.py [--runs N] [FILES...]

Without FILES: the example extract, plus the corpus texts when ../shared is there.
Both loops run side by side in one process, single core; the ratio is what to compare. Times are
the process's CPU time (time.process_time), so that other work on a shared machine does not
distort them.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from registre.demo import EXAMPLE_EXTRACT
from registre.importer import DocumentError, import_path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "extracts"


def _files(args) -> list[Path]:
    if args.files:
        return [Path(f) for f in args.files]
    files = [EXAMPLE_EXTRACT]
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("*.txt"))
    return files


def _timed(func, files, runs) -> list[float]:
    rounds = []
    for _ in range(runs):
        start = time.process_time()
        for path in files:
            func(path)
        rounds.append(time.process_time() - start)
    return rounds


def _read(path: Path) -> None:
    path.read_bytes().decode("utf-8", errors="replace")


def _import(path: Path) -> None:
    try:
        import_path(path)
    except DocumentError:
        pass  # a refused document is still a document processed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = _files(args)
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} documents, {size / 1024:.0f} Kio, {args.runs} tours")
    corpus = [f for f in files if f != EXAMPLE_EXTRACT]
    groups = [("exemple seul", [EXAMPLE_EXTRACT]), ("corpus", corpus), ("tous", files)]
    for label, group in (g for g in groups if g[1]):
        reading = statistics.median(_timed(_read, group, args.runs))
        importing = statistics.median(_timed(_import, group, args.runs))
        print(
            f"{label:14} import : {len(group) / importing:9.1f} doc/s   lecture seule : "
            f"{len(group) / reading:11.1f} doc/s   rapport import/lecture : {importing / reading:8.1f}"
        )


if __name__ == "__main__":
    main()
