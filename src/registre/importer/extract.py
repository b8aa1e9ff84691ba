"""Read a register extract into plain records: what the document says, as it says it.

The reader is built around labels that extracts of every authority share ("Etaient présents",
"Procurations", "Secrétaire de séance", "Délibération n°", "Pour :", "en exercice"), not around
one layout: sections run from their label to the next label, whatever the line breaks. The
small readers do the rest: ``counts`` (count blocks), ``votes`` (vote phrasings), ``windows``
(attendance windows), ``persons`` (names), ``french`` (dates, numbers), ``traps`` (what a
checker must flag, never "fix").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from registre.core import Window
from registre.core.violations import Violation, warning

from .counts import VOTE_KINDS, Count, covers, plain, read_counts, with_ranges
from .errors import DocumentError
from .french import parse_clock, parse_french_date, spelled_dates
from .layout import FlatText, squash
from .persons import CIVILITY, NamedPerson, Roster, find_people, is_substitute_note
from .votes import StatedVote, VoteReading, read_votes
from .windows import read_window

_I = re.I

# words before "ayant donné pouvoir :" that belong to the label ("Etaient excusés et avaient donné pouvoir :")
_PROXY_PREFIX = re.compile(
    r"(?:(?:[ée]taient|[ée]tait|absente?s?|absent\(e\)s|excus[ée]e?s?|et|titulaires?|d[ée]l[ée]gu[ée]s|"
    r"conseillers?|membres)\s+){1,4}$",
    re.I,
)
_E = (
    r"(?:e|\(e\))?(?:s|\(s\)|\(es\))?"  # endings: "Absent(e)s", "Procuration(s)", "Excusé(e)(s)", "présentes"
)
SECTION_LABELS = {
    "proxies": (
        r"\b(?:ayant|ont|a|avaient|avait)\s+donn[ée]\s+(?:pouvoir|procuration|mandat)"
        + _E
        + r"(?:\s+[ée]crit)?(?:\s+de\s+voter\s+en\s+(?:leur|son)\s+nom)?\s*:"
        r"|\b(?:Procuration|Pouvoir|Mandat)" + _E + r"(?:\s+de\s+vote)?\s*:(?!\s*\d)"
    ),
    "present": (
        r"(?:[ée]taient|sont|[ée]tait)\s+pr[ée]sent" + _E + r"(?:\s+ou\s+repr[ée]sent[ée]e?s)?\s*:(?!\s*\d)"
        r"|\b(?:D[ée]l[ée]gu[ée]s|Membres|Conseillers?(?:\s+(?:municipaux|communautaires))?)\s+pr[ée]sent"
        + _E
        + r"(?:\s*\([^()]{0,80}\))?\s*:"
        r"|\bPr[ée]sent" + _E + r"(?:\s+titulaires?(?:\s*(?:/|et|ou)\s*suppl[ée]ants?)?)?\s*:(?!\s*\d)"
        r"|\bPr[ée]sents?\s+[àa]\s+l'ouverture\s+de\s+la\s+s[ée]ance\s*:"
    ),
    "absent": (
        r"(?:[ée]taient|sont|[ée]tait)\s+(?:absent|excus[ée])"
        + _E
        + r"(?:\s+excus[ée]"
        + _E
        + r")?\s*:(?!\s*\d)"
        r"|\b(?:D[ée]l[ée]gu[ée]s\s+|Conseillers?\s+|Membres\s+)?(?:Absent|Excus[ée])"
        + _E
        + r"(?:\s+excus[ée]"
        + _E
        + r")?\s*:(?!\s*\d)"
    ),
    "secretary": r"\b(?:[ÉE]lue?\s+)?Secr[ée]taire(?:\s+de\s+(?:la\s+)?s[ée]ance)?\s*:",
}
# the lookahead lets the engine skip, at most positions, the whole alternation
_SECTION = re.compile(
    r"(?<!\w)(?=[ÉEéeSsDdMmCcPpAaOoXx])(?:"
    + "|".join(f"(?P<{name}>{rx})" for name, rx in SECTION_LABELS.items())
    + ")",
    _I,
)
_LIST_END = re.compile(
    r"\b(?:Le\s+quorum|Nombre\s+de|Conseillers?\s+(?:communautaires?|municipaux)\s+en|Rapport\s+n|"
    r"Ordre\s+du\s+jour|Le\s+Conseil|La\s+s[ée]ance|Vu\s+le|Date\s+de|Objet\s*:|OBJET\b|Envoy[ée]\s+en\s+pr[ée]fecture|"
    r"D[ée]lib[ée]ration\s+n|DEL\d|Votes\s+pour|Conform[ée]ment|Considérant|Après\s+en\s+avoir|Informations|"
    r"Les\s+membres\s+pr[ée]sents|[ÉE]lue?\s+secr[ée]taire|Point\s+n\s*°|Liste\s+des|Direction)",
    _I,
)
_GIVES = (
    r"(?:qui\s+)?(?:donne|donnant|a\s+donn[ée]|ayant\s+donn[ée]|donn[ée]e?)\s+(?:son\s+|sa\s+)?"
    r"(?:pouvoir|procuration|mandat|d[ée]l[ée]gation)(?:\s+de\s+vote)?"
)
_PROXY_JOINT = re.compile(
    r"\s*[,;:]?\s*(?:(?:"
    + _GIVES
    + r"|repr[ée]sent[ée]e?|pouvoir|procuration|mandat)\s*)?(?:[àa]|au|par)\s*",
    _I,
)
_SUBSTITUTION = re.compile(r"\s*,?\s*(?:suppl[ée]{2}e?|remplac[ée]e?)\s+par\s*", _I)
_ABSENT_PROXY_JOINT = re.compile(
    r"\s*,?\s*(?:"
    + _GIVES
    + r"\s+(?:[àa]|au)|(?:qui\s+est\s+)?repr[ée]sent[ée]e?\s+par|(?:pouvoir|procuration)\s+[àa])\s*",
    _I,
)
_NOTE_PROXY = re.compile(
    r"(?:pouvoir|procuration|mandat|d[ée]l[ée]gation|repr[ée]sent[ée]e?)(?:\s+de\s+vote)?\s*(?:donn[ée]e?\s*)?(?:[àa]|au|par)\s+(.*)",
    _I,
)

_CODE = r"[A-Z]{0,8}[_/-]?\d[\dA-Za-z_./-]*[\dA-Za-z]|\d+"
_HEADERS = (
    # "Délibération n° 01-02", "DÉLIBÉRATION DU CONSEIL MUNICIPAL N° DEL_20220628_1", not "la délibération n°…"
    re.compile(
        r"(?-i:(?<!la )(?<!La )(?<!LA )(?<!de )(?<!l'))\bD[ÉEée]LIB[ÉEée]RATION\s+(?:du\s+(?:conseil|bureau|comit[ée])\s+\w+\s+)?"
        r"N\s*[°o]\s*(?P<num>" + _CODE + r")",
        _I,
    ),
    re.compile(r"\bD[ÉE]LIB[ÉE]RATION\s+(?P<num>[A-Z]{1,6}_\d{4}_\d{1,4})\b"),
    # "Délibération 2024-12 : …" without "n°"
    re.compile(
        r"(?-i:(?<!la )(?<!La )(?<!LA )(?<!de )(?<!l'))\bD[ÉEée]LIB[ÉEée]RATION\s+(?P<num>\d{4}[-/_.]\d{1,4})\b",
        _I,
    ),
    re.compile(r"(?<![\w/-])(?P<num>[A-Z]{2,6}[_ ]?\d{4}[-_]\d{1,4}(?:[-_.]\d+)?)\s+Objet\s*:"),
    re.compile(r"(?<![,(]\s)(?<![,(])\bPoint\s+n\s*°\s*(?P<item>\d{1,3})\b(?![^()]{0,40}\))", _I),
    # "n°2023-001 Signature …", "N° 2024-08 – Objet : …" (not "la délibération n°2020-087 du …")
    re.compile(
        r"(?:(?<=\s)|^)(?<!ration )(?<!ration n)[Nn]\s*°\s*(?P<num>\d{4}[-/_.]\d{1,4}|\d{1,4}[-/_.]\d{4})\s*[-–:]?\s*"
        r"(?=Objet\b|OBJET\b|[A-ZÀ-Ý])"
    ),
)
_SINGLE_IDS = (
    re.compile(r"\bN\s*°\s*(?P<num>\d{1,4}(?:\s?[/_ -]\s?\d{1,4}){1,3})\b"),
    re.compile(r"(?<![\w/-])(?P<num>[A-Z]{2,8}/\d{1,4}-\d{4}|\d{4}/\d{3,4})(?![\w/-])"),
    re.compile(r"\bID\s*:\s*\d{3}-\d{9}-\d{8}-(?P<num>\w+?)-(?:DE|AR|AU|CC)\b"),
)
_ITEM_IN_BODY = re.compile(
    r"(?:Rapport|Question|Point|Affaire)\s+n\s*°\s*(\d+)\s*[-–:]?\s*(.{0,300}?)(?=\s{2,}|$)", _I
)


@dataclass
class ListedMember:
    person: NamedPerson
    commune: str | None
    present: bool
    window: Window | None
    substitute: bool
    clock: str | None = None  # a clock-time window that names no item


@dataclass
class StatedProxy:
    principal: NamedPerson
    holder: NamedPerson
    window: Window | None
    clock: str | None = None


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
    votes: list[StatedVote] = field(default_factory=list)  # every vote, when the item has several
    counts: dict[str, int] = field(default_factory=dict)  # attendance figures the deliberation prints
    reading: VoteReading | None = None
    numbered: bool = True


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
    counts: dict[str, int] = field(default_factory=dict)  # figures the document prints for the meeting
    all_counts: list[Count] = field(default_factory=list)
    findings: list[Violation] = field(default_factory=list)  # reading assumptions and traps
    flat: str = ""
    plain: str = ""


ATTENDANCE_KINDS = (
    "members_in_office",
    "legal_members",
    "present",
    "present_titulaires",
    "present_suppleants",
    "absent",
    "represented",
    "proxies",
    "voters",
    "votes_cast",
)


def read_extract(source: str, original: str) -> StatedExtract:
    from .traps import document_traps  # the traps read what this module reads

    flat = FlatText.of(original)
    text = flat.text
    low = plain(text)
    sections = _sections(text)
    findings: list[Violation] = []
    listed, proxies, block_end = _attendance(text, sections, findings)
    counts = with_ranges(text, read_counts(text, low))
    meeting_counts = {}
    for count in counts:
        if count.kind in ATTENDANCE_KINDS and not _inside_a_vote(text, count) and count.window is None:
            meeting_counts.setdefault(count.kind, count.value)
    deliberations = _deliberations(flat, low, block_end, counts)
    if not listed and not deliberations and not meeting_counts:
        raise DocumentError(
            source,
            "aucun extrait de registre reconnu",
            line=flat.line_of(len(text.rstrip())),
            hint="attendu : la liste des présents (« Etaient présents : »), des comptes (« en exercice : ») "
            "ou au moins une « Délibération n° … »",
        )
    if not deliberations:
        last = max((m.person.end for m in listed), default=0)
        findings.append(
            warning(
                "no_deliberation",
                f"Aucune délibération après les listes de présence (document tronqué ?), ligne {flat.line_of(last)} ; "
                "la séance et les présences sont lues, il n'y a aucun vote à vérifier.",
            )
        )
    chair, place = _chair_and_place(text)
    opened, closed = _opening_and_closing(text)
    stated = StatedExtract(
        source=source,
        authority=_authority(text),
        council=_council(text),
        date=_meeting_date(text),
        place=place,
        chair=chair,
        secretary=_secretary(text, sections),
        opened_at=opened,
        closed_at=closed,
        members_in_office=meeting_counts.get("members_in_office"),
        order_of_passage=_order_of_passage(text),
        listed=listed,
        proxies=proxies,
        deliberations=deliberations,
        convened_on=_convened_on(text, _meeting_date(text)),
        original=original,
        counts=meeting_counts,
        all_counts=counts,
        findings=findings,
        flat=text,
        plain=low,
    )
    stated.findings += document_traps(stated)
    return stated


# -- attendance ------------------------------------------------------------------------------


def _sections(text: str) -> list[tuple[str, int, int]]:
    """(name, start of content, end) for each labelled section, in text order."""
    marks = []
    for match in _SECTION.finditer(text):
        start = match.start()
        if match.lastgroup == "proxies":
            prefix = _PROXY_PREFIX.search(text, max(0, start - 80), start)
            start = prefix.start() if prefix else start
        marks.append((match.lastgroup, start, match.end()))
    sections = []
    for index, (name, _start, content) in enumerate(marks):
        end = marks[index + 1][1] if index + 1 < len(marks) else len(text)
        sections.append((name, content, end))
    return sections


def _first(sections, name):
    return next(((s, e) for n, s, e in sections if n == name), None)


_COMMUNE_LABEL = re.compile(r"([^,:;()]{2,60}?)\s*:\s*$")


def _end_of_list(span: str, proxies: bool = False) -> int:
    """Lists end at the first sentence that is not a name list."""
    # a window note names deliberations: "(à compter de la délibération n°3)" does not end the list
    masked = re.sub(r"\([^()]{0,160}\)", lambda m: " " * len(m.group()), span)
    for stop in _LIST_END.finditer(masked):
        if proxies and re.match(r"Nombre\s+de", stop.group(), _I):
            continue  # "Procurations : 7 … Nombre de votants : 34" printed inside the list by a second column
        return stop.start()
    return len(span)


def _attendance(text: str, sections, findings: list[Violation]):
    """The first attendance block: present and absent lists, proxies. A document repeating its
    block before each deliberation is read once."""
    listed: list[ListedMember] = []
    proxies: list[StatedProxy] = []
    roster = Roster()
    block_end = 0
    seen_present = False
    block: list[tuple[str, int, int, list[NamedPerson]]] = []
    for name, start, end in sections:
        span = text[start:end]
        # a proxy list is read pair by pair: counts of another column inside it do not end it
        span_end = start + _end_of_list(span, proxies=name == "proxies")
        people = find_people(text[start:span_end], start, list_mode=name != "secretary")
        if name == "present" and people:
            if seen_present:
                break
            seen_present = True
        block.append((name, start, span_end, people))
        if name != "proxies":
            block_end = max(block_end, (people[-1].end if people else start))
        if name == "secretary":
            block_end = max(block_end, (people[0].end if people else start))
    for name, start, end, people in block:
        if name in ("present", "absent"):
            for person in people:
                roster.add(person)
    for name, start, end, people in block:
        if name == "present" or name == "absent":
            listed += _list_members(text, name, start, people, proxies, findings)
        elif name == "proxies":
            pairs = _proxy_pairs(text, people, roster, findings, end)
            proxies += pairs
            block_end = max(
                [block_end] + [max(p.principal.end, p.holder.end) for p in pairs if p.holder.end >= start]
            )
    # "(pouvoir à Christian MAZUC)" inside the absent list or the proxy list
    principals = {p.principal.key for p in proxies}
    noted = [line.person for line in listed if not line.present]
    noted += [person for name, _s, _e, people in block if name == "proxies" for person in people]
    for person in noted:
        for note in person.notes:
            match = _NOTE_PROXY.search(note)
            holders = find_people(match.group(1)) if match else []
            if holders and person.key not in principals:
                principals.add(person.key)
                proxies.append(StatedProxy(person, holders[0], read_window(note).window))
    return listed, proxies, block_end


def _list_members(text, name, start, people, proxies, findings) -> list[ListedMember]:
    present = name == "present"
    members: list[ListedMember] = []
    commune = None
    cursor = start
    index = 0
    while index < len(people):
        person = people[index]
        between = text[cursor : person.start]
        label = _COMMUNE_LABEL.search(between.strip(" ,;"))
        if label and not re.search(CIVILITY, label.group(1)) and not re.search(r"\d", label.group(1)):
            commune = squash(label.group(1))
        nxt = people[index + 1] if index + 1 < len(people) else None
        joint = text[person.end : nxt.start] if nxt else ""
        if nxt and _SUBSTITUTION.fullmatch(joint):
            # "JL Bouchard suppléé par N Ferreira de Souza": the titular is away, the substitute sits
            members.append(_listed(person, commune, False))
            replacement = _listed(nxt, commune, present)
            replacement.substitute = True
            members.append(replacement)
            cursor = nxt.end
            index += 2
            continue
        if nxt and not present and _ABSENT_PROXY_JOINT.fullmatch(joint):
            members.append(_listed(person, commune, False))
            reading = read_window(" ".join(nxt.notes + person.notes))
            proxies.append(StatedProxy(person, nxt, reading.window, reading.clock))
            cursor = nxt.end
            index += 2
            continue
        members.append(_listed(person, commune, present))
        cursor = person.end
        index += 1
    for member in members:
        if member.clock:
            findings.append(
                warning(
                    "clock_time_window_unmapped",
                    f"{member.person.name} : « {member.clock} » est une heure, pas une question ; la fenêtre ne peut "
                    "pas être placée dans l'ordre de passage, le membre est compté pour toute la séance.",
                    members=(member.person.key,),
                )
            )
    return members


def _listed(person: NamedPerson, commune: str | None, present: bool) -> ListedMember:
    window = None
    substitute = False
    clock = None
    for note in person.notes:
        if is_substitute_note(note):
            substitute = True
        reading = read_window(note)
        if reading.window:
            window = reading.window
        elif reading.clock_only:
            clock = reading.clock
    return ListedMember(person, commune, present, window, substitute, clock)


def _proxy_pairs(
    text: str, people: list[NamedPerson], roster: Roster, findings, end: int
) -> list[StatedProxy]:
    proxies = []
    index = 0
    while index < len(people):
        principal = people[index]
        holder = people[index + 1] if index + 1 < len(people) else None
        joint = text[principal.end : holder.start] if holder else text[principal.end : end]
        if holder and _PROXY_JOINT.fullmatch(joint):
            reading = read_window(" ".join(holder.notes + principal.notes))
            proxies.append(StatedProxy(principal, holder, reading.window, reading.clock))
            index += 2
            continue
        split = _split_holder(joint, roster)
        if split:
            findings.append(
                warning(
                    "name_split_by_layout",
                    f"Le mandataire de {principal.name} est coupé par la mise en page ; lu « {split.name} » d'après "
                    "la liste des présents.",
                    members=(split.key,),
                )
            )
            proxies.append(StatedProxy(principal, split, None))
        index += 1
    return proxies


_SPLIT = re.compile(
    r"^\s*,?\s*(?:pouvoir|procuration)?\s*[àa]\s+(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*)\b(?P<rest>.{0,120})",
    re.S,
)


def _split_holder(joint: str, roster: Roster) -> NamedPerson | None:
    """ "Jean-Marc CARTE à Jean-Marc Conseil Municipal peut | DUMONT": a first name, the other
    column's words, then the surname."""
    match = _SPLIT.match(joint)
    if not match:
        return None
    for word in re.findall(r"\b[A-ZÀ-Ý][A-ZÀ-Ý'-]{1,}\b", match.group("rest")):
        found = roster.find(match.group("first"), word)
        if found:
            return found
    return None


