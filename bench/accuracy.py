"""Corpus accuracy: how many of the figures the texts state are read right, read wrong, or missed.

    .venv/bin/python bench/accuracy.py [--verbose]

Reads ../shared/corpus/extracts (12 texts) and extracts/added (30 texts) with their
expected.json. A figure is one number the text states for the act (members in office,
present, proxies, represented, absent, voters, for, against, abstentions, not taking part):
"right" when read as labelled, "wrong" when another number is read (worse than none: the
checker then reports a false discrepancy), "missed" when read as null. An explicit null read
as a number is counted "invented". A wrong or invented figure fails the corpus tests.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from registre.importer import DocumentError, import_text
from registre.importer.sources import decode

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "extracts"
FOLDERS = (("extracts", CORPUS), ("added", CORPUS / "added"))

# expected.json key -> key of the contract's "stated"
MEETING_KEYS = {
    "members_in_office": "members_in_office",
    "present": "present",
    "present_titulaires_ou_suppleants": "present",
    "present_titulaires": "present_titular",
    "present_suppleants": "present_substitutes",
    "legal_members": "legal_members",
    "proxies": "proxies",
    "represented": "represented",
    "absent": "absent",
    "voters": "voters",
    "suffrages_exprimes": "votes_cast",
}
VOTE_KEYS = {"pour": "for", "contre": "against", "abstention": "abstain", "npp": "not_participating"}


def _key(number: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", number.upper())


def target_act(data: dict, document: dict) -> dict | None:
    """The deliberation the labels are about: named by expected.json's "item" (or "vote.item"),
    else the one whose vote is stated, else the first."""
    deliberations = data["deliberations"]
    if not deliberations:
        return None
    named = document["vote"].get("item") or document.get("item", "")
    heads = [_key(part) for part in re.split(r"\s+[—–]\s+", named)[:2]]
    heads += [
        _key(
            re.sub(r"^(?:Délibération|Dossier|Affaire|POINT|n°|N°)\s*(?:n\s*°|No)?\s*", "", part, flags=re.I)
        )
        for part in re.split(r"\s+[—–]\s+", named)[:2]
    ]
    for deliberation in deliberations:
        number = _key(deliberation["number"])
        if number and number in heads:
            return deliberation
    head = re.match(r"\(?(?:Affaire n°\s*|POINT No|Dossier n°)?\s*(\d{1,3})\)?(?:\.|\s|$)", named)
    if head:
        items = [d for d in deliberations if d["item"] == int(head.group(1))]
        if len(items) == 1:
            return items[0]
    voted = [d for d in deliberations if d["result"] or d["stated"]["for"] is not None]
    return voted[0] if voted else deliberations[0]


def expected_figures(document: dict) -> dict[str, int | None]:
    """contract key -> labelled value (None: explicitly not stated). Keys absent: not labelled."""
    figures: dict[str, int | None] = {}
    for key, value in document["stated"].items():
        if key in MEETING_KEYS and not (value is None and MEETING_KEYS[key] in figures):
            figures[MEETING_KEYS[key]] = value
    for key, name in VOTE_KEYS.items():
        if key in document["vote"] or "pour" in document["vote"]:
            value = document["vote"].get(key)
            figures[name] = 0 if value == "/" else value
    return figures


def read_figures(data: dict, document: dict) -> dict[str, int | None]:
    act = target_act(data, document)
    stated = act["stated"] if act else dict(data["meeting"]["stated"])
    if act is None:
        stated.update({name: None for name in VOTE_KEYS.values()})
    return stated


def score(folder: Path) -> dict:
    documents = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["documents"]
    tally = {"right": 0, "wrong": 0, "missed": 0, "invented": 0, "null_right": 0, "refused": 0}
    details = []
    for document in documents:
        path = folder / document["file"]
        try:
            data = import_text(str(path), decode(str(path), path.read_bytes())).data
        except DocumentError as error:
            tally["refused"] += 1
            data = None
            details.append(f"{document['file']}: refusé ({error.reason})")
        read = read_figures(data, document) if data else {}
        for key, wanted in expected_figures(document).items():
            got = read.get(key)
            if wanted is None:
                outcome = "null_right" if got is None else "invented"
            elif got == wanted:
                outcome = "right"
            else:
                outcome = "missed" if got is None else "wrong"
            tally[outcome] += 1
            if outcome not in ("right", "null_right"):
                details.append(f"{document['file']}: {key} {outcome} (lu {got}, attendu {wanted})")
    tally["details"] = details
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not (CORPUS / "expected.json").is_file():
        print(f"corpus absent : {CORPUS}", file=sys.stderr)
        return 2
    for label, folder in FOLDERS:
        tally = score(folder)
        stated = tally["right"] + tally["wrong"] + tally["missed"]
        print(
            f"{label:9} chiffres indiqués : {stated:3}  justes : {tally['right']:3}  faux : {tally['wrong']:2}  "
            f"manqués : {tally['missed']:2}   nuls attendus : {tally['null_right'] + tally['invented']:3}  "
            f"inventés : {tally['invented']:2}   documents refusés : {tally['refused']}"
        )
        if args.verbose:
            for line in tally["details"]:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
