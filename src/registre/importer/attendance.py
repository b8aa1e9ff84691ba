"""The attendance block: who is present, absent, represented, and the meeting's secretary.

Sections run from their label ("Etaient présents :", "Absents excusés :", "ayant donné pouvoir :",
"Secrétaire de séance :") to the next label or to the first words that are no name list,
whatever the line breaks. A document repeating its block before each deliberation is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from registre.core.model import Window
from registre.core.violations import Violation, warning

from .layout import FlatText, fold, squash
from .persons import CIVILITY, NamedPerson, Roster, find_people, is_substitute_note
from .records import Attendance, ListedMember, StatedProxy
from .vocabulary import (
    ABSENT_LIST,
    ABSENT_PROXY_JOINT,
    LIST_END,
    NOTE_PROXY,
    PRESENT_LIST,
    PROXY_JOINT,
    PROXY_LABEL_PREFIX,
    PROXY_LIST,
    SECRETARY_AFTER,
    SECRETARY_LABEL,
    SECRETARY_NAMED,
    SUBSTITUTION,
    WINDOW_MOVE,
    combined,
)
from .windows import read_window

_SECTION = combined(
    "attendance_section",
    {"proxies": PROXY_LIST, "present": PRESENT_LIST, "absent": ABSENT_LIST, "secretary": SECRETARY_LABEL},
)
_CIVILITY = re.compile(CIVILITY)
_DIGIT = re.compile(r"\d")
_LIST_LEAD = 80  # a list's first name comes this close to its label (a commune's name may come first)
_COMMUNE_LABEL = re.compile(r"([^,:;()]{2,60}?)\s*:\s*$")
_NOTES = re.compile(r"\([^()]{0,160}\)")
# a full stop after a word (not after a civility, "M.", "MM."): the end of a sentence
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})(?<!\bMM)(?<!\bMme)(?<!\bMrs)(?<!\bMlle)\.\s")
_SPLIT = re.compile(
    r"^\s*,?\s*(?:pouvoir|procuration)?\s*[àa]\s+(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*)\b(?P<rest>.{0,120})",
    re.S,
)


@dataclass(frozen=True)
class Section:
    name: str  # present, absent, proxies, secretary
    start: int  # where its content starts (after the label)
    end: int  # where the next label starts


def sections(page: FlatText) -> list[Section]:
    """Each labelled section, in text order (worked out once per document)."""
    if "sections" not in page.memo:
        page.memo["sections"] = _sections(page)
    return page.memo["sections"]  # type: ignore[return-value]


def _sections(page: FlatText) -> list[Section]:
    low = page.low
    marks = []
    for match in page.finditer(_SECTION):
        start = match.start()
        if match.lastgroup == "proxies":
            prefix = PROXY_LABEL_PREFIX.regex.search(low, max(0, start - 80), start)
            start = prefix.start() if prefix else start
        marks.append((match.lastgroup or "", start, match.end()))
    found = []
    for index, (name, _start, content) in enumerate(marks):
        end = marks[index + 1][1] if index + 1 < len(marks) else len(low)
        found.append(Section(name, content, max(content, end)))
    return found


def _end_of_list(page: FlatText, start: int, end: int, name: str = "present") -> int:
    """A list ends at the first words that are no name list; a window note names deliberations:
    "(à compter de la délibération n°3)" does not end it."""
    low = page.low[start:end]
    masked = _NOTES.sub(lambda m: " " * len(m.group()), low)
    section_end = end
    for stop in LIST_END.regex.finditer(masked):
        if name == "proxies" and stop.group().startswith("nombre"):
            continue  # "Procurations : 7 … Nombre de votants : 34" printed inside the list by a second column
        end = start + stop.start()
        break
    # "Absents : … Mme BAETA Yolande. Monsieur Philippe DO AMARAL a été élu secrétaire": the sentence
    # after the list names no absent member (the secretary sits; in a list of those present, he is one)
    named = page.search(SECRETARY_NAMED, start, section_end) if name in ("absent", "proxies") else None
    if named and named.start() < end:
        stops = [m.start() for m in _SENTENCE_END.finditer(page.text, start, named.start())]
        if stops:
            return stops[-1] + 1
    return end


def read_attendance(page: FlatText) -> Attendance:
    """The first attendance block: present and absent lists, proxies, the secretary."""
    text = page.text
    found = sections(page)
    findings: list[Violation] = []
    listed: list[ListedMember] = []
    proxies: list[StatedProxy] = []
    roster = Roster()
    block_end = 0
    seen_present = False
    block: list[tuple[str, int, int, list[NamedPerson]]] = []
    for section in found:
        span_end = _end_of_list(page, section.start, section.end, section.name)
        people = find_people(
            text[section.start : span_end], section.start, list_mode=section.name != "secretary"
        )
        if section.name in ("present", "absent") and people and people[0].start - section.start > _LIST_LEAD:
            continue  # "PRESENTS : L'an deux mille vingt-trois, le Bureau …": a form's heading, not a list
        if section.name == "present" and people:
            if seen_present:
                break
            seen_present = True
        block.append((section.name, section.start, span_end, people))
        if section.name != "proxies":
            block_end = max(block_end, people[-1].end if people else section.start)
        if section.name == "secretary":
            block_end = max(block_end, people[0].end if people else section.start)
    for name, _start, _end, people in block:
        if name in ("present", "absent"):
            for person in people:
                roster.add(person)
    present = frozenset(p.key for name, _s, _e, people in block if name == "present" for p in people)
    for name, start, end, people in block:
        if name in ("present", "absent"):
            listed += _list_members(page, name, start, people, proxies, findings)
        elif name == "proxies":
            pairs = _proxy_pairs(page, people, roster, findings, end, present)
            proxies += pairs
            block_end = max(
                [block_end] + [max(p.principal.end, p.holder.end) for p in pairs if p.holder.end >= start]
            )
    _noted_proxies(listed, block, proxies)
    findings += _unread_proxy_lists(page, block, proxies)
    listed = _absences_outside_presence(listed, findings)
    proxies = _proxies_outside_presence(listed, proxies, findings)
    return Attendance(listed, proxies, secretary(page, found), block_end, findings)


def _absences_outside_presence(listed: list[ListedMember], findings: list[Violation]) -> list[ListedMember]:
    """ "présent (à compter de la délibération n°1)" and "absent (jusqu'au compte rendu des actes
    administratifs)": the absence, whose bound names no item, is the part of the meeting the
    presence's window leaves out; it is not an absence for the whole meeting."""
    windowed = {m.person.key: m for m in listed if m.present and m.window}
    kept = []
    for member in listed:
        present = windowed.get(member.person.key)
        moves = [note for note in member.person.notes if WINDOW_MOVE.regex.search(fold(note))]
        if present and present.window and not member.present and member.window is None and moves:
            findings.append(
                warning(
                    "absence_outside_presence",
                    f"{member.person.name} est absent « {moves[0]} » et présent {_window_words(present.window)} : "
                    "l'absence est lue comme la partie de la séance hors de sa présence.",
                    members=(member.person.key,),
                )
            )
            continue
        kept.append(member)
    return kept


