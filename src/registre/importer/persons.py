"""Names of councillors as extracts write them.

"Mme Anne VIGNOT", "M. Jean-Hugues ROUX (à partir de la question n°2)", "MM. Benoît
VUILLEMIN, Sébastien COUDRY et Nicolas BODIN (2)"; surnames only ("M. JARRY", "M.TAYEB",
"Mrs BOUSQUET, CAPY et ZAMBONI", "M. Troussel", "M. Martin P-Y"); mixed case with a civility
("M. Stéphane Troussel"); initials ("S Boissard", "JL Bouchard suppléé par N Ferreira de Souza");
OCR noise inside capitals ("DARD[ER", "BRlQUET-BOlSSI1RE", "B.CANAL").

A person read without a first name has the key "SURNAME|"; ``resolve`` matches such partial
or misspelt names against the members the lists name (``Roster``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from registre.core.names import fold as _core_fold
from registre.core.names import member_key as _core_member_key

# a document names the same people many times: fold each name once
fold = lru_cache(maxsize=8192)(_core_fold)
member_key = lru_cache(maxsize=8192)(_core_member_key)

UP = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
LOW = "a-zàâäçéèêëîïôöùûüÿæœß"
CIVILITY = r"(?:Mmes|Mme|Mmc|Mrnes|Mrne|Mlle|MM\.?|M\.|Monsieur|Madame|Messieurs|Mesdames|Mrs\.?|Mr\.?)"
# "Mmes et Ms MELLINGER, LANDES, …" (Figeac): women and men in one list, each civility unknown
_MIXED_PLURAL = r"(?:(?:Mmes|Mesdames)\s+et\s+(?:MM\.?|Ms\.?|Messieurs|M\.)|(?:MM\.?|Ms\.?|Messieurs)\s+et\s+(?:Mmes|Mesdames))"
_PLURAL = rf"(?:{_MIXED_PLURAL}|Mmes|Mrnes|MM\.?|Messieurs|Mesdames|Mrs\.?)"
# capitals that are headings, verbs or labels, never a surname ("M. SY DECIDE", "Didier BUREAU COMMUNAUTAIRE DU DALLOY")
# offices: a surname too ("M. Claude MAIRE", "M. PRÉFET"), never a word of a longer name
_OFFICES = "MAIRE|PRESIDENTE?|PRÉSIDENTE?|PREFET|PRÉFET|PREFETE|PRÉFÈTE"
_STOP_WORDS = (
    "DECIDE|DÉCIDE|APPROUVE|AUTORISE|ADOPTE|DESIGNE|DÉSIGNE|FIXE|COMPLETE|COMPLÈTE|PREND|DIT|CHARGE|PRECISE|PRÉCISE|"
    "VALIDE|ACCEPTE|SOLLICITE|CONFIRME|DONNE|ATTRIBUE|ARRETE|ARRÊTE|OBJET|ABSENTS?|PRESENTS?|PRÉSENTS?|EXCUSÉS?|EXCUSES?|"
    "POUVOIRS?|PROCURATIONS?|CONSEIL|MUNICIPAL|COMMUNAUTAIRE|BUREAU|DELIBERATIONS?|DÉLIBÉRATIONS?|RELEVÉ|RELEVE|"
    f"DÉCISIONS?|DECISIONS?|EXTRAIT|REGISTRE|SÉANCE|SEANCE|{_OFFICES}|POUR|CONTRE|VOTANTS|DATE|"
    "ETAIENT|ÉTAIENT|REPUBLIQUE|RÉPUBLIQUE|FRANCAISE|FRANÇAISE|DEPARTEMENT|DÉPARTEMENT|COMMUNE|VILLE|ID|ACTE|"
    "JANVIER|FEVRIER|FÉVRIER|MARS|AVRIL|MAI|JUIN|JUILLET|AOUT|AOÛT|SEPTEMBRE|OCTOBRE|NOVEMBRE|DECEMBRE|DÉCEMBRE|"
    "ABSTENTIONS?|UNANIMITE|UNANIMITÉ|MAJORITE|MAJORITÉ|VOIX|ET|NOMBRE|TOTAL"
)


def _trie(words: list[str]) -> str:
    """An alternation grouped by first letter, so that a failing word costs one comparison per
    group instead of one per word (the stop words are tried before every capitalised word)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    return (
        "(?:"
        + "|".join(
            re.escape(first) + "(?:" + "|".join(re.escape(rest) if rest else "" for rest in rests) + ")"
            for first, rests in sorted(groups.items())
        )
        + ")"
    )