def _secretary(text: str, sections) -> NamedPerson | None:
    where = _first(sections, "secretary")
    if where:
        people = find_people(text[where[0] : min(where[1], where[0] + 200)], where[0])
        if people:
            return people[0]
    # "Monsieur Alain PIASER a été désigné secrétaire de séance", "M. Denis HERCULE a été désigné pour
    # assurer les fonctions de Secrétaire"
    for match in re.finditer(
        r"a\s+[ée]t[ée]\s+(?:d[ée]sign[ée]e?|[ée]lue?)\s+(?:comme\s+|pour\s+(?:assurer|remplir)\s+les\s+fonctions\s+de\s+)?secr[ée]taire",
        text,
        _I,
    ):
        people = find_people(text[max(0, match.start() - 80) : match.start()])
        if people:
            return people[-1]
    # "… désignation d'un secrétaire … Mme Yasmine BOUDJENAH ayant obtenu la majorité des suffrages"
    for match in re.finditer(r"secr[ée]taire", text, _I):
        tail = text[match.end() : match.end() + 500]
        elected = re.search(
            r"ayant\s+obtenu\s+la\s+majorit[ée]|a\s+[ée]t[ée]\s+d[ée]sign[ée]e?\s+pour\s+remplir", tail, _I
        )
        if elected:
            people = find_people(tail[max(0, elected.start() - 100) : elected.start()])
            if people:
                return people[-1]
    return None


