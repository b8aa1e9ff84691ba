"""Read a register extract into plain records: what the document says, as it says it.

The reader is built around labels that extracts of every authority share
("Etaient présents", "Procurations", "Secrétaire de séance", "Délibération n°",
"Pour :", "en exercice"), not around one layout: sections run from their label
to the next label, whatever the line breaks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from registre.core import Window

from .errors import DocumentError
from .french import parse_clock, parse_french_date
from .layout import FlatText, squash
from .persons import CIVILITY, NamedPerson, find_people, is_substitute_note
from .windows import parse_window

_I = re.I

SECTION_LABELS = {
    "present": r"(?:[ée]taient|sont|[ée]tait)\s+pr[ée]sente?s?(?:\s+ou\s+repr[ée]sent[ée]e?s)?\s*:|\bPr[ée]sente?s\s*:(?!\s*\d)",
    "absent": r"(?:[ée]taient|sont|[ée]tait)\s+(?:absente?s?|excus[ée]e?s?)(?:\s+excus[ée]e?s?)?\s*:|\b(?:Absente?s?|Excus[ée]e?s?)(?:\s+excus[ée]e?s?)?\s*:(?!\s*\d)",
    "proxies": r"\b(?:Procurations?|Pouvoirs?|Mandats?)(?:\s+de\s+vote)?\s*:(?!\s*\d)",
    "secretary": r"\bSecr[ée]taire\s+de\s+(?:la\s+)?s[ée]ance\s*:",
    "deliberation": r"\bD[ée]lib[ée]ration\s+n\s*°",
}
_SECTION = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in SECTION_LABELS.items()), _I)


@dataclass
class ListedMember:
    person: NamedPerson
    commune: str | None
    present: bool
    window: Window | None
    substitute: bool


@dataclass
class StatedProxy:
    principal: NamedPerson
    holder: NamedPerson
    window: Window | None


@dataclass
class StatedVote:
    unanimous: bool = False
    majority: bool = False
    no_vote: bool = False
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    not_participating: int | None = None
    voters: int | None = None
    present: int | None = None
    represented: int | None = None


@dataclass
class StatedDeliberation:
    number: str
    item: int | None
    title: str
    rapporteur: str | None
    committee: str | None
    interested: list[NamedPerson]
    vote: StatedVote
    line: int
    budget_line: str | None = None
    decision: str = ""
    span: tuple[int, int] = (0, 0)  # offsets of the deliberation in the original text


@dataclass
class StatedExtract:
    source: str
    authority: str | None
    council: str | None
    date: dt.date | None
    place: str | None
    chair: NamedPerson | None
    secretary: NamedPerson | None
    opened_at: dt.time | None
    closed_at: dt.time | None
    members_in_office: int | None
    order_of_passage: list[int] | None
    listed: list[ListedMember]
    proxies: list[StatedProxy]
    deliberations: list[StatedDeliberation]
    warnings: list[str] = field(default_factory=list)
    convened_on: dt.date | None = None
    original: str = ""  # the text as read, line breaks kept, for renderers and error messages


def read_extract(source: str, original: str) -> StatedExtract:
    flat = FlatText.of(original)
    text = flat.text
    sections = _sections(text)
    listed = _listed_members(text, sections)
    deliberations = _deliberations(flat, sections)
    date = _meeting_date(text)
    if not listed and not deliberations:
        raise DocumentError(
            source, "aucun extrait de registre reconnu",
            line=flat.line_of(len(text.rstrip())),
            hint="attendu : la liste des présents (« Etaient présents : ») et au moins une "
            "« Délibération n° … »",
        )
    if not deliberations:
        last = max((m.person.end for m in listed), default=0)
        raise DocumentError(
            source, "aucune délibération après les listes de présence (document tronqué ?)",
            line=flat.line_of(last), hint="attendu : « Délibération n° … » suivie du vote",
        )
    chair, place = _chair_and_place(text)
    opened, closed = _opening_and_closing(text)
    return StatedExtract(
        source=source,
        authority=_authority(text),
        council=_council(text),
        date=date,
        place=place,
        chair=chair,
        secretary=_secretary(text, sections),
        opened_at=opened,
        closed_at=closed,
        members_in_office=_members_in_office(text),
        order_of_passage=_order_of_passage(text),
        listed=listed,
        proxies=_proxies(text, sections),
        deliberations=deliberations,
        convened_on=_convened_on(text),
        original=original,
    )


def _sections(text: str) -> list[tuple[str, int, int]]:
    """(name, start of content, end) for each labelled section, in text order."""
    marks = [(m.lastgroup, m.start(), m.end()) for m in _SECTION.finditer(text)]
    sections = []
    for index, (name, _start, content) in enumerate(marks):
        end = marks[index + 1][1] if index + 1 < len(marks) else len(text)
        sections.append((name, content, end))
    return sections


def _first(sections, name):
    return next(((s, e) for n, s, e in sections if n == name), None)


_COMMUNE_LABEL = re.compile(r"([^,:;()]{2,60}?)\s*:\s*$")


def _listed_members(text: str, sections) -> list[ListedMember]:
    listed: list[ListedMember] = []
    seen_sides: set[str] = set()
    for name, start, end in sections:
        if name not in ("present", "absent") or name in seen_sides:
            continue  # a document repeating its attendance block per deliberation
        seen_sides.add(name)
        span = text[start:end]
        span = span[: _end_of_list(span)]
        commune = None
        cursor = 0
        for person in find_people(span, start):
            between = text[start + cursor: person.start]
            label = _COMMUNE_LABEL.search(between.strip(" ,;"))
            if label and not re.search(CIVILITY, label.group(1)):
                commune = squash(label.group(1))
            cursor = person.end - start
            listed.append(_listed(person, commune, name == "present"))
    return listed


def _end_of_list(span: str) -> int:
    """Lists end at the first sentence that is not a name list."""
    stop = re.search(
        r"\b(?:Le\s+quorum|Nombre\s+de|Conseillers?\s+(?:communautaires?|municipaux)\s+en|Rapport\s+n|"
        r"Ordre\s+du\s+jour|Le\s+Conseil|La\s+s[ée]ance|Vu\s+le|Date\s+de)\b", span, _I)
    return stop.start() if stop else len(span)


def _listed(person: NamedPerson, commune: str | None, present: bool) -> ListedMember:
    window = None
    substitute = False
    for note in person.notes:
        if is_substitute_note(note):
            substitute = True
        parsed = parse_window(note)
        if parsed:
            window = parsed
    return ListedMember(person, commune, present, window, substitute)


_PROXY_PAIR = re.compile(
    r"\s*(?:,|;|et)?\s*(?:donne\s+pouvoir|a\s+donn[ée]\s+(?:pouvoir|procuration)|donnant\s+pouvoir|"
    r"repr[ée]sent[ée]e?\s+par|pouvoir|procuration)?\s*(?:[àa]|au|par)\s*$", _I)


def _proxies(text: str, sections) -> list[StatedProxy]:
    where = _first(sections, "proxies")
    proxies: list[StatedProxy] = []
    if where:
        start, end = where
        span = text[start:end]
        people = find_people(span[: _end_of_list(span)], start)
        index = 0
        while index + 1 < len(people):
            principal, holder = people[index], people[index + 1]
            joint = text[principal.end: holder.start]
            if _PROXY_PAIR.fullmatch(joint) or re.fullmatch(r"\s*[àa]\s*", joint):
                proxies.append(StatedProxy(principal, holder, _window_of(holder) or _window_of(principal)))
                index += 2
            else:
                index += 1
    proxies += _proxies_in_notes(text, sections)
    return proxies


def _proxies_in_notes(text: str, sections) -> list[StatedProxy]:
    """"Mme X (pouvoir à M. Y)" inside the absent list."""
    found = []
    for name, start, end in sections:
        if name != "absent":
            continue
        for person in find_people(text[start:end], start):
            for note in person.notes:
                match = re.match(r"(?:pouvoir|procuration|mandat|repr[ée]sent[ée]e?)\s*(?:donn[ée]e?\s*)?(?:[àa]|par)\s+(.*)", note, _I)
                holders = find_people(match.group(1)) if match else []
                if holders:
                    found.append(StatedProxy(person, holders[0], parse_window(note)))
        break
    return found


def _window_of(person: NamedPerson) -> Window | None:
    for note in person.notes:
        window = parse_window(note)
        if window:
            return window
    return None


def _secretary(text: str, sections) -> NamedPerson | None:
    where = _first(sections, "secretary")
    if not where:
        return None
    people = find_people(text[where[0]: min(where[1], where[0] + 200)], where[0])
    return people[0] if people else None


_NUMBER = r"(\d[\d\s]{0,6}\d|\d)"


def _members_in_office(text: str) -> int | None:
    match = re.search(r"en\s+exercice\s*:?\s*" + _NUMBER, text, _I)
    return int(re.sub(r"\s", "", match.group(1))) if match else None


def _order_of_passage(text: str) -> list[int] | None:
    match = re.search(r"Ordre\s+de\s+passage[^:]{0,40}:\s*((?:\d+\s*[,;]?\s*(?:et\s+)?)+)", text, _I)
    if not match:
        return None
    return [int(n) for n in re.findall(r"\d+", match.group(1))]


def _meeting_date(text: str) -> dt.date | None:
    match = re.search(r"S[ée]ance\s+(?:publique\s+)?du\s+(.{6,40}?\d{4})", text, _I)
    return parse_french_date(match.group(1)) if match else None


def _convened_on(text: str) -> dt.date | None:
    match = re.search(r"convoqu[ée]e?s?\s+le\s+(.{6,40}?\d{4})", text, _I)
    return parse_french_date(match.group(1)) if match else None


def _chair_and_place(text: str) -> tuple[NamedPerson | None, str | None]:
    place = None
    match = re.search(r"r[ée]uni(?:e|s)?\s+(?:[àa]|en|au|dans)\s+(.{3,200}?)\s*,?\s+sous\s+la\s+pr[ée]sidence", text, _I)
    if match:
        place = squash(match.group(1))
    chair = None
    match = re.search(r"sous\s+la\s+pr[ée]sidence\s+de\s+(.{0,120})", text, _I)
    if match:
        people = find_people(match.group(1), match.start(1))
        chair = people[0] if people else None
    return chair, place


def _opening_and_closing(text: str) -> tuple[dt.time | None, dt.time | None]:
    opened = re.search(r"s[ée]ance\s+est\s+ouverte\s+[àa]\s+(\d{1,2}\s*h\s*\d{0,2})", text, _I)
    closed = re.search(r"(?:lev[ée]e|close)\s+[àa]\s+(\d{1,2}\s*h\s*\d{0,2})", text, _I)
    return (parse_clock(opened.group(1)) if opened else None, parse_clock(closed.group(1)) if closed else None)


def _authority(text: str) -> str | None:
    patterns = (
        r"Pr[ée]sidente?\s+(?:de\s+la\s+|du\s+|de\s+l'|de\s+)((?:Communaut[ée]|M[ée]tropole|Grand|Conseil|D[ée]partement|R[ée]gion)[^,.;:()]{2,80}?|[A-Z][^,.;:()]{2,80}?M[ée]tropole)\s*[,.;]",
        r"\b((?:Commune|Ville|Mairie)\s+d(?:e\s+|')[A-Z][^\s,.;:]+(?:[\s-][A-Za-z][^\s,.;:]+){0,3})",
        r"\b(Communaut[ée]\s+(?:urbaine|d'agglom[ée]ration|de\s+communes)\s+[^,.;:()]{2,60}?)\s*(?:,|\.|;|\s{2})",
    )
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            return squash(match.group(1))
    return None


def _council(text: str) -> str | None:
    match = re.search(r"\b(Conseil\s+(?:de\s+Communaut[ée]|communautaire|municipal|m[ée]tropolitain|d[ée]partemental|r[ée]gional)|Bureau\s+communautaire|Commission\s+permanente)", text, _I)
    return squash(match.group(1)) if match else None


# -- deliberations -----------------------------------------------------------

def _deliberations(flat: FlatText, sections) -> list[StatedDeliberation]:
    text = flat.text
    starts = [start for name, start, _end in sections if name == "deliberation"]
    found = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        body = text[start:end]
        number = re.match(r"\s*([\w./-]*\d[\w./-]*)", body)
        if not number:
            continue
        found.append(_deliberation(flat, start, body, number.group(1).rstrip("./-"), index))
    return found


def _deliberation(flat: FlatText, start: int, body: str, number: str, index: int) -> StatedDeliberation:
    report = re.search(r"(?:Rapport|Question|Point|Affaire)\s+n\s*°\s*(\d+)\s*[-–:]?\s*(.{0,300}?)(?=\s{2,}|$)", body, _I)
    item = int(report.group(1)) if report else None
    title = squash(report.group(2)) if report else ""
    rapporteur = re.search(r"Rapporteur\s*:\s*(.{0,120}?)(?=\s{2,}|$)", body, _I)
    committee = re.search(r"Commission\s*:\s*(.{0,200}?)(?=\s{2,}|$)", body, _I)
    budget = re.search(r"Inscription\s+budg[ée]taire\s+(.{0,200}?)(?=\s{2,}Montant|\s{3,}|$)", body, _I)
    decision = re.search(r"((?:[AÀ]\s+l'unanimit[ée]|[AÀ]\s+la\s+majorit[ée])[^:]{0,80}:.*?)(?:Pour\s+extrait|$)", body, _I)
    return StatedDeliberation(
        number=number,
        item=item,
        title=title,
        rapporteur=squash(rapporteur.group(1)) if rapporteur else None,
        committee=squash(committee.group(1)) if committee else None,
        interested=_interested(body),
        vote=_stated_vote(body),
        line=flat.line_of(start),
        budget_line=squash(budget.group(1)) if budget else None,
        decision=squash(decision.group(1)) if decision else "",
        span=(start, start + len(body)),
    )


_INTERESTED = re.compile(
    r"((?:(?:%s)\s*)?(?:[^.:;]|\b(?:M|MM|Mr)\.){0,600}?)\s*,?\s*(?:(?:conseill[eè]re?s?|[ée]lue?s?|membres?)\s+int[ée]ress[ée]e?s?\s*,?\s*)?"
    r"ne\s+(?:prenn?e?nt|prend)\s+(?:pas\s+)?part\s+(?:ni\s+)?(?:au\s+d[ée]bat\s*,?\s*(?:ni|et)\s+)?au\s+vote" % CIVILITY,
    _I,
)


def _interested(body: str) -> list[NamedPerson]:
    match = _INTERESTED.search(body)
    if not match:
        return []
    return find_people(match.group(1))


def _count(body: str, label: str) -> int | None:
    match = re.search(label + r"\s*\*?\s*:\s*(\d{1,4})\b", body, _I)
    return int(match.group(1)) if match else None


def _stated_vote(body: str) -> StatedVote:
    vote = StatedVote()
    vote.unanimous = bool(re.search(r"[àa]\s+l'unanimit[ée]", body, _I))
    vote.majority = bool(re.search(r"[àa]\s+la\s+majorit[ée]", body, _I))
    vote.no_vote = bool(re.search(r"\bprend\s+acte\b", body, _I)) and not (vote.unanimous or vote.majority)
    vote.votes_for = _count(body, r"\bPour")
    vote.votes_against = _count(body, r"\bContre")
    vote.abstentions = _count(body, r"\bAbstentions?")
    vote.not_participating = _count(body, r"(?:Conseillers?\s+int[ée]ress[ée]s|Ne\s+prenant\s+pas\s+part\s+au\s+vote)")
    vote.voters = _count(body, r"\bVotants")
    return vote