def _expand(alternatives: str) -> list[str]:
    """ "ABSENTS?|MAIRE" -> ["ABSENT", "ABSENTS", "MAIRE"] (the optional last letters of the list)."""
    words = []
    for word in alternatives.split("|"):
        words += [word[:-2], word[:-1]] if word.endswith("?") else [word]
    return words


_NOT_STOP = rf"(?!{_trie(_expand(_STOP_WORDS))}(?![{UP}{LOW}'\-]))"
_CIV_WORD = r"(?:Mmes|Mme|Mmc|Mrnes|Mrne|Mlle|Monsieur|Madame|Messieurs|Mesdames|Mrs|Mr)"
# "Jean-Claude", "JeanClaude" (a hyphen lost by OCR)
# a word followed by a colon is a label (a commune's name before its members: "M. Poulle Guy
# Charentilly : Mme Bouin Valérie"), never a word of a name
_NOT_LABEL = r"(?![^\s:;,()]+\s*:)"
_FIRST_WORD = (
    rf"(?!{_CIV_WORD}(?![{LOW}])){_NOT_LABEL}[{UP}][{LOW}]+(?:[{UP}][{LOW}]{{2,}})?(?:-\s?[{UP}][{LOW}]+)*"
)
_UPPER_WORD = (
    rf"{_NOT_STOP}(?:(?!M\.)[{UP}]\.)?[{UP}](?:[{UP}]|'(?=[{UP}])|[\[l1](?=[{UP}]))*"
    rf"(?:-\s?[{UP}](?:[{UP}]|[\[l1](?=[{UP}]))*)*[{UP}](?![/\d_])"
)
_LAST_WORD = rf"(?:{_UPPER_WORD}|[{UP}]'[{UP}]+)"
_PARTICLE = r"(?:de|du|des|d'|le|la|van|von|dit|da|dos)"
# bounded repetitions: a name has a few words, and long runs of capitals must not cost quadratic time
FIRST = rf"{_FIRST_WORD}(?:\s+{_FIRST_WORD}){{0,3}}"
LAST = rf"(?:{_PARTICLE}\s*)?{_LAST_WORD}(?:\s+(?:{_PARTICLE}\s*)?{_LAST_WORD}){{0,3}}"
# the words of a heading or a sentence after a name, never a surname in ordinary case ("M. Damien
# Metzlé Délibération n°…")
_NOT_HEADING = (
    rf"(?!(?:Délibération|Deliberation|Objet|Séance|Seance|Conseil|Commune|Vu|Le|La|Les)(?![{LOW}]))"
)
# a surname in ordinary case: "Troussel", "Saïd-Anzum", "Ferreira de Souza", "Bourgeois-République",
# "N'Dior", "PétretRacca" (a hyphen lost by OCR)
CAP_LAST = rf"(?!{_CIV_WORD}(?![{LOW}])){_NOT_HEADING}{_NOT_LABEL}(?:[{UP}]')?[{UP}][{LOW}]+(?:[{UP}][{LOW}]{{2,}})?(?:[-'][{UP}][{LOW}]+)*(?:\s+(?:de|da|dos|du)\s+[{UP}][{LOW}]+)?"
_INITIALS = rf"[{UP}]{{1,3}}"
NOTES = r"(?:\s*(?:-\s*)?\([^()]{0,160}\))*"  # "André FRANC - (ayant donné pouvoir à …)"
_END = rf"(?![{LOW}{UP}])"

_PATTERNS = {
    # Mrs BOUSQUET, CAPY, DARD[ER et ZAMBONI
    "plural": rf"(?<![{UP}{LOW}])(?P<pciv>{_PLURAL})\s*(?P<plist>{LAST}(?:\s*(?:,|\bet\b)\s*{LAST}){{1,60}}){_END}",
    "full": rf"(?:(?<![{UP}{LOW}])(?P<civility>{CIVILITY})\s*)?(?<![{UP}{LOW}])(?!{CIVILITY}\s)(?P<first>{FIRST})\s+(?P<last>{LAST}){_END}",
    "mixed": rf"(?<![{UP}{LOW}])(?P<mciv>{CIVILITY})\s*(?P<mfirst>{FIRST})\s+(?P<mlast>{CAP_LAST}){_END}(?!\s*[{UP}]{{1,2}}(?:\.|-[{UP}]))",
    # "M. Claude MAIRE", "M. PRÉFET": an office word alone after a civility is the surname
    "office": rf"(?<![{UP}{LOW}])(?P<ociv>{CIVILITY})\s*(?:(?P<ofirst>{FIRST})\s+)?(?P<olast>(?:{_OFFICES}))"
    rf"(?![{UP}{LOW}'\-])(?!\s+[{UP}]{{2}})",
    "surname": rf"(?<![{UP}{LOW}])(?P<sciv>{CIVILITY})\s*(?P<slast>{LAST}|{CAP_LAST})(?P<sinit>\s+[{UP}](?:-[{UP}]\.?|\.)(?!\s*[{UP}]))?{_END}",
}
_INITIALS_PATTERN = rf"(?<![{UP}{LOW}.])(?P<initials>{_INITIALS})\s+(?P<ilast>{CAP_LAST}){_END}"
_REVERSED_PATTERN = (
    rf"(?<![{UP}{LOW}])(?:(?P<rciv>{CIVILITY})\s*)?(?P<rlast>{LAST})\s+(?P<rfirst>{FIRST})(?![{LOW}])"
)
_BARE_PATTERN = rf"(?<![{UP}{LOW}'.])(?P<bare>{LAST})(?=\s*[,;]|\s+et\s|\s*\.(?:\s|$))"

