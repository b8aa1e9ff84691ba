"""Attendance and proxy windows as clerks write them, into core windows.

"(à compter de la question n°9)", "(à partir de la délibération n°3)", "(jusqu'à la question n°8
incluse)", a bare "(jusqu'à la question n°7)", "(à partir de D98/13)", "(jusqu à D87/13)",
"(sauf D90/13 à D96/13 et D106/13 à D111/13)", "(sauf D103/13 et départ à D107/13)",
"(parti après le point 5)", "(points 1, 2 et 5)", "(jusqu'à 22h40, point n°2)", "(arrivée à 19h07)",
"(arrivé à 17h55, au début de l'examen du dossier n°3)". The note is folded, then read with the
vocabulary's window fragments.

A clock time with no item cannot be placed in the order of passage: it is kept aside
(``WindowReading.clock``) for a warning, never turned into an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from registre.core.model import Window

from .layout import fold
from .vocabulary import (
    WINDOW_AFTER,
    WINDOW_EXCEPT,
    WINDOW_FROM,
    WINDOW_MOVE,
    WINDOW_NEW_CLAUSE,
    WINDOW_ONLY,
    WINDOW_RANGE,
    WINDOW_REFERENCE,
    WINDOW_UNTIL,
)

_CLOCK = re.compile(r"(?<!\d)(\d{1,2})\s*h\s*(\d{2})?(?!\d)|(?<!\d)(\d{1,2}):(\d{2})(?!\d)")
_REFERENCE = re.compile(WINDOW_REFERENCE, re.VERBOSE)


@dataclass(frozen=True)
class WindowReading:
    window: Window | None  # None: the note states no window
    clock: str | None = None  # a clock time the note gives ("19h07")
    clock_only: bool = False  # the note gives a time and no item: the window cannot be placed


def _items_in(text: str) -> set[int]:
    """ "d90/13 à d96/13 et d106/13", "3, 4 et 7", "3 à 5" (folded)."""
    items: set[int] = set()
    rest = list(text)
    for match in WINDOW_RANGE.regex.finditer(text):
        low, high = int(match.group(1)), int(match.group(2))
        if low <= high and high - low <= 500:
            items.update(range(low, high + 1))
        rest[match.start() : match.end()] = " " * (match.end() - match.start())
    for match in _REFERENCE.finditer("".join(rest)):
        items.add(int(match.group(1)))
    return items


def read_window(note: str) -> WindowReading:
    text = fold(note)
    clock_match = _CLOCK.search(text)
    clock = note[clock_match.start() : clock_match.end()] if clock_match else None
    except_items: set[int] = set()
    found = WINDOW_EXCEPT.regex.search(text)
    if found:
        # the exclusion runs to a new clause ("et départ à ...")
        clause = WINDOW_NEW_CLAUSE.regex.split(found.group(1), maxsplit=1)
        except_items = _items_in(clause[0])
        text = text[: found.start()] + (" " + clause[1] if len(clause) > 1 else "")
    start = WINDOW_FROM.regex.search(text)
    end = WINDOW_UNTIL.regex.search(text)
    from_item = int(start.group(1)) if start else None
    until_item = int(end.group(1)) if end else None
    loose = bool(end) and not (end and end.group(2)) and not (end and WINDOW_AFTER.regex.search(end.group(0)))
    if not start and not end and not except_items:
        only = WINDOW_ONLY.regex.match(text.strip())
        listed = _items_in(only.group(1)) if only else set()
        if listed:
            low, high = min(listed), max(listed)
            holes = frozenset(set(range(low, high + 1)) - listed)
            return WindowReading(Window(from_item=low, until_item=high, except_items=holes), clock)
        if clock and WINDOW_MOVE.regex.search(text):
            return WindowReading(None, clock, clock_only=True)
        return WindowReading(None, clock)
    window = Window(
        from_item=from_item, until_item=until_item, except_items=frozenset(except_items), loose_end=loose
    )
    return WindowReading(window, clock)


def parse_window(note: str) -> Window | None:
    """The window a parenthesised note states, or None if it states none."""
    return read_window(note).window
