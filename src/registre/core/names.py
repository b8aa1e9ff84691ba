"""One spelling-independent key per person: lists of the same meeting write
"Kévin" and "Kevin", "DENIS-LAMIT" and "Denis-Lamit"."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-‐‑'’`]+")


def fold(text: str) -> str:
    """Upper case, no diacritics, one space between words ("Lèz" -> "LEZ")."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    return _SEPARATORS.sub(" ", stripped).strip().upper()


def member_key(first_name: str, last_name: str) -> str:
    return f"{fold(last_name)}|{fold(first_name)}"