# what every match of _HEADINGS contains: checked first, so that most lists are not rewritten
_HEADING_HINT = re.compile(
    r"RELEV|CISIONS|BUREAU|COMMUNAUTAIRE|CONSEIL|MUNICIPAL|EXTRAIT|REGISTRE|LIB[ÉE]RATION|[ÉE]ANCE"
    r"|\d\s+(?:JANVIER|F[ÉE]VRIER|MARS|AVRIL|MAI|JUIN|JUILLET|AO[ÛU]T|SEPTEMBRE|OCTOBRE|NOVEMBRE|D[ÉE]CEMBRE)\s+\d{4}"
    r"|\d/\d{1,2}/\d{4}"
)
_INITIALS_HINT = re.compile(rf"(?<![{UP}{LOW}.])[{UP}]{{1,3}} [{UP}][{LOW}]{{2}}")
_REVERSED_HINT = re.compile(rf"[{UP}]{{2}}[{UP}'\-]*\s+[{UP}][{LOW}]")
_PLURAL_SEPARATOR = re.compile(r"\s*(?:,|\bet\b)\s*")
_PLURAL_RE = re.compile(_PLURAL)
# after a surname-first name: a separator, a note, the joint of a proxy ("BOUIZEM Rabia par PRÉVOT
# Vannina") or the next name's civility ("PRÉVOT Vannina Mme DA SILVA Céline")
_AFTER_REVERSED = re.compile(
    rf"\s*(?:[,;]|\.(?:\s|$)|\bet\b|\(|$|(?:par|à|a|donne|donnant|ayant|représentée?)\b|{CIVILITY}(?![{LOW}]))"
)
_NOTE = re.compile(r"\([^()]*\)")
_SPACES = re.compile(r"\s+")
_HYPHEN_SPACE = re.compile(r"-\s+")
_NAME_PARTS = re.compile(r"[\s-]+")
# every name starts with a capital: the lookahead lets the scan pass every other character at once
_CAPITAL = rf"(?=[{UP}])"
PERSON = re.compile(
    _CAPITAL + "(?:" + "|".join(f"(?:{p})" for p in _PATTERNS.values()) + rf")(?P<notes>{NOTES})"
)
_WITH_INITIALS = re.compile(_CAPITAL + _INITIALS_PATTERN + rf"(?P<notes>{NOTES})")
_BARE = re.compile(_CAPITAL + _BARE_PATTERN + rf"(?P<notes>{NOTES})")
_REVERSED = re.compile(_CAPITAL + _REVERSED_PATTERN + rf"(?P<notes>{NOTES})")
_HEADINGS = re.compile(
    r"(?=[A-Z\dÉ])(?<![\w'])(?:\b(?:RELEV[ÉE]|D[ÉE]CISIONS|BUREAU|COMMUNAUTAIRE|CONSEIL|MUNICIPAL|EXTRAIT|REGISTRE|D[ÉE]LIB[ÉE]RATIONS?|S[ÉE]ANCE)"
    r"(?:\s+(?:DE|DU|DES|D'))?\b\s*)+"
    r"|\b\d{1,2}\s+(?:JANVIER|F[ÉE]VRIER|MARS|AVRIL|MAI|JUIN|JUILLET|AO[ÛU]T|SEPTEMBRE|OCTOBRE|NOVEMBRE|D[ÉE]CEMBRE)\s+\d{4}\b"
    r"|(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])"
)