def _proxies_outside_presence(
    listed: list[ListedMember], proxies: list[StatedProxy], findings: list[Violation]
) -> list[StatedProxy]:
    """ "Mme X à M. Y (jusqu'au compte rendu des actes administratifs)" and "Mme X (à compter de la
    délibération n°1)" among those present: the proxy holds for the part of the meeting outside her
    presence (``assemble`` places it in the order of passage)."""
    windowed = {m.person.key: m.window for m in listed if m.present and m.window}
    for proxy in proxies:
        presence = windowed.get(proxy.principal.key)
        notes = [n for n in proxy.holder.notes + proxy.principal.notes if WINDOW_MOVE.regex.search(fold(n))]
        one_bound = presence is not None and (presence.from_item is None) != (presence.until_item is None)
        if proxy.window is None and presence is not None and one_bound and notes:
            proxy.outside_presence = presence
            findings.append(
                warning(
                    "proxy_outside_presence",
                    f"La procuration de {proxy.principal.name} à {proxy.holder.name} (« {notes[0]} ») : "
                    f"{proxy.principal.name} est présent {_window_words(presence)} ; la procuration vaut pour "
                    "le reste de la séance.",
                    members=(proxy.principal.key,),
                )
            )
    return proxies


def _window_words(window: Window) -> str:
    if window.from_item is not None and window.until_item is not None:
        return f"des questions n°{window.from_item} à n°{window.until_item}"
    if window.from_item is not None:
        return f"à partir de la question n°{window.from_item}"
    return f"jusqu'à la question n°{window.until_item}"


