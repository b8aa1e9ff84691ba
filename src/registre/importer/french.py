"""French dates, clock times and numbers as extracts write them.

"16 février 2023", "23/11/2023", "2 7 FEV. 2073" (OCR), "le premier décembre deux mille
vingt-deux", "L'an DEUX MILLE VINGT DEUX le 9 décembre", "quatre abstentions".
"""

from __future__ import annotations

import datetime as dt
import re

from registre.core import fold

MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "février": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
    "décembre": 12,
}
# abbreviations printed by stamps: "27 FEV. 2023", "1er DEC 2022"
_MONTH_ABBREVIATIONS = {
    "JANV": 1,
    "JAN": 1,
    "FEV": 2,
    "FEVR": 2,
    "AVR": 4,
    "JUIL": 7,
    "SEPT": 9,
    "SEP": 9,
    "OCT": 10,
    "NOV": 11,
    "DEC": 12,
}
_MONTH_WORD = "|".join(sorted(set(MONTHS) | {m.capitalize() for m in MONTHS}, key=len, reverse=True))
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


# -- numbers written in words ------------------------------------------------------------

_UNITS = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "premier": 1,
    "premiere": 1,
}
NUMBER_WORD = (
    r"(?:(?:z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
    r"quinze|seize|(?:vingt|trente|quarante|cinquante|soixante)(?:et)?(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf)|"
    r"vingts?|trente|quarante|cinquante|soixante|cent|cents|mille|mil|premi[eè]re?|et)"
    r"(?:[\s-]+|(?=\W|$)))+"
)


def words_to_number(text: str) -> int | None:
    """ "vingt-trois" -> 23, "deux mille vingt deux" -> 2022, "quatre-vingt-dix" -> 90."""
    words = []
    for word in re.split(r"[\s-]+", fold(text).lower()):
        glued = re.fullmatch(
            r"(vingt|trente|quarante|cinquante|soixante)(?:et)?(une?|deux|trois|quatre|cinq|six|sept|huit|neuf)",
            word,
        )
        words += [glued.group(1), glued.group(2)] if glued else [word]
    words = [w for w in words if w and w != "et"]
    if not words:
        return None
    total, current = 0, 0
    for word in words:
        if word in ("mille", "mil"):
            total += (current or 1) * 1000
            current = 0
        elif word in ("cent", "cents"):
            current = (current or 1) * 100
        elif word in _UNITS:
            value = _UNITS[word]
            if value == 20 and current % 100 == 4:  # quatre-vingt
                current += 76
            else:
                current += value
        else:
            return None
    return total + current


def read_number(token: str) -> int | None:
    """A count as printed: digits ("05"), letter-spaced digits ("4 3"), words ("quatre"), "/" or "-" for none."""
    token = token.strip()
    if not token:
        return None
    if token in ("/", "-", "—", "néant", "neant", "Néant", "NEANT", "NÉANT"):
        return 0
    if re.fullmatch(r"\d(?:\s?\d)*", token):
        return int(re.sub(r"\s", "", token))
    return words_to_number(token)


# -- every date of a text, with what it dates ---------------------------------------------

_YEAR_WORDS = r"(?:deux[\s-]+mil(?:le)?|mil(?:le)?)(?:[\s-]+(?:" + NUMBER_WORD + r"))?"
_DAY_WORDS = r"(?:premier|1\s*er|\d{1,2}|" + NUMBER_WORD + r")"
_ANY_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
# "le premier décembre deux mille vingt-deux", "le seize février deux mille vingt-trois"
_SPELLED = re.compile(
    r"\b(?P<day>" + _DAY_WORDS + r")\s+(?P<month>" + _ANY_MONTH + r")\s+(?P<year>\d{4}|" + _YEAR_WORDS + r")",
    re.I,
)
# "L'an deux mille vingt-trois et le 16 février", "L'an DEUX MILLE VINGT DEUX le 9 décembre"
_YEAR_FIRST = re.compile(
    r"\bL\s*'?\s*an\s+(?P<year>"
    + _YEAR_WORDS
    + r"|\d{4})\s*,?\s*(?:et\s+)?(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"(?P<day>" + _DAY_WORDS + r")\s+(?P<month>" + _ANY_MONTH + r")(?:\s+(?P<year2>\d{4}))?",
    re.I,
)
_STAMP = re.compile(
    r"\b(?P<day>\d\s?\d|\d)\s*(?:er\s*)?(?P<month>[A-Za-zéû]{3,5})\s*[.,]?\s*(?P<year>\d{3,4})\b"
)


def _day(text: str) -> int | None:
    text = text.strip()
    if re.fullmatch(r"1\s*er", text, re.I):
        return 1
    return read_number(text)


def _year(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else words_to_number(text)


def _make(year, month, day) -> dt.date | None:
    try:
        return dt.date(year, month, day) if year and month and day else None
    except ValueError:
        return None


def spelled_dates(text: str) -> list[tuple[int, dt.date]]:
    """Dates written (partly) in words: (offset, date)."""
    found = []
    for match in _YEAR_FIRST.finditer(text):
        year = _year(match.group("year2") or match.group("year"))
        date = _make(year, MONTHS[fold(match.group("month")).lower()], _day(match.group("day")))
        if date:
            found.append((match.start(), date))
    for match in _SPELLED.finditer(text):
        if match.group("year").strip().isdigit():
            continue  # "16 février 2023": an ordinary date, read by parse_french_date
        date = _make(
            _year(match.group("year")), MONTHS[fold(match.group("month")).lower()], _day(match.group("day"))
        )
        if date:
            found.append((match.start(), date))
    return sorted(found)


def stamp_date(text: str) -> tuple[dt.date | None, str | None]:
    """A stamp's date ("2 7 FEV. 2073"): the date if it reads, and the raw text either way."""
    date = parse_french_date(text)
    if date:
        return date, None
    match = _STAMP.search(text)
    if not match:
        return None, None
    month = _MONTH_ABBREVIATIONS.get(fold(match.group("month")).upper().rstrip("."))
    if month is None:
        month = MONTHS.get(fold(match.group("month")).lower())
    year = int(match.group("year"))
    return _make(year, month, int(re.sub(r"\s", "", match.group("day")))) if month else None, match.group(0)