@dataclass(frozen=True)
class NamedPerson:
    civility: str
    first_name: str
    last_name: str
    notes: tuple[str, ...]
    start: int
    end: int

    @cached_property
    def key(self) -> str:
        return member_key(self.first_name, self.last_name)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def with_key_of(self, other: NamedPerson) -> NamedPerson:
        return NamedPerson(
            other.civility or self.civility,
            other.first_name,
            other.last_name,
            self.notes,
            self.start,
            self.end,
        )


def normal_civility(raw: str | None, inherited: str = "") -> str:
    if not raw:
        return inherited
    raw = raw.rstrip(".").lower()
    if " et " in raw:
        return ""  # "Mmes et MM.": this one's is not said
    if raw in {"mme", "mmes", "madame", "mesdames", "mlle", "mmc", "mrne", "mrnes"}:
        return "Mme"
    return "M."


def clear_headings(text: str) -> str:
    """Blank the words a second column or a stamp drops into a list ("Didier BUREAU
    COMMUNAUTAIRE DU DALLOY", "Vinciane 6 MARS 2023 FABER"); offsets are kept."""
    if not _HEADING_HINT.search(text):
        return text  # no heading word and no date: nothing to blank (the common case, checked fast)
    return _HEADINGS.sub(lambda m: " " * len(m.group()), text)


def find_people(text: str, offset: int = 0, *, list_mode: bool = False) -> list[NamedPerson]:
    """Every person named in a span; plural civilities carry over.

    ``list_mode`` (attendance and proxy lists): headings dropped into the list are ignored, and
    initials ("JL Bouchard") and bare surnames ("ESTRADE,") are read when the list is written so.
    """
    if list_mode:
        text = clear_headings(text)
    people: list[NamedPerson] = []
    inherited = ""
    for match in PERSON.finditer(text):
        raw_notes, plist, olast, last = match.group("notes", "plist", "olast", "last")
        notes = _notes(raw_notes)
        end = offset + match.end()
        if plist:
            civility = normal_civility(match.group("pciv"))
            inherited = civility
            cursor = match.start("plist")
            parts = [p for p in _PLURAL_SEPARATOR.split(plist) if p.strip()]
            for index, part in enumerate(parts):
                at = text.find(part, cursor)
                cursor = at + len(part)
                people.append(
                    NamedPerson(
                        civility,
                        "",
                        _tidy(part),
                        notes if index == len(parts) - 1 else (),
                        offset + at,
                        offset + cursor if index < len(parts) - 1 else end,
                    )
                )
            continue
        if olast:
            raw, first, last = match.group("ociv"), match.group("ofirst") or "", olast
        elif last:
            raw, first = match.group("civility", "first")
        elif match.group("mlast"):
            raw, first, last = match.group("mciv"), match.group("mfirst"), match.group("mlast")
        else:
            raw, first, last = match.group("sciv"), "", match.group("slast")
            if match.group("sinit"):
                first = match.group("sinit").strip()
        if raw:
            inherited = normal_civility(raw) if _PLURAL_RE.match(raw) else ""
        civility = normal_civility(raw, inherited)
        people.append(NamedPerson(civility, _tidy(first), _tidy(last), notes, offset + match.start(), end))
    if list_mode:
        people = _add_list_forms(text, offset, people)
    return people


def _add_list_forms(text: str, offset: int, people: list[NamedPerson]) -> list[NamedPerson]:
    # "DUPONT Jean, MARTIN Marie": surname first, when the list reads better that way (looked for
    # only where two capitals words are followed by a first name)
    hints = _REVERSED_HINT.findall(text, 0, len(text))
    reversed_order = [
        m
        for m in (_REVERSED.finditer(text) if len(hints) >= 2 else ())
        if _AFTER_REVERSED.match(text[m.end("rfirst") : m.end("rfirst") + 14])
        and len(m.group("rlast").replace(" ", "")) >= 3
    ]  # "JC Wambst" is initials, not a surname
    with_first = [p for p in people if p.first_name and len(p.first_name) > 3]
    if len(reversed_order) >= 2 and len(reversed_order) > len(with_first):
        people = [
            NamedPerson(
                normal_civility(m.group("rciv")),
                _tidy(m.group("rfirst")),
                _tidy(m.group("rlast")),
                _notes(m.group("notes")),
                offset + m.start(),
                offset + m.end(),
            )
            for m in reversed_order
        ]
    covered = [(p.start - offset, p.end - offset) for p in people]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in covered)

    extra: list[NamedPerson] = []
    hinted = len(_INITIALS_HINT.findall(text)) >= 3
    initials = [m for m in _WITH_INITIALS.finditer(text) if free(m.start(), m.end())] if hinted else []
    if len(initials) >= 3 and len(initials) >= len(people):
        for match in initials:
            extra.append(
                NamedPerson(
                    "",
                    match.group("initials"),
                    _tidy(match.group("ilast")),
                    _notes(match.group("notes")),
                    offset + match.start(),
                    offset + match.end(),
                )
            )
            covered.append((match.start(), match.end()))
    surname_only = sum(1 for p in people if not p.first_name)
    if people and surname_only * 2 > len(people):
        for match in _BARE.finditer(text):
            if free(match.start(), match.end()) and len(match.group("bare")) >= 3:
                extra.append(
                    NamedPerson(
                        "",
                        "",
                        _tidy(match.group("bare")),
                        _notes(match.group("notes")),
                        offset + match.start(),
                        offset + match.end(),
                    )
                )
    return sorted(people + extra, key=lambda p: p.start) if extra else people