def _unread_proxy_lists(
    page: FlatText, block: list[tuple[str, int, int, list[NamedPerson]]], proxies: list[StatedProxy]
) -> list[Violation]:
    """A proxy list that names people but gives no pair: said, rather than read as no proxy."""
    found = []
    read = {p.principal.start for p in proxies} | {p.holder.start for p in proxies}
    for name, start, _end, people in block:
        if name == "proxies" and len(people) >= 2 and not read & {p.start for p in people}:
            found.append(
                warning(
                    "proxy_list_unread",
                    f"La liste des procurations (ligne {page.line_of(start)}) nomme {len(people)} personnes, mais "
                    "aucune paire mandant → mandataire ne s'y lit (mise en page brouillée ?) : ces procurations "
                    "restent inconnues.",
                )
            )
    return found


def _noted_proxies(
    listed: list[ListedMember],
    block: list[tuple[str, int, int, list[NamedPerson]]],
    proxies: list[StatedProxy],
) -> None:
    """ "(pouvoir à Christian MAZUC)" inside the absent list or the proxy list."""
    principals = {p.principal.key for p in proxies}
    noted = [line.person for line in listed if not line.present]
    noted += [person for name, _s, _e, people in block if name == "proxies" for person in people]
    for person in noted:
        for note in person.notes:
            match = NOTE_PROXY.regex.search(fold(note))
            holders = find_people(note[match.end() :]) if match else []
            if holders and person.key not in principals:
                principals.add(person.key)
                proxies.append(StatedProxy(person, holders[0], read_window(note).window))


def _list_members(
    page: FlatText,
    name: str,
    start: int,
    people: list[NamedPerson],
    proxies: list[StatedProxy],
    findings: list[Violation],
) -> list[ListedMember]:
    text, low = page.text, page.low
    present = name == "present"
    members: list[ListedMember] = []
    commune = None
    cursor = start
    index = 0
    while index < len(people):
        person = people[index]
        between = text[cursor : person.start]
        label = _commune_label(between) if ":" in between else None
        if label and not _CIVILITY.search(label.group(1)) and not _DIGIT.search(label.group(1)):
            commune = squash(label.group(1))
        nxt = people[index + 1] if index + 1 < len(people) else None
        if nxt and SUBSTITUTION.regex.fullmatch(low, person.end, nxt.start):
            # "JL Bouchard suppléé par N Ferreira de Souza": the titular is away, the substitute sits
            members.append(_listed(person, commune, False))
            replacement = _listed(nxt, commune, present)
            replacement.substitute = True
            members.append(replacement)
            cursor = nxt.end
            index += 2
            continue
        if nxt and not present and ABSENT_PROXY_JOINT.regex.fullmatch(low, person.end, nxt.start):
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


