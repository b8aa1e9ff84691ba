"""Attendance and proxy windows as clerks write them, into core windows.

"(à compter de la question n°9)", "(à partir de la délibération n°3)",
"(jusqu'à la question n°8 incluse)", a bare "(jusqu'à la question n°7)".
"""

from __future__ import annotations

import re

from registre.core import Window

_ITEM = r"(?:la\s+|le\s+|l')?(?:questions?|d[ée]lib[ée]rations?|points?|rapports?|affaires?|dossiers?)?\s*(?:n\s*°|n°|no\.?|num[ée]ro)?\s*(?:D\s*)?(\d{1,4})(?:\s*/\s*\d{2,4})?"
_FROM = re.compile(r"(?:[àa]\s+compter\s+(?:de|du)|[àa]\s+partir\s+(?:de|du)|depuis|arriv[ée]e?\s+(?:[àa]|au|en\s+cours\s+de)|pr[ée]sente?\s+[àa]\s+partir\s+(?:de|du))\s*" + _ITEM, re.I)
_UNTIL = re.compile(r"(?:jusqu\s*'?\s*(?:[àa]|au)|d[ée]part\s+apr[èe]s|parti(?:e)?\s+apr[èe]s)\s*" + _ITEM + r"(\s*(?:incluse?|inclus))?", re.I)
_AFTER = re.compile(r"(?:parti(?:e)?|d[ée]part|quitte\s+la\s+s[ée]ance)\s+apr[èe]s", re.I)


def parse_window(note: str) -> Window | None:
    """The window a parenthesised note states, or None if it states none."""
    start = _FROM.search(note)
    end = _UNTIL.search(note)
    if not start and not end:
        return None
    from_item = int(start.group(1)) if start else None
    until_item = int(end.group(1)) if end else None
    loose = bool(end) and not end.group(2) and not _AFTER.search(end.group(0))
    return Window(from_item=from_item, until_item=until_item, loose_end=loose)
