"""French dates and clock times as extracts write them."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "decembre": 12, "décembre": 12,
}
_WORDY = re.compile(r"(\d{1,2})\s*(?:er)?\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.I)
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


def parse_french_date(text: str) -> dt.date | None:
    match = _WORDY.search(text)
    try:
        if match:
            return dt.date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
        match = _NUMERIC.search(text)
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
    return None


def parse_clock(text: str) -> dt.time | None:
    match = re.search(r"(\d{1,2})\s*[hH:]\s*(\d{2})?", text)
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        return None
    return dt.time(hours, minutes)