def _commune_label(between: str) -> re.Match[str] | None:
    """ "Besançon : M. X": the words before a colon that ends the gap between two names, read from
    the colon back (at most 60 characters, and the spaces before the colon) so that a long gap
    costs its length once."""
    stripped = between.strip(" ,;")
    body = stripped.rstrip()
    if not body.endswith(":"):
        return None
    before = body[:-1]
    reach = len(before) - len(before.rstrip()) + 60
    return _COMMUNE_LABEL.search(stripped, max(0, len(before) - reach))


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
    page: FlatText,
    people: list[NamedPerson],
    roster: Roster,
    findings: list[Violation],
    end: int,
    present: frozenset[str] = frozenset(),
) -> list[StatedProxy]:
    text, low = page.text, page.low
    columns = _two_columns(page, people)
    if columns:
        return columns
    proxies = []
    index = 0
    while index < len(people):
        principal = people[index]
        holder = people[index + 1] if index + 1 < len(people) else None
        previous_end = people[index - 1].end if index else max(0, principal.start - 40)
        if principal.key in present and _TO.search(low, previous_end, principal.start):
            # "à M. Claude MARSEILLE à Mme Maria MORGADO", both listed present: a column of holders
            # whose principals the layout put elsewhere; a holder is no principal, no pair is read
            index += 1
            continue
        if holder and PROXY_JOINT.regex.fullmatch(low, principal.end, holder.start):
            reading = read_window(" ".join(holder.notes + principal.notes))
            proxies.append(StatedProxy(principal, holder, reading.window, reading.clock))
            index += 2
            continue
        joint = text[principal.end : holder.start] if holder else text[principal.end : end]
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


_TO = re.compile(r"(?:^|\s)a\s*$")


def _two_columns(page: FlatText, people: list[NamedPerson]) -> list[StatedProxy]:
    """ "Madame Carol PASQUET Madame Annie BLONDEAU Azay-sur-Cher Montlouis-sur-Loire à Claude ABLITZER
    à Patrick BOURDY": a column of principals, then their holders each after "à", in the same
    order. Read so only when the two runs have the same length; otherwise pair by pair."""
    low = page.low
    before = [
        low[(people[i - 1].end if i else max(0, people[0].start - 40)) : people[i].start]
        for i in range(len(people))
    ]
    to = [bool(_TO.search(b)) for b in before]
    half = len(people) // 2
    if len(people) < 4 or len(people) % 2 or any(to[:half]) or not all(to[half:]):
        return []
    return [
        StatedProxy(principal, holder, read_window(" ".join(holder.notes + principal.notes)).window)
        for principal, holder in zip(people[:half], people[half:], strict=True)
    ]


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


def secretary(page: FlatText, found: list[Section]) -> NamedPerson | None:
    text, low = page.text, page.low
    labelled = next((s for s in found if s.name == "secretary"), None)
    if labelled:
        people = find_people(text[labelled.start : min(labelled.end, labelled.start + 200)], labelled.start)
        if people:
            return people[0]
    # "Monsieur Alain PIASER a été désigné secrétaire de séance", "Mme X, désignée, prend place au Bureau"
    for match in page.finditer(SECRETARY_NAMED):
        people = find_people(text[max(0, match.start() - 80) : match.start()], max(0, match.start() - 80))
        if people and not re.search(r"[.;:]", text[people[-1].end : match.start()]):
            return people[-1]
    # "nomme pour secrétaire de séance Monsieur Pascal LOIZEAU"
    for match in page.finditer(SECRETARY_AFTER):
        people = find_people(text[match.end() : match.end() + 80], match.end())
        if people and people[0].start - match.end() < 4:
            return people[0]
    # "… désignation d'un secrétaire … Mme Yasmine BOUDJENAH ayant obtenu la majorité des suffrages"
    for match in re.finditer(r"secretaire", low):
        tail = low[match.end() : match.end() + 500]
        elected = re.search(r"ayant\s+obtenu\s+la\s+majorite|a\s+ete\s+designee?\s+pour\s+remplir", tail)
        if elected:
            at = match.end() + max(0, elected.start() - 100)
            people = find_people(text[at : match.end() + elected.start()], at)
            if people:
                return people[-1]
    return None