def _order_of_passage(text: str) -> list[int] | None:
    match = re.search(r"Ordre\s+de\s+passage[^:]{0,40}:\s*((?:\d+\s*[,;]?\s*(?:et\s+)?)+)", text, _I)
    if not match:
        return None
    return [int(n) for n in re.findall(r"\d+", match.group(1))]


_HEADER_DATE = re.compile(
    r"(?:S[ée]ance\s+(?:publique\s+|ordinaire\s+)?(?:du|en\s+date\s+du)\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"|Conseil\s+(?:municipal|communautaire|de\s+communaut[ée]|d[ée]partemental|r[ée]gional|m[ée]tropolitain)\s+(?:du\s+)?"
    r"|Bureau\s+communautaire\s+(?:du\s+)?|Commission\s+permanente\s+(?:du\s+)?|R[ée]union\s+(?:du\s+conseil\s+\w+\s+)?du\s+"
    r"|S[ÉE]ANCE\s+DU\s+CONSEIL\s+\w+\s+EN\s+DATE\s+DU\s+)"
    r"(?P<date>\d{1,2}\s*(?:er)?\s+[A-Za-zéûÉÛ]{3,9}\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})",
    _I,
)


@lru_cache(maxsize=4)
def header_date(text: str) -> tuple[int, dt.date] | None:
    for match in _HEADER_DATE.finditer(text[:4000]):
        date = parse_french_date(match.group("date").lower())
        if date:
            return match.start(), date
    return None


