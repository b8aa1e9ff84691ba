"""The real texts of ../shared/corpus and what their expected.json says each states.

One oracle for the corpus tests and for bench/accuracy.py: which act the labels are about,
which figures are labelled (a number) or explicitly not stated (null), and how a reading
compares. The reader knows nothing of these files (no file or authority name appears in
src/registre/importer).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

from registre.importer import DocumentError, import_text
from registre.importer.sources import decode
from tests.shared_data import SHARED

CORPUS = SHARED / "corpus" / "extracts"
ADDED = CORPUS / "added"
FOLDERS = {"extracts": CORPUS, "added": ADDED}


def require_corpus() -> None:
    """The corpus is part of the test suite: without it the suite fails, it does not skip."""
    missing = [
        str(folder / "expected.json")
        for folder in FOLDERS.values()
        if not (folder / "expected.json").is_file()
    ]
    if missing:
        raise FileNotFoundError(
            "corpus absent : " + ", ".join(missing) + " (../shared/corpus doit être à côté du dépôt)"
        )


@cache
def documents(folder: str) -> dict[str, dict]:
    require_corpus()
    path = FOLDERS[folder] / "expected.json"
    return {d["file"]: d for d in json.loads(path.read_text(encoding="utf-8"))["documents"]}


def text_of(folder: str, name: str) -> str:
    path = FOLDERS[folder] / name
    return decode(str(path), path.read_bytes())


@cache
def imported(folder: str, name: str) -> dict:
    path = FOLDERS[folder] / name
    return import_text(str(path), text_of(folder, name)).data


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
    parts = re.split(r"\s+[—–]\s+", named)[:2]
    heads = {_key(part) for part in parts}
    heads |= {
        _key(
            re.sub(r"^(?:Délibération|Dossier|Affaire|POINT|n°|N°)\s*(?:n\s*°|No)?\s*", "", part, flags=re.I)
        )
        for part in parts
    }
    for deliberation in deliberations:
        if _key(deliberation["number"]) in heads - {""}:
            return deliberation
    head = re.match(r"\(?(?:Affaire n°\s*|POINT No|Dossier n°)?\s*(\d{1,3})\)?(?:\.|\s|$)", named)
    if head:
        items = [d for d in deliberations if d["item"] == int(head.group(1))]
        if len(items) == 1:
            return items[0]
    voted = [d for d in deliberations if d["result"] or d["stated"]["for"] is not None]
    return voted[0] if voted else deliberations[0]


def expected_figures(document: dict) -> dict[str, int | None]:
    """Contract key -> labelled value (None: explicitly not stated). Keys absent: not labelled."""
    figures: dict[str, int | None] = {}
    for key, value in document["stated"].items():
        if key in MEETING_KEYS and not (value is None and MEETING_KEYS[key] in figures):
            figures[MEETING_KEYS[key]] = value
    vote = document["vote"]
    if "pour" in vote or any(k in vote for k in VOTE_KEYS):
        for key, name in VOTE_KEYS.items():
            value = vote.get(key)
            figures[name] = 0 if value == "/" else value
    return figures


def read_figures(data: dict, document: dict) -> dict[str, int | None]:
    """What the importer states for the labelled act (the meeting's figures when it reads no act)."""
    act = target_act(data, document)
    if act is not None:
        return dict(act["stated"])
    stated: dict[str, int | None] = dict(data["meeting"]["stated"])
    stated.update({name: None for name in VOTE_KEYS.values()})
    return stated


@dataclass
class Score:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    invented: int = 0  # an explicit null read as a number
    null_right: int = 0
    refused: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def stated(self) -> int:
        return self.right + self.wrong + self.missed


def outcome(wanted: int | None, got: int | None) -> str:
    if wanted is None:
        return "null_right" if got is None else "invented"
    if got == wanted:
        return "right"
    return "missed" if got is None else "wrong"


def score(folder: str) -> Score:
    tally = Score()
    for name, document in documents(folder).items():
        try:
            data = imported(folder, name)
        except DocumentError as error:
            tally.refused += 1
            tally.details.append(f"{name}: refusé ({error.reason})")
            continue
        read = read_figures(data, document)
        for key, wanted in expected_figures(document).items():
            result = outcome(wanted, read.get(key))
            setattr(tally, result, getattr(tally, result) + 1)
            if result not in ("right", "null_right"):
                tally.details.append(f"{name}: {key} {result} (lu {read.get(key)}, attendu {wanted})")
    return tally
