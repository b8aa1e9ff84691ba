"""The ACTES nomenclature, levels 1 and 2 (national), as data: codes, official titles, SCDL names.

The SCDL "Délibérations" schema wants DELIB_MATIERE_NOM as "level-1 title/level-2 title" in
accented lower case, without commas or parentheses; validators ignore case and accents.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

NOMENCLATURE_FILE = "actes-nomenclature.json"


@dataclass(frozen=True)
class Subject:
    code: str  # "7.5"
    title: str  # "Subventions"
    parent_title: str  # "Finances locales"

    @property
    def scdl_name(self) -> str:
        return scdl_name(self.code)

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath(NOMENCLATURE_FILE).read_text(encoding="utf-8")
    )
    return data


@lru_cache(maxsize=1)
def level1_titles() -> dict[str, str]:
    return {s["code"]: s["title"] for s in _data()["subjects"] if "." not in s["code"]}


@lru_cache(maxsize=1)
def subjects() -> dict[str, Subject]:
    titles = level1_titles()
    return {
        s["code"]: Subject(s["code"], s["title"], titles[s["code"].split(".")[0]])
        for s in _data()["subjects"]
        if "." in s["code"]
    }


@cache
def scdl_name(code: str) -> str:
    """DELIB_MATIERE_NOM of an ACTES code: "7.5" → "finances locales/subventions"."""
    known = subjects()[code]
    return f"{_scdl_text(known.parent_title)}/{_scdl_text(known.title)}"


def subject(code: str) -> Subject | None:
    return subjects().get((code or "").strip())


def fold(text: str) -> str:
    """Lower case, no accents, œ → oe: how validators compare ACTES titles."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _scdl_text(title: str) -> str:
    text = re.sub(r"[,()]", "", title.lower())
    text = re.sub(r"\.+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _level1_folded() -> dict[str, str]:
    folded = {fold(title): code for code, title in level1_titles().items()}
    for code, aliases in _data().get("aliases", {}).items():
        folded.update({fold(alias): code for alias in aliases})
    return folded


def level1_code_of_name(name: str) -> str | None:
    """The level-1 code a DELIB_MATIERE_NOM starts with ("Finances locales/…" → "7"), else None."""
    if "/" not in name:
        return None
    return _level1_folded().get(fold(name.split("/", 1)[0]))


def name_matches_code(code: str, name: str) -> bool:
    """Does DELIB_MATIERE_NOM name the subject DELIB_MATIERE_CODE designates (case, accents, punctuation ignored)?"""
    known = subject(code)
    if known is None or "/" not in name:
        return False
    head, tail = name.split("/", 1)
    if level1_code_of_name(name) != code.split(".")[0]:
        return False
    return _letters(tail) == _letters(known.title)
