"""Corpus accuracy: how many of the figures the texts state are read right, read wrong, or missed.

    .venv/bin/python bench/accuracy.py [--verbose]

Reads ../shared/corpus/extracts (12 texts) and extracts/added (30 texts) with their
expected.json, through the tests' oracle (tests/importer/corpus.py). A figure is one number
the text states for the act (members in office, present, proxies, represented, absent,
voters, for, against, abstentions, not taking part): "right" when read as labelled, "wrong"
when another number is read (worse than none: the checker then reports a false discrepancy),
"missed" when read as null. An explicit null read as a number is "invented".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.importer.corpus import FOLDERS, require_corpus, score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    try:
        require_corpus()
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    for label in FOLDERS:
        tally = score(label)
        print(
            f"{label:9} chiffres indiqués : {tally.stated:3}  justes : {tally.right:3}  faux : {tally.wrong:2}  "
            f"manqués : {tally.missed:2}   nuls attendus : {tally.null_right + tally.invented:3}  "
            f"inventés : {tally.invented:2}   documents refusés : {tally.refused}"
        )
        if args.verbose:
            for line in tally.details:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
