"""Import throughput and cost: documents per CPU-second against the floor, and linear cost.

    .venv/bin/python bench/import.py [--runs N] [--no-scaling] [FILES...]

1. Throughput. Without FILES: the example extract and the 42 corpus texts of ../shared. Two loops
   run side by side in one process, on one core: the import (read, decode, every reader, the
   rules core's tally, the JSON report) and the floor (read + decode + normalise + tokenise the
   same bytes: the project's decoder, NFC and lower case, a word split). Times are the process's CPU
   time (time.process_time), so that other work on a shared machine weighs less; the ratio
   import/floor is what to compare between two versions.

2. Linear cost. Synthetic texts of 110 kB and 1.1 MB of each shape that once cost quadratic
   time (votes, lists of names, thousands of acts, letter-spaced OCR, long runs of capitals…):
   the CPU time of each, and the growth from 110 kB to 1.1 MB (10 when linear). The 1.1 MB
   case must stay within its CPU budget and the growth under 16: the benchmark exits 1
   otherwise.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from registre.demo import EXAMPLE_EXTRACT
from registre.importer import DocumentError, import_path, import_text
from registre.importer.sources import decode

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "extracts"
LARGE = 1_100_000
BUDGET = 20.0  # CPU seconds for any 1.1 MB text: ~2 s today, 200 s before the linear rewrite
MAX_GROWTH = 16.0  # CPU(1.1 MB) / CPU(110 kB): 10 when linear


def _files(args) -> list[Path]:
    if args.files:
        return [Path(f) for f in args.files]
    files = [EXAMPLE_EXTRACT]
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "added").glob("*.txt"))
    return files


def _timed(func: Callable[[Path], object], files: list[Path], runs: int) -> list[float]:
    rounds = []
    for _ in range(runs):
        start = time.process_time()
        for path in files:
            func(path)
        rounds.append(time.process_time() - start)
    return rounds


_TOKEN = re.compile(r"\w+")


def _floor(path: Path) -> None:
    """Read, decode, normalise and tokenise the same bytes: what any reader of the text must do.
    Written here, not taken from the importer, so that the floor is the same for every version."""
    text = decode(str(path), path.read_bytes())
    _TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def _import(path: Path) -> None:
    try:
        import_path(path)
    except DocumentError:
        pass  # a refused document is still a document processed


def throughput(files: list[Path], runs: int) -> None:
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} documents, {size / 1024:.0f} Kio, {runs} tours (temps CPU, un cœur)")
    corpus = [f for f in files if f != EXAMPLE_EXTRACT]
    for label, group in (("exemple seul", [EXAMPLE_EXTRACT]), ("corpus", corpus), ("tous", files)):
        if not group or (label == "exemple seul" and EXAMPLE_EXTRACT not in files):
            continue
        for path in group:  # warm-up: patterns compiled, caches filled
            _import(path)
        importing = statistics.median(_timed(_import, group, runs))
        floor = statistics.median(_timed(_floor, group, runs))
        print(
            f"{label:14} import : {len(group) / importing:8.1f} doc/s CPU   plancher (lire, décoder, "
            f"normaliser, découper) : {len(group) / floor:9.1f} doc/s   rapport import/plancher : "
            f"{importing / floor:6.1f}"
        )


def _shapes(corpus: list[str]) -> dict[str, Callable[[int], str]]:
    def repeat(unit: str) -> Callable[[int], str]:
        return lambda size: (unit * (size // len(unit) + 1))[:size]

    def acts(size: int) -> str:
        unit = "Délibération n° 2023-{i} Objet : Budget. Présents : 25 Votants : 27. Le conseil, à l'unanimité, approuve. "
        return "".join(unit.format(i=i) for i in range(size // len(unit) + 1))[:size]

    def concatenated(size: int) -> str:
        text, index = "", 0
        while len(text) < size and corpus:
            text += corpus[index % len(corpus)] + "\n"
            index += 1
        return text[:size]

    shapes = {
        "votes": repeat("Pour : 12 Contre : 3 Abstentions : 1 à l'unanimité. "),
        "noms et pouvoirs": repeat(
            "M. Jean DUPONT (jusqu'à la question n°3), Mme Anne MARTIN donne pouvoir à M. Paul PETIT, "
        ),
        "liste des présents": lambda size: (
            "Etaient présents : " + "M. Jean DUPONT, Mme Anne MARTIN, " * size
        )[:size],
        "actes": acts,
        "OCR espacé": repeat("N om br e d e m em br es pr és en ts : 4 3 a bse nts : 2 "),
        "capitales": repeat("ABC DEF GHI JKL MNO PQR STU "),
        "chiffres": repeat("12 34 56 78 90 2023/11 12h30 1 200 € 3,5 % "),
        "avis de commission": repeat("Vu l'avis de la commission (pour : 3). "),
    }
    if corpus:
        shapes["corpus mis bout à bout"] = concatenated
    return shapes


def _cpu(text: str) -> float:
    start = time.process_time()
    try:
        import_text("synthétique.txt", text)
    except DocumentError:
        pass
    return time.process_time() - start


def scaling(corpus: list[str]) -> bool:
    print(
        f"\nCoût linéaire : textes synthétiques de 110 ko et 1,1 Mo (budget {BUDGET:.0f} s CPU, croissance < {MAX_GROWTH:.0f})"
    )
    ok = True
    for name, make in _shapes(corpus).items():
        small, large = _cpu(make(LARGE // 10)), _cpu(make(LARGE))
        growth = large / small if small else float("inf")
        verdict = "ok" if large <= BUDGET and growth < MAX_GROWTH else "HORS BUDGET"
        ok = ok and verdict == "ok"
        print(
            f"  {name:24} 110 ko : {small:6.2f} s   1,1 Mo : {large:6.2f} s   croissance : {growth:5.1f}   {verdict}"
        )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-scaling", action="store_true", help="la mesure de débit seulement")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = _files(args)
    throughput(files, args.runs)
    if args.no_scaling:
        return 0
    corpus = [decode(str(p), p.read_bytes()) for p in files if p != EXAMPLE_EXTRACT]
    return 0 if scaling(corpus) else 1


if __name__ == "__main__":
    sys.exit(main())