@lru_cache(maxsize=4)
def preamble_date(text: str) -> tuple[int, dt.date] | None:
    """The date the opening sentence spells out ("Le premier décembre deux mille vingt-deux, …")."""
    for offset, date in spelled_dates(text[:6000]):
        before = text[max(0, offset - 120) : offset + 40]
        if re.search(r"convoqu|convocation", before[-60:] if len(before) > 60 else before, _I):
            continue
        return offset, date
    match = re.search(
        r"\ble\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(\d{1,2}\s*(?:er)?\s+[a-zéû]{3,9}\s+\d{4})\s+[àa]\s+\d{1,2}\s*h",
        text[:6000],
        _I,
    )
    if match:
        date = parse_french_date(match.group(1).lower())
        if date:
            return match.start(), date
    return None


def _meeting_date(text: str) -> dt.date | None:
    found = header_date(text) or preamble_date(text)
    return found[1] if found else None


@lru_cache(maxsize=4)
def convened_dates(text: str) -> tuple[dt.date, ...]:
    dates = []
    for match in re.finditer(
        r"(?:convoqu[ée]e?s?(?:\s+par\s+[^,]{0,60}?)?\s+le|convocation(?:\s+du\s+conseil\s+\w+)?\s*:?)\s*(.{4,200})",
        text[:6000],
        _I,
    ):
        tail = match.group(1)
        date = parse_french_date(tail[:60].lower())
        spelled = spelled_dates(tail[:80])
        if spelled and (not date or spelled[0][0] < 10):
            date = spelled[0][1]
        if not date:
            # "Date de convocation : Présents : … 23/11/2023": the value drifted into the list
            date = parse_french_date(tail.lower())
        if date:
            dates.append(date)
    return tuple(dates)


