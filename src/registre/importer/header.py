"""The meeting's header: authority, council, date, place, chair, convocation, opening and closing.

Keywords are matched on the folded text (``vocabulary``), names and places read on the flat text
at the same offsets. A header lies in the first few thousand characters: that is all it reads.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .french import parse_clock, parse_french_date, spelled_dates
from .layout import FlatText, indexed, squash
from .persons import NamedPerson, find_people
from .vocabulary import (
    AUTHORITY_BY_CHAIR,
    AUTHORITY_COMMUNE,
    AUTHORITY_COMMUNITY,
    AUTHORITY_DEPARTMENT,
    CHAIR_BY_TITLE,
    CHAIR_SENTENCE,
    CHAIR_TITLE_AFTER,
    CLOSED,
    CONVENED,
    COUNCIL,
    MEETING_HEADING,
    OPENED,
    ORDER_OF_PASSAGE,
    PLACE,
    PRESIDES,
    Term,
)

HEAD = 6000  # a header fits in the first pages
_TITLES = indexed("maire", "president", "presidente")
_HEADING_DATE = re.compile(r"\d{1,2}\s*(?:er)?\s+[a-z]{3,9}\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}")
_PREAMBLE_DATE = re.compile(
    r"\ble\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"(\d{1,2}\s*(?:er)?\s+[a-z]{3,9}\s+\d{4})\s+a\s+\d{1,2}\s*h"
)
_NOT_A_NAME_WORD = re.compile(
    r"(?:S[ée]ance|Extrait|EXTRAIT|Arrondissement|D[ée]partement|Canton|Conseil|REPUBLIQUE|R[ée]publique|Direction)$"
)
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][^\s,.;:]+")


@dataclass(frozen=True)
class Header:
    authority: str | None
    council: str | None
    date: dt.date | None
    place: str | None
    chair: NamedPerson | None
    opened_at: dt.time | None
    closed_at: dt.time | None
    convened_on: dt.date | None
    order_of_passage: list[int] | None


def read_header(page: FlatText) -> Header:
    date = meeting_date(page)
    chair, place = chair_and_place(page)
    opened, closed = opening_and_closing(page)
    return Header(
        authority=authority(page),
        council=council(page),
        date=date,
        place=place,
        chair=chair,
        opened_at=opened,
        closed_at=closed,
        convened_on=convened_on(page, date),
        order_of_passage=order_of_passage(page),
    )


def header_date(page: FlatText) -> tuple[int, dt.date] | None:
    """The date a heading gives ("Séance du 16 février 2023", "CONSEIL MUNICIPAL DU 13 MARS 2023")."""
    if "header_date" not in page.memo:
        page.memo["header_date"] = _header_date(page)
    return page.memo["header_date"]  # type: ignore[return-value]


def _header_date(page: FlatText) -> tuple[int, dt.date] | None:
    for match in page.finditer(MEETING_HEADING, 0, 4000):
        found = _HEADING_DATE.match(page.low, match.end())
        date = parse_french_date(found.group()) if found else None
        if date:
            return match.start(), date
    return None


def preamble_date(page: FlatText) -> tuple[int, dt.date] | None:
    """The date the opening sentence spells out ("Le premier décembre deux mille vingt-deux, …")."""
    if "preamble_date" not in page.memo:
        page.memo["preamble_date"] = _preamble_date(page)
    return page.memo["preamble_date"]  # type: ignore[return-value]


def _preamble_date(page: FlatText) -> tuple[int, dt.date] | None:
    low = page.low[:HEAD]
    for offset, date in spelled_dates(low, low, page):
        before = low[max(0, offset - 60) : offset + 40]
        if re.search(r"convoqu|convocation", before):
            continue
        return offset, date
    match = _PREAMBLE_DATE.search(low)
    if match:
        date = parse_french_date(match.group(1))
        if date:
            return match.start(), date
    return None


def meeting_date(page: FlatText) -> dt.date | None:
    found = header_date(page) or preamble_date(page)
    return found[1] if found else None


def convened_dates(page: FlatText) -> tuple[dt.date, ...]:
    if "convened_dates" not in page.memo:
        page.memo["convened_dates"] = _convened_dates(page)
    return page.memo["convened_dates"]  # type: ignore[return-value]


def _convened_dates(page: FlatText) -> tuple[dt.date, ...]:
    low = page.low
    dates = []
    for match in page.finditer(CONVENED, 0, HEAD):
        tail = low[match.end() : match.end() + 200]
        date = parse_french_date(tail[:60])
        spelled = spelled_dates(tail[:80], tail[:80])
        if spelled and (not date or spelled[0][0] < 10):
            date = spelled[0][1]
        if not date:
            # "Date de convocation : Présents : … 23/11/2023": the value drifted into the list
            date = parse_french_date(tail)
        if date:
            dates.append(date)
    return tuple(dates)


def convened_on(page: FlatText, meeting: dt.date | None = None) -> dt.date | None:
    dates = convened_dates(page)
    if not dates:
        return None
    if meeting and not (meeting - dt.timedelta(days=92) <= dates[0] <= meeting):
        return None  # "le dix février deux mille Procurations : 5 Vingt-trois": a year cut by the layout
    return dates[0]


def chair_and_place(page: FlatText) -> tuple[NamedPerson | None, str | None]:
    text = page.text
    found = page.search(PLACE, 0, HEAD)
    place = squash(text[found.start("place") : found.end("place")]) if found else None
    return _chair(page), place


def _chair(page: FlatText) -> NamedPerson | None:
    text, low = page.text, page.low
    for match in page.finditer(CHAIR_SENTENCE, 0, HEAD):
        people = find_people(text[match.end() : match.end() + 120], match.end())
        between = text[match.end() : people[0].start] if people else ""
        # "sous la présidence de Mme la Maire. Etaient présents : …" names nobody: the next name is not the chair
        if people and len(between) < 40 and not re.search(r"[.;:]", between):
            return people[0]
    # "Monsieur Marc GRICOURT, Maire, préside la séance"
    for match in page.finditer(PRESIDES, 0, HEAD):
        people = find_people(text[max(0, match.start() - 80) : match.start()], max(0, match.start() - 80))
        if people and people[-1].end == match.start():
            return people[-1]
    if page.search(CHAIR_BY_TITLE, 0, HEAD):
        # the chair named in the list: "Mme Hélène DE COMARMOND, Maire"
        for title in sorted(p for word in _TITLES for p in page.positions_of(word)):
            if title >= 8000:
                break
            if "," not in low[max(0, title - 4) : title]:
                continue  # "Mme Hélène DE COMARMOND, Maire": a comma before the title
            at = max(0, title - 80)
            people = find_people(text[at:title], at)
            if people and CHAIR_TITLE_AFTER.regex.match(low, people[-1].end, people[-1].end + 20):
                return people[-1]
    return None


def opening_and_closing(page: FlatText) -> tuple[dt.time | None, dt.time | None]:
    opened = page.search(OPENED)
    closed = page.search(CLOSED)
    return (
        parse_clock(opened.group("clock")) if opened else None,
        parse_clock(closed.group("clock")) if closed else None,
    )


def authority(page: FlatText) -> str | None:
    text = page.text
    for term in (AUTHORITY_BY_CHAIR, AUTHORITY_COMMUNITY):
        match = page.search(term, 0, HEAD)
        if match and text[match.start("name")].isupper():
            return squash(text[match.start("name") : match.end("name")])
        if term is AUTHORITY_BY_CHAIR:
            named = _named_after(page, AUTHORITY_COMMUNE, 4)
            if named:
                return named
    return _named_after(page, AUTHORITY_DEPARTMENT, 1)


def _named_after(page: FlatText, term: Term, most: int) -> str | None:
    """ "Commune de Tronget", "Département de la Dordogne": the keyword, capitalised, and up to
    ``most`` capitalised words after it."""
    text = page.text
    for match in page.finditer(term, 0, HEAD):
        start, end = match.start(), match.end()
        if not text[start].isupper():
            continue
        words: list[re.Match[str]] = []
        for word in _CAPITALISED.finditer(text, end, min(len(text), end + 120)):
            gap = text[(words[-1].end() if words else end) : word.start()]
            if (words and not re.fullmatch(r"[\s-]", gap)) or (not words and gap):
                break
            if words and _NOT_A_NAME_WORD.match(word.group()):
                break
            words.append(word)
            if len(words) == most:
                break
        if words:
            return squash(text[start : words[-1].end()])
    return None


def council(page: FlatText) -> str | None:
    match = page.search(COUNCIL)
    return squash(page.text[match.start() : match.end()]) if match else None


def order_of_passage(page: FlatText) -> list[int] | None:
    match = page.search(ORDER_OF_PASSAGE)
    if not match:
        return None
    return [int(n) for n in re.findall(r"\d+", match.group("items"))]