def _notes(raw: str) -> tuple[str, ...]:
    return tuple(n.strip()[1:-1].strip() for n in _NOTE.findall(raw)) if raw else ()


def _tidy(name: str) -> str:
    return _SPACES.sub(" ", _HYPHEN_SPACE.sub("-", name)).strip() if " " in name or "\n" in name else name


def is_substitute_note(note: str) -> bool:
    return fold(note[:12]).startswith("SUPPLEANT")


# -- the same person written two ways ------------------------------------------------------


def _initials_of(first: str) -> str:
    return "".join(part[0] for part in _NAME_PARTS.split(fold(first)) if part)


def first_names_agree(a: str, b: str) -> bool:
    """ "" agrees with anything; "JL" with "Jean-Luc"; "P-Y" with "Pierre-Yves"; otherwise equal."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb or fa == fb:
        return True
    compact_a, compact_b = fa.replace(" ", "").replace(".", ""), fb.replace(" ", "").replace(".", "")
    if len(compact_a) <= 3 and compact_a == _initials_of(b):
        return True
    return len(compact_b) <= 3 and compact_b == _initials_of(a)


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) == 1
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if a == b[:i] + b[i + 1 :]:
            return True
    return False


@dataclass
class Roster:
    """The people the attendance lists name, to recognise them when written another way."""

    people: dict[str, NamedPerson] = field(default_factory=dict)
    # folded surname -> the people of that surname; surname length -> the surnames: a name is
    # compared with the few that could match, not with the whole list
    _by_last: dict[str, list[NamedPerson]] = field(default_factory=dict)
    _by_length: dict[int, set[str]] = field(default_factory=dict)

    def add(self, person: NamedPerson) -> None:
        if person.key not in self.people:
            self.people[person.key] = person
            last = fold(person.last_name)
            self._by_last.setdefault(last, []).append(person)
            self._by_length.setdefault(len(last), set()).add(last)

    def resolve(self, person: NamedPerson) -> tuple[NamedPerson, str | None]:
        """The listed person this name designates, and how it was matched ("variant" for a spelling
        difference); the person itself when nobody matches, or when several do."""
        if person.key in self.people:
            return self.people[person.key], None
        swapped = member_key(person.last_name, person.first_name) if person.first_name else None
        if swapped in self.people:
            # "M. Trystram Antoine" in a surname-first list, "Antoine TRYSTRAM" as the chair
            return self.people[swapped], "variant"
        last = fold(person.last_name)
        namesakes = self._by_last.get(last, [])
        same = [p for p in namesakes if first_names_agree(p.first_name, person.first_name)]
        if len(same) == 1:
            return same[0], None
        if len(same) > 1:
            return person, None
        near = [
            p
            for p in namesakes
            if p.first_name
            and person.first_name
            and _edit_distance_at_most_one(fold(p.first_name), fold(person.first_name))
        ]
        if len(near) == 1:
            return near[0], "variant"
        if len(last) >= 4:
            close = [
                p
                for length in (len(last) - 1, len(last), len(last) + 1)
                if length >= 4
                for other in self._by_length.get(length, ())
                if _edit_distance_at_most_one(other, last)
                for p in self._by_last[other]
                if first_names_agree(p.first_name, person.first_name)
                and (p.first_name or person.first_name or len(last) >= 5)
            ]
            if len(close) == 1:
                return close[0], "variant"
        return person, None

    def find(self, first_name: str, last_word: str) -> NamedPerson | None:
        """A listed person with this first name whose surname is this word (a name split by a column)."""
        found = [
            p
            for p in self._by_last.get(fold(last_word), [])
            if first_names_agree(p.first_name, first_name) and fold(p.first_name) == fold(first_name)
        ]
        return found[0] if len(found) == 1 else None