def _convened_on(text: str, meeting: dt.date | None = None) -> dt.date | None:
    dates = convened_dates(text)
    if not dates:
        return None
    if meeting and not (meeting - dt.timedelta(days=92) <= dates[0] <= meeting):
        return None  # "le dix février deux mille Procurations : 5 Vingt-trois": a year cut by the layout
    return dates[0]


def _chair_and_place(text: str) -> tuple[NamedPerson | None, str | None]:
    place = None
    match = re.search(
        r"r[ée]uni(?:e|s)?\s+(?:[àa]|en|au|dans)\s+(.{3,200}?)\s*,?\s+sous\s+la\s+pr[ée]sidence", text, _I
    )
    if match:
        place = squash(match.group(1))
    chair = None
    for pattern in (
        r"sous\s+la\s+pr[ée]sidence\s+d[eu]\s+(.{0,120})",
        r"\bPr[ée]siden(?:te?|ce)(?:\s+de\s+(?:la\s+)?s[ée]ance)?\s*:\s*(.{0,120})",
    ):
        match = re.search(pattern, text, _I)
        if match:
            people = find_people(match.group(1), match.start(1))
            between = text[match.start(1) : people[0].start] if people else ""
            # "sous la présidence de Mme la Maire. Etaient présents : …" names nobody: the next name is not the chair
            if people and len(between) < 40 and not re.search(r"[.;:]", between):
                chair = people[0]
                break
    if chair is None and re.search(
        r"sous\s+la\s+pr[ée]sidence\s+d[eu]\s+(?:M\.|Mme|Monsieur|Madame|son|sa)?\s*(?:l[ea]\s+)?"
        r"(?:Maire|Pr[ée]sidente?)",
        text,
        _I,
    ):
        # the chair named in the list: "Mme Hélène DE COMARMOND, Maire"
        for person in find_people(text[:8000]):
            if re.match(r"\s*,\s*(?:Maire|Pr[ée]sidente?)\b", text[person.end : person.end + 20]):
                chair = person
                break
    return chair, place


