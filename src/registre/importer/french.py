"""French dates, clock times and numbers as extracts write them, read on folded text.

"16 février 2023", "23/11/2023", "2 7 FEV. 2073" (OCR), "le premier décembre deux mille
vingt-deux", "L'an DEUX MILLE VINGT DEUX le 9 décembre", "quatre abstentions".
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from .layout import FlatText, fold, indexed
from .vocabulary import MONTH, WEEKDAY

MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
_MONTH_WORDS = indexed(*MONTHS)
indexed("an")
# abbreviations printed by stamps: "27 FEV. 2023", "1er DEC 2022"
_MONTH_ABBREVIATIONS = {
    "janv": 1,
    "jan": 1,
    "fev": 2,
    "fevr": 2,
    "avr": 4,
    "juil": 7,
    "sept": 9,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_SPACED_DIGITS = re.compile(r"\d(?: ?\d)*")
_WORDY = re.compile(rf"(\d{{1,2}}) \s* (?:er)? \s+ ({MONTH}) \s+ (\d{{4}})", re.VERBOSE)
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


def parse_french_date(text: str) -> dt.date | None:
    """The first date of a short text, in words or figures."""
    low = fold(text)
    match = _WORDY.search(low)
    try:
        if match:
            return dt.date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
        match = _NUMERIC.search(low)
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
_TENS = r"(?:vingt|trente|quarante|cinquante|soixante)"
_DIGIT_WORD = r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf)"
NUMBER_WORD = (
    r"(?:(?:zero|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
    rf"quinze|seize|{_TENS}(?:et)?{_DIGIT_WORD}|"
    r"vingts?|trente|quarante|cinquante|soixante|cent|cents|mille|mil|premiere?|et)"
    r"(?:[\s-]+|(?=\W|$)))+"
)
_GLUED = re.compile(rf"({_TENS})(?:et)?({_DIGIT_WORD})")


def words_to_number(text: str) -> int | None:
    """ "vingt-trois" -> 23, "deux mille vingt deux" -> 2022, "quatre-vingt-dix" -> 90."""
    words = []
    for word in re.split(r"[\s-]+", fold(text)):
        glued = _GLUED.fullmatch(word)
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
    if token in ("/", "-", "—") or fold(token) == "neant":
        return 0
    if token.isdigit():
        return int(token)
    if _SPACED_DIGITS.fullmatch(token):
        return int(token.replace(" ", ""))
    return words_to_number(token)


# -- every date of a text, with what it dates ---------------------------------------------

_YEAR_WORDS = r"(?:deux[\s-]+mil(?:le)?|mil(?:le)?)(?:[\s-]+(?:" + NUMBER_WORD + r"))?"
_DAY_WORDS = r"(?:premier|1\s*er|\d{1,2}|" + NUMBER_WORD + r")"
# "le premier décembre deux mille vingt-deux", "le seize février deux mille vingt-trois"
_SPELLED = re.compile(
    rf"\b(?P<day>{_DAY_WORDS})\s+(?P<month>{MONTH})\s+(?P<year>\d{{4}}|{_YEAR_WORDS})", re.VERBOSE
)
# "L'an deux mille vingt-trois et le 16 février", "L'an DEUX MILLE VINGT DEUX le 9 décembre"
_YEAR_FIRST = re.compile(
    rf"""\bl \s* '? \s* an \s+ (?P<year>{_YEAR_WORDS}|\d{{4}}) \s* ,? \s* (?:et \s+)? (?:le \s+)? (?:{WEEKDAY} \s+)?
    (?P<day>{_DAY_WORDS}) \s+ (?P<month>{MONTH}) (?:\s+ (?P<year2>\d{{4}}))?""",
    re.VERBOSE,
)
_MONTH_ANYWHERE = re.compile(rf"(?<![a-z]){MONTH}(?![a-z])", re.VERBOSE)
_AN = re.compile(r"\bl\s*'?\s*an\s")
_WORD_START = re.compile(r"\b\w")
_AN_BEFORE = re.compile(r"\bl\s*'?\s*an\s")
_STAMP = re.compile(r"\b(?P<day>\d\s?\d|\d)\s*(?:er\s*)?(?P<month>[a-z]{3,5})\s*[.,]?\s*(?P<year>\d{3,4})\b")


def _day(text: str) -> int | None:
    text = text.strip()
    if re.fullmatch(r"1\s*er", text):
        return 1
    return read_number(text)


def _year(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else words_to_number(text)


def _make(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    try:
        return dt.date(year, month, day) if year and month and day else None
    except ValueError:
        return None


def spelled_dates(
    text: str, low: str | None = None, page: FlatText | None = None
) -> list[tuple[int, dt.date]]:
    """Dates written (partly) in words: (offset, date). Only the neighbourhood of a month name is
    read (found in the page's word index when given), so that the cost stays that of one scan."""
    low = fold(text) if low is None else low
    found = []
    if page is not None:
        years = [p for p in page.positions_of("an") if p < len(low)]
        every = page.positions(_MONTH_WORDS)
        months = every[: bisect.bisect_left(every, len(low))]
    else:
        years = [m.end() - 3 for m in _AN.finditer(low)]
        months = [m.start() for m in _MONTH_ANYWHERE.finditer(low)]
    for position in years:
        match = _AN_BEFORE.search(low, max(0, position - 4), position + 3)
        if not match:
            continue
        year_first = _YEAR_FIRST.match(low, match.start(), match.start() + 160)
        if year_first:
            date = _make(
                _year(year_first.group("year2") or year_first.group("year")),
                MONTHS[year_first.group("month")],
                _day(year_first.group("day")),
            )
            if date:
                found.append((year_first.start(), date))
    for month in months:
        # the scan of [month - 40, month + 90) for the date whose month is this one, tried at the
        # words before the month only (a date begins with its day's word)
        done = 0
        for word in _WORD_START.finditer(low, max(0, month - 40), month):
            if word.start() < done:
                continue
            match = _SPELLED.match(low, word.start(), month + 90)
            if not match:
                continue
            if match.start("month") != month:
                done = match.end()
                continue
            if match.group("year").strip().isdigit():
                done = match.end()
                continue  # "16 février 2023": an ordinary date, read by parse_french_date
            date = _make(_year(match.group("year")), MONTHS[match.group("month")], _day(match.group("day")))
            if date:
                found.append((match.start(), date))
            break
    return sorted(set(found))


def stamp_date(text: str) -> tuple[dt.date | None, str | None]:
    """A stamp's date ("2 7 FEV. 2073"): the date if it reads, and the raw text either way."""
    date = parse_french_date(text)
    if date:
        return date, None
    low = fold(text)
    match = _STAMP.search(low)
    if not match:
        return None, None
    month = _MONTH_ABBREVIATIONS.get(match.group("month").rstrip(".")) or MONTHS.get(match.group("month"))
    year = int(match.group("year"))
    day = int(re.sub(r"\s", "", match.group("day")))
    return (_make(year, month, day) if month else None), text[match.start() : match.end()]
