"""The meeting's header: authority, council, date, place, chair, convocation, opening and closing.

Keywords are matched on the folded text (``vocabulary``), names and places read on the flat text
at the same offsets. A header lies in the first few thousand characters: that is all it reads.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .french import parse_clock, parse_french_date, spelled_dates
from .layout import FlatText, fold, indexed, squash
from .persons import NamedPerson, find_people
from .vocabulary import (
    AUTHORITY,
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
)

HEAD = 6000  # a header fits in the first pages
_TITLES = indexed("maire", "president", "presidente")
_MINUTES_OF = re.compile(r"(?:proces[- ]verbal|compte[- ]rendu|approbation|approuve)[^.]*$")
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
    # a heading comes before the attendance lists: "…du conseil municipal du 16 mai 2022" later on
    # is another meeting's minutes being approved
    for match in page.finditer(MEETING_HEADING, 0, min(4000, _lists_start(page))):
        if match.start() > 300 and _MINUTES_OF.search(page.low, max(0, match.start() - 80), match.start()):
            continue  # "observations sur le procès-verbal de la séance du 19 décembre 2022": another meeting
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
    found = parse_french_date(match.group(1)) if match else None
    if match and found:
        return match.start(), found
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


# words that end an authority's name: headings, labels and sentence openings around it ("VILLE DE
# TAVERNY COMPTE-RENDU", "Commune d'Onet-le-Château Vu le code", "Eurométropole de Strasbourg Mmes")
_NAME_STOP = re.compile(
    r"(?:S[ÉEée]ANCE|S[ée]ance|EXTRAIT|Extrait|ARRONDISSEMENT|Arrondissement|D[ÉE]PARTEMENT|D[ée]partement|CANTON|Canton|"
    r"CONSEIL|Conseil|MUNICIPAL|COMMUNAUTAIRE|PROC[ÈE]S|Proc[èe]s|VERBAL|COMPTE|Compte|RENDU|REGISTRE|Registre|"
    r"D[ÉE]LIB[ÉE]RATIONS?|D[ée]lib[ée]rations?|R[ÉE]PUBLIQUE|R[ée]publique|DIRECTION|Direction|LISTE|Liste|"
    r"PR[ÉE]SENTS?|Pr[ée]sents?|ABSENTS?|Absents?|EXCUS[ÉE]S?|Pr[ée]sidente?|PR[ÉE]SIDENTE?|Maire|MAIRE|Date|DATE|"
    r"Nombre|NOMBRE|Vu|VU|Il|Elle|Le|La|Les|LE|LA|LES|Mmes|Mme|MM|M|Monsieur|Madame|Rapporteur|Budget|Objet|OBJET|"
    r"Secr[ée]taire|Ordre|ORDRE|Sous|SOUS|Salle|SALLE|Mairie|MAIRIE|Place|Tél|Tel|BP|CS|Cedex|CEDEX|Communes|COMMUNES|"
    r"Agglom[ée]ration|AGGLOM[ÉE]RATION)(?![\w'’])"
)
_NAME_WORD = re.compile(
    r"[A-ZÀ-Ý][\w'’-]*|(?:sur|sous|lès|lez|les|le|la|de|du|des|en|et|d'|l')(?=\s|[A-ZÀ-Ý])"
)
_BETWEEN_WORDS = re.compile(r"\s{0,2}-\s{1,2}|\s{1,3}")
_PARTICLES = frozenset("sur sous lès lez les le la de du des en et d' l'".split())
# which kinds of authority each kind of council belongs to, most likely first; another kind
# named in the header (the département of a commune, a community's member commune) is no answer
_KINDS = {
    "municipal": ("commune", "council_of", "mayor_of"),
    "epci": ("epci_chair", "epci", "epci_council_of"),
    "department": ("department",),
    "board": ("ccas",),
    "unknown": (
        "commune",
        "council_of",
        "mayor_of",
        "epci_chair",
        "epci",
        "epci_council_of",
        "department",
        "ccas",
    ),
}


def authority(page: FlatText) -> str | None:
    """The authority, of the kind its council is. Trusted: a name in the header (before the
    attendance lists), a chair's or a mayor's title ("Président de la Communauté X", "Maire de X"),
    or a name the pages repeat (a running header, "Mairie de Nanterre")."""
    text = page.text
    header_end = min(HEAD, _lists_start(page))
    names: dict[str, list[tuple[str, int]]] = {}
    kinds = _KINDS[_council_kind(council(page))]
    for match in page.finditer(AUTHORITY, 0, HEAD):
        kind = match.lastgroup or ""
        if kind not in kinds:
            continue
        capitalised = text[match.start()].isupper()
        if kind in ("commune", "department", "ccas", "epci", "mayor_of") and not capitalised:
            if not (kind == "commune" and text[match.end() : match.end() + 2].isupper()):
                continue  # "la commune de X" in a sentence is a mention; "la mairie de MESLAY-DU-MAINE" names it
        name_start = match.end()
        if kind == "epci_chair":  # the name begins with its own "Communauté de communes …"
            inner = AUTHORITY.regex.match(page.low, match.end())
            name_start = inner.end() if inner and inner.lastgroup == "epci" else match.end()
        end = _name_end(page, name_start)
        if end is None:
            continue
        if kind in ("council_of", "mayor_of"):
            name = squash(text[match.end() : end])
            name = ("Commune d'" if fold(name[:1]) in "aeiouyh" else "Commune de ") + name
        elif kind in ("epci_chair", "epci_council_of"):
            name = squash(text[name_start if kind == "epci_chair" else match.end() : end])
            name = squash(text[match.end() : end]) if kind == "epci_chair" else name
        else:
            name = squash(text[match.start() : end])
        names.setdefault(kind, []).append((name, match.start()))
    for kind in kinds:
        for name, start in names.get(kind, ()):
            repeated = sum(fold(other) == fold(name) for other, _start in names[kind]) >= 2
            if start < header_end or kind in ("epci_chair", "mayor_of") or repeated:
                return name
    return None


def _lists_start(page: FlatText) -> int:
    from .attendance import sections

    found = sections(page)
    return found[0].start if found else len(page.text)


def _council_kind(name: str | None) -> str:
    if name is None:
        return "unknown"
    low = fold(name)
    if "communaut" in low or "metropol" in low or low.startswith("bureau"):
        return "epci"
    if "departemental" in low or "commission permanente" in low:
        return "department"
    if "administration" in low:
        return "board"
    return "municipal"


def _name_end(page: FlatText, start: int) -> int | None:
    """Where the capitalised words of a name from this offset end: "Garges-lès-Gonesse", "Bastides
    en Haut Agenais Périgord", "Ecueillé - Valençay"; up to six words, all in capitals or none, never
    a heading word; lowercase particles only between."""
    text = page.text
    words: list[re.Match[str]] = []
    position = start
    while len(words) < 9:
        gap = _BETWEEN_WORDS.match(text, position) if words else re.compile(r" ?").match(text, position)
        at = gap.end() if gap else position
        word = _NAME_WORD.match(text, at)
        if not word or _NAME_STOP.match(word.group()) or (not words and word.group() in _PARTICLES):
            break
        if words and at == position and not words[-1].group().endswith(("'", "’")):
            break
        previous = words[-1].group() if words else ""
        if previous and previous not in _PARTICLES and word.group() not in _PARTICLES:
            if previous.isupper() != word.group().isupper():
                break  # "BAGNEUX Ar", "TOURAINE-EST VALLEES Il": the name was in capitals, the next word is not
        words.append(word)
        position = word.end()
    while words and words[-1].group() in _PARTICLES:
        words.pop()
    capitals = [w for w in words if w.group() not in _PARTICLES]
    if not capitals or len(capitals) > 6 or len(text[start : words[-1].end()].strip()) < 2:
        return None
    return words[-1].end()


def council(page: FlatText) -> str | None:
    if "council" not in page.memo:
        page.memo["council"] = _council(page)
    return page.memo["council"]  # type: ignore[return-value]


def _council(page: FlatText) -> str | None:
    match = page.search(COUNCIL)
    return squash(page.text[match.start() : match.end()]) if match else None


def order_of_passage(page: FlatText) -> list[int] | None:
    match = page.search(ORDER_OF_PASSAGE)
    if not match:
        return None
    return [int(n) for n in re.findall(r"\d+", match.group("items"))]
