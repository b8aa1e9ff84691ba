"""Cells a spreadsheet would execute are written as text.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel
and LibreOffice as a formula: ``=HYPERLINK(…)`` in a deliberation's title would become a
link on every computer that opens the open-data file (CSV injection, OWASP). Such a cell
gets a leading apostrophe, which both spreadsheets read as "this is text" and do not show.

Signed numbers and phone numbers stay as they are (``-12.5``, ``+33 3 81 61 50 00``,
``2021-01-01/2021-12-31``): digits and the signs, spaces, dots, commas, parentheses and
slashes that write them cannot call a function, and the schemas' number, date and pattern
columns need them intact. Every row is validated after this step, so the file published is
the file checked against the official schema.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
TEXT_MARK = "'"
# what a number, a phone number or a date range is written with: nothing that calls a function
_INERT = re.compile(r"[+-][\d\s.,()/+-]*")


def neutralise(value: str) -> str:
    """``value``, or ``'value`` when a spreadsheet would run it as a formula."""
    if not value or value[0] not in FORMULA_TRIGGERS:
        return value
    if value[0] in "+-" and _INERT.fullmatch(value):
        return value
    return TEXT_MARK + value


def neutralise_row(row: dict[str, str], max_lengths: dict[str, int] | None = None) -> dict[str, str]:
    """Every cell of ``row`` neutralised; one the apostrophe pushes past its column's maxLength
    is cut with an ellipsis, as long texts already are, rather than blocking the publication."""
    for value in row.values():  # the usual row has nothing to do: a million go through here
        if value and value[0] in FORMULA_TRIGGERS:
            break
    else:
        return row
    cleaned = {}
    for name, value in row.items():
        safe = neutralise(value)
        limit = max_lengths.get(name) if max_lengths else None
        if limit is not None and len(safe) > limit >= len(value):
            safe = safe[: limit - 1].rstrip() + "…"
        cleaned[name] = safe
    return cleaned


def max_lengths(fields: dict[str, dict[str, Any]]) -> dict[str, int]:
    """{column: maxLength} of a Table Schema's fields."""
    return {
        name: spec["constraints"]["maxLength"]
        for name, spec in fields.items()
        if "maxLength" in spec.get("constraints", {})
    }


def restore(value: str) -> str:
    """A cell read back from a CSV file: the apostrophe ``neutralise`` added is not data."""
    if len(value) > 1 and value[0] == TEXT_MARK and value[1] in FORMULA_TRIGGERS:
        return value[1:]
    return value