def _opening_and_closing(text: str) -> tuple[dt.time | None, dt.time | None]:
    opened = re.search(r"s[ée]ance\s+est\s+ouverte\s+[àa]\s+(\d{1,2}\s*h\s*\d{0,2})", text, _I)
    closed = re.search(
        r"(?:lev[ée]e|close)\s+(?:le\s+\d{1,2}\s+[a-zéû]+\s+)?[àa]?\s*(\d{1,2}\s*h\s*\d{0,2})", text, _I
    )
    return (
        parse_clock(opened.group(1)) if opened else None,
        parse_clock(closed.group(1)) if closed else None,
    )


def _authority(text: str) -> str | None:
    patterns = (
        r"Pr[ée]sidente?\s+(?:de\s+la\s+|du\s+|de\s+l'|de\s+)((?:Communaut[ée]|M[ée]tropole|Grand|Conseil|D[ée]partement|R[ée]gion)[^,.;:()]{2,80}?|[A-Z][^,.;:()]{2,80}?M[ée]tropole)\s*[,.;]",
        r"\b((?:Commune|Ville|Mairie)\s+d(?:e\s+|')[A-Z][^\s,.;:]+(?:[\s-](?!S[ée]ance|Extrait|EXTRAIT|Arrondissement|D[ée]partement|Canton|Conseil|REPUBLIQUE|R[ée]publique|Direction)[A-Z][^\s,.;:]+){0,3})",
        r"\b((?:COMMUNE|VILLE)\s+D(?:E\s+|')[A-Z][A-Z-]+)",
        r"\b(Communaut[ée]\s+(?:urbaine|d'agglom[ée]ration|de\s+communes)\s+[^,.;:()]{2,60}?)\s*(?:,|\.|;|\s{2}|\s+Arrondissement|\s+EXTRAIT)",
        r"\b(D[ée]partement\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+)[A-Z][\w-]+)",
        r"\b((?:COMMUNE|VILLE)\s+D(?:E\s+|')[A-Z][A-Z-]+)",
    )
    for pattern in patterns:
        match = re.search(pattern, text[:6000])
        if match:
            return squash(match.group(1))
    return None


def _council(text: str) -> str | None:
    match = re.search(
        r"\b(Conseil\s+(?:de\s+Communaut[ée]|communautaire|municipal|m[ée]tropolitain|d[ée]partemental|r[ée]gional)|Bureau\s+communautaire|Commission\s+permanente)",
        text,
        _I,
    )
    return squash(match.group(1)) if match else None


# -- deliberations ----------------------------------------------------------------------------


@dataclass
class _Header:
    start: int
    end: int
    number: str | None
    item: int | None


def _headers(text: str) -> list[_Header]:
    found = []
    for pattern in _HEADERS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            number = groups.get("num")
            item = int(groups["item"]) if groups.get("item") else None
            if number:
                number = number.rstrip("./-_")
            found.append(_Header(match.start(), match.end(), number, item))
    found.sort(key=lambda h: h.start)
    kept: list[_Header] = []
    for header in found:
        if kept and header.start < kept[-1].end:
            continue
        kept.append(header)
    return kept


def _norm(number: str | None) -> str:
    return re.sub(r"[\s_./-]", "", number or "").upper()


