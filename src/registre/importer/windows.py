"""Attendance and proxy windows as clerks write them, into core windows.

"(à compter de la question n°9)", "(à partir de la délibération n°3)", "(jusqu'à la question n°8
incluse)", a bare "(jusqu'à la question n°7)", "(à partir de D98/13)", "(jusqu à D87/13)",
"(sauf D90/13 à D96/13 et D106/13 à D111/13)", "(sauf D103/13 et départ à D107/13)",
"(parti après le point 5)", "(points 1, 2 et 5)", "(jusqu'à 22h40, point n°2)", "(arrivée à 19h07)".

A clock time with no item cannot be placed in the order of passage: it is kept aside
(``WindowReading.clock``) for a warning, never turned into an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from registre.core import Window

_NOUN = r"(?:questions?|d[ée]lib[ée]rations?|points?|rapports?|affaires?|dossiers?|objets?)"
_REF = r"(?:n\s*°|n°|no\.?|num[ée]ro)?\s*(?:D\s*)?(\d{1,4})(?:\s*/\s*\d{2,4})?(?!\s*h\s*\d|\s*h\b|\d)"
_ITEM = (
    r"(?:\d{1,2}\s*h\s*(?:\d{2})?\s*,\s*)?"  # "jusqu'à 22h40, point n°2": the item decides
    r"(?:la\s+|le\s+|l\s*'\s*|les\s+)?(?:" + _NOUN + r"\s*)?" + _REF
)
_FROM = re.compile(
    r"(?:[àa]\s+compter\s+(?:de|du|des)|[àa]\s+partir\s+(?:de|du|des)|depuis|arriv[ée]e?\s+(?:[àa]|au|aux|en\s+cours\s+de|lors\s+d[eu])|"
    r"pr[ée]sente?\s+[àa]\s+partir\s+(?:de|du))\s*" + _ITEM,
    re.I,
)
_UNTIL = re.compile(
    r"(?:jusqu\s*'?\s*(?:[àa]|au|aux)|d[ée]part\s+apr[èe]s|parti(?:e)?\s+apr[èe]s|quitte\s+la\s+s[ée]ance\s+apr[èe]s|"
    r"d[ée]part\s+(?:[àa]|au|lors\s+d[eu])|parti(?:e)?\s+(?:[àa]|au))\s*"
    + _ITEM
    + r"(\s*(?:incluse?|inclus))?",
    re.I,
)
_AFTER = re.compile(r"(?:parti(?:e)?|d[ée]part|quitte\s+la\s+s[ée]ance)\s+apr[èe]s", re.I)
_EXCEPT = re.compile(r"(?:sauf|except[ée]|hors|[àa]\s+l'exception\s+d[eu]s?)\s+(.*)", re.I)
_ONLY = re.compile(
    r"^(?:pr[ée]sente?\s+|uniquement\s+|seulement\s+)?(?:pour\s+)?(?:les?\s+|la\s+)?" + _NOUN + r"\s+(.*)$",
    re.I,
)
_CLOCK = re.compile(r"(?<!\d)(\d{1,2})\s*h\s*(\d{2})?(?!\d)|(?<!\d)(\d{1,2}):(\d{2})(?!\d)", re.I)
_RANGE = re.compile(_REF + r"\s*(?:[àa]|-|au)\s*" + _ITEM, re.I)


@dataclass(frozen=True)
class WindowReading:
    window: Window | None  # None: the note states no window
    clock: str | None = None  # a clock time the note gives ("19h07")
    clock_only: bool = False  # the note gives a time and no item: the window cannot be placed


def _items_in(text: str) -> set[int]:
    """ "D90/13 à D96/13 et D106/13", "3, 4 et 7", "3 à 5"."""
    items: set[int] = set()
    consumed = []
    for match in _RANGE.finditer(text):
        low, high = int(match.group(1)), int(match.group(2))
        if low <= high and high - low <= 500:
            items.update(range(low, high + 1))
        consumed.append((match.start(), match.end()))
    rest = list(text)
    for start, end in consumed:
        rest[start:end] = " " * (end - start)
    for match in re.finditer(_REF, "".join(rest), re.I):
        items.add(int(match.group(1)))
    return items


def read_window(note: str) -> WindowReading:
    clock_match = _CLOCK.search(note)
    clock = clock_match.group(0) if clock_match else None
    text = note
    except_items: set[int] = set()
    found = _EXCEPT.search(text)
    if found:
        # the exclusion runs to a new clause ("et départ à ...")
        clause = re.split(
            r"\bet\s+(?=d[ée]part|parti|jusqu|[àa]\s+partir|[àa]\s+compter|arriv)", found.group(1), maxsplit=1
        )
        except_items = _items_in(clause[0])
        text = text[: found.start()] + (" " + clause[1] if len(clause) > 1 else "")
    start = _FROM.search(text)
    end = _UNTIL.search(text)
    from_item = int(start.group(1)) if start else None
    until_item = int(end.group(1)) if end else None
    loose = bool(end) and not end.group(2) and not _AFTER.search(end.group(0))
    if not start and not end and not except_items:
        only = _ONLY.match(text.strip())
        listed = _items_in(only.group(1)) if only else set()
        if listed:
            low, high = min(listed), max(listed)
            holes = frozenset(set(range(low, high + 1)) - listed)
            return WindowReading(Window(from_item=low, until_item=high, except_items=holes), clock)
        if clock and re.search(r"arriv|d[ée]part|parti|jusqu|partir|compter|quitt", note, re.I):
            return WindowReading(None, clock, clock_only=True)
        return WindowReading(None, clock)
    window = Window(
        from_item=from_item, until_item=until_item, except_items=frozenset(except_items), loose_end=loose
    )
    return WindowReading(window, clock)


def parse_window(note: str) -> Window | None:
    """The window a parenthesised note states, or None if it states none."""
    return read_window(note).window