def _deliberations(flat: FlatText, low: str, block_end: int, counts: list[Count]) -> list[StatedDeliberation]:
    text = flat.text
    headers = _headers(text)
    groups: list[list[_Header]] = []
    for header in headers:
        key = _norm(header.number) if header.number else f"item{header.item}"
        if (
            groups
            and (_norm(groups[-1][0].number) if groups[-1][0].number else f"item{groups[-1][0].item}") == key
        ):
            groups[-1].append(header)
        else:
            groups.append([header])
    # the same number printed again further on (a stamp on each page) does not open a new deliberation
    distinct: list[list[_Header]] = []
    seen: dict[str, list[_Header]] = {}
    for group in groups:
        key = _norm(group[0].number) if group[0].number else f"item{group[0].item}"
        if key in seen:
            continue
        seen[key] = group
        distinct.append(group)
    segments: list[tuple[int, int, str | None, int | None, bool]] = []  # start, end, number, item, numbered
    if len(distinct) >= 2:
        starts = [g[0].start for g in distinct]
        for index, group in enumerate(distinct):
            end = starts[index + 1] if index + 1 < len(starts) else len(text)
            number, item = group[0].number, group[0].item
            if number is None:
                dcm = re.search(r"\bDCM[\s-]*(?P<dcm>[\d.,]+\d)", text[group[0].end : group[0].end + 400])
                number = dcm.group("dcm") if dcm else str(item)
            segments.append((group[0].start, end, number, item, True))
        first = starts[0]
        if block_end < first:
            reading = read_votes(text, low, block_end, first, counts)
            if any(v.result not in (None, "noted") or v.has_figures for v in reading.votes):
                segments.insert(0, (block_end, first, None, None, False))
    else:
        header = distinct[0][0] if distinct else None
        number = header.number if header and header.number else _single_identifier(text)
        item = header.item if header else None
        start = header.start if header else block_end
        if start >= len(text.rstrip()) - 20:
            return []
        reading = read_votes(text, low, start, len(text), counts)
        if not reading.votes and not header:
            return []
        segments.append((start, len(text), number, item, bool(header or number)))
    found = []
    used_items: set[int] = set()
    unnumbered = 0
    for index, (start, end, number, item, numbered) in enumerate(segments):
        if not numbered or number is None:
            unnumbered += 1
            number = "s.n." if unnumbered == 1 else f"s.n.-{unnumbered}"
            numbered = False
        deliberation = _deliberation(
            flat, low, start, end, number, item, index, len(segments) > 1, numbered, counts
        )
        if deliberation.item in used_items:
            deliberation.item = None
        if deliberation.item is not None:
            used_items.add(deliberation.item)
        found.append(deliberation)
    numbers: set[str] = set()
    for deliberation in found:
        # a number printed twice (a garbled or repeated heading) still names one deliberation each
        base, suffix = deliberation.number, 2
        while deliberation.number in numbers:
            deliberation.number = f"{base} ({suffix})"
            suffix += 1
        numbers.add(deliberation.number)
    free = 0
    for deliberation in found:
        if deliberation.item is None:
            while free in used_items or (free == 0 and deliberation.numbered):
                free += 1
            deliberation.item = free
            used_items.add(free)
    return found


def _single_identifier(text: str) -> str | None:
    for pattern in _SINGLE_IDS:
        match = pattern.search(text[:5000])
        if match:
            return squash(match.group("num"))
    return None


def _trailing_number(number: str) -> int | None:
    match = re.search(r"(\d+)\D*$", number)
    if not match:
        return None
    value = int(match.group(1))
    return value if 0 < value <= 999 else None


def _deliberation(
    flat: FlatText,
    low: str,
    start: int,
    end: int,
    number: str,
    item: int | None,
    index: int,
    several: bool,
    numbered: bool,
    all_counts: list[Count],
) -> StatedDeliberation:
    text = flat.text
    body = text[start:end]
    report = _ITEM_IN_BODY.search(body)
    if item is None and report and not several:
        item = int(report.group(1))
    if item is None and numbered:
        item = _trailing_number(number)
    title = _title(body, report, number)
    rapporteur = re.search(r"Rapporteur\s*:\s*(.{0,120}?)(?=\s{2,}|$)", body, _I)
    committee = re.search(r"Commission\s*:\s*(.{0,200}?)(?=\s{2,}|$)", body, _I)
    budget = re.search(r"Inscription\s+budg[ée]taire\s+(.{0,200}?)(?=\s{2,}Montant|\s{3,}|$)", body, _I)
    decision = re.search(
        r"((?:[AÀ]\s+l'unanimit[ée]|[AÀ]\s+la\s+majorit[ée])[^:]{0,80}:.*?)(?:Pour\s+extrait|$)", body, _I
    )
    reading = read_votes(text, low, start, end, all_counts)
    vote = reading.main
    counts = {}
    # figures given for a range of items that includes this one, then the deliberation's own
    for count in all_counts:
        if count.window is not None and count.kind in ATTENDANCE_KINDS and covers(count.window, item):
            counts.setdefault(count.kind, count.value)
    for count in (c for c in all_counts if start <= c.start < end and c.window is None):
        if count.kind in ATTENDANCE_KINDS and not _inside_a_vote(text, count):
            counts.setdefault(count.kind, count.value)
    if vote.voters is None and "voters" in counts:
        vote.voters = counts["voters"]
    vote.present = counts.get("present")
    vote.represented = counts.get("represented")
    return StatedDeliberation(
        number=number,
        item=item,
        title=title,
        rapporteur=squash(rapporteur.group(1)) if rapporteur else None,
        committee=squash(committee.group(1)) if committee else None,
        interested=_interested(body),
        vote=vote,
        line=flat.line_of(start),
        budget_line=squash(budget.group(1)) if budget else None,
        decision=squash(decision.group(1)) if decision else "",
        span=(start, end),
        votes=reading.votes,
        counts=counts,
        reading=reading,
        numbered=numbered,
    )


def _inside_a_vote(text: str, count: Count) -> bool:
    """ "38 votes pour, dont 3 procurations": proxies used in a vote, not the meeting's count (unlike
    "Votants : 27 dont 22 Présents et 05 Procurations")."""
    if not count.raw[:1].isdigit():
        return False
    before = text[max(0, count.start - 40) : count.start]
    return bool(re.search(r"(?:pour|contre|abstentions?|POUR|CONTRE)\s*,?\s*dont\s*$", before))


_TITLE_END = re.compile(
    r"[.;]\s|\s(?:Vu\s|Le\s+Conseil|LE\s+CONSEIL|La\s+commission|Monsieur|Madame|M\.\s+le|Mme\s+la|Consid[ée]rant|CONSID[ÉE]RANT|"
    r"Rapporteur|ENTENDU|Il\s+est|Il\s+convient|DCM\b|Envoy[ée]|Re[çc]u\s+en|Le\s+Bureau|La\s+loi|Apr[èe]s\s|Suite\s+[àa]|"
    r"Ceci\s+expos[ée]|Sur\s+(?:le\s+)?rapport|[àÀAa]\s+l'unanimit|[àÀAa]\s+la\s+majorit|Le\s+march[ée]|L'an\s)|\|"
)


def _title(body: str, report, number: str = "") -> str:
    point = re.match(r"\s*Point\s+n\s*°\s*\d+\s*", body, _I)
    if point:
        return _clip(body[point.end() : point.end() + 400])
    if report:
        return _clip(report.group(2))
    head = body[:4000]
    found = re.search(r"\bObjet\s*:\s*", head, _I)
    if found:
        return _clip(head[found.end() :])
    if number:
        at = head.find(number)
        if at >= 0:
            rest = head[at + len(number) :]
            rest = re.sub(r"^\s*(?:du|en\s+date\s+du)\s+\d{1,2}\s*(?:er)?\s+\w+\s+\d{4}", "", rest)
            return _clip(re.sub(r"^[\s\-–:|]+", "", rest))
    return ""


def _clip(text: str) -> str:
    text = " " + text.lstrip()
    stop = _TITLE_END.search(text)
    text = text[: stop.start()] if stop else text
    text = squash(text)
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0] + " …"
    return text


_NOT_PARTICIPATING = re.compile(r"ne\s+(?:prenn?e?nt|prend)\s+(?:pas\s+)?part", _I)
_BOUNDARY = re.compile(r"(?<!\bM)(?<!\bMM)(?<!\bMr)[.:;]")
_INTERESTED_LABEL = re.compile(
    r"\s*,?\s*(?:(?:conseill[eè]re?s?|[ée]lue?s?|membres?)\s+int[ée]ress[ée]e?s?\s*,?\s*)?$", _I
)


def _interested(body: str) -> list[NamedPerson]:
    """ "MM. Benoît VUILLEMIN, Sébastien COUDRY et Nicolas BODIN (2), conseillers intéressés ne prennent part
    ni au débat, ni au vote": the people named in the sentence before the words."""
    anchor = _NOT_PARTICIPATING.search(body)
    if not anchor:
        return []
    before = body[max(0, anchor.start() - 600) : anchor.start()]
    boundaries = [m.end() for m in _BOUNDARY.finditer(before)]
    words = before[boundaries[-1] :] if boundaries else before
    words = words[: _INTERESTED_LABEL.search(words).start()]
    # "46 voix Pour, 1 abstention et 5 ne prenant pas part au vote": a figure, not names
    if re.search(r"\d\s*$", words):
        return []
    return find_people(words)


def vote_counts_before(stated: StatedExtract, offset: int) -> dict[str, int]:
    """Vote figures printed before this offset (a count box in the header), first of each kind."""
    found: dict[str, int] = {}
    for count in stated.all_counts:
        if count.start < offset and count.kind in VOTE_KINDS:
            found.setdefault(count.kind, count.value)
    return found
