"""Names of councillors as extracts write them: "Mme Anne VIGNOT", "M. Jean-Hugues
ROUX (à partir de la question n°2)", "MM. Benoît VUILLEMIN, Sébastien COUDRY et
Nicolas BODIN (2)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from registre.core import member_key

UP = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
LOW = "a-zàâäçéèêëîïôöùûüÿæœß"
CIVILITY = r"(?:Mmes|Mme|Mlle|MM\.?|M\.|Monsieur|Madame|Messieurs|Mesdames|Mr\.?)"
# "-\s?": a name cut at its hyphen by a line break ("Pierre-\nCharles")
_FIRST_WORD = rf"[{UP}][{LOW}]+(?:-\s?[{UP}][{LOW}]+)*"
_LAST_WORD = rf"(?:[{UP}](?:[{UP}]|'(?=[{UP}]))*(?:-\s?[{UP}]+)*[{UP}]|[{UP}]'[{UP}]+)"
_PARTICLE = r"(?:de|du|des|d'|le|la|van|von|dit)"
FIRST = rf"{_FIRST_WORD}(?:\s+{_FIRST_WORD})*"
LAST = rf"(?:{_PARTICLE}\s*)?{_LAST_WORD}(?:\s+(?:{_PARTICLE}\s*)?{_LAST_WORD})*"
NOTES = r"(?:\s*\([^()]{0,160}\))*"

PERSON = re.compile(
    rf"(?<![{UP}{LOW}])(?:(?P<civility>{CIVILITY})\s*)?(?!{CIVILITY}\s)(?P<first>{FIRST})\s+(?P<last>{LAST})(?![{LOW}])(?P<notes>{NOTES})"
)


@dataclass(frozen=True)
class NamedPerson:
    civility: str
    first_name: str
    last_name: str
    notes: tuple[str, ...]
    start: int
    end: int

    @property
    def key(self) -> str:
        return member_key(self.first_name, self.last_name)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def normal_civility(raw: str | None, inherited: str = "") -> str:
    if not raw:
        return inherited
    raw = raw.rstrip(".").lower()
    if raw in {"mme", "mmes", "madame", "mesdames", "mlle"}:
        return "Mme"
    return "M."


def find_people(text: str, offset: int = 0) -> list[NamedPerson]:
    """Every "[civility] First LAST (notes)" in a span; plural civilities carry over."""
    people = []
    inherited = ""
    for match in PERSON.finditer(text):
        raw = match.group("civility")
        if raw:
            inherited = normal_civility(raw) if raw.lower().startswith(("mm", "mes", "messieurs", "mmes")) else ""
        civility = normal_civility(raw, inherited)
        notes = tuple(n.strip()[1:-1].strip() for n in re.findall(r"\([^()]*\)", match.group("notes")))
        people.append(NamedPerson(
            civility, _tidy(match.group("first")), _tidy(match.group("last")), notes,
            offset + match.start(), offset + match.end(),
        ))
    return people


def _tidy(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"-\s+", "-", name))


def is_substitute_note(note: str) -> bool:
    return bool(re.match(r"suppl[ée]ante?\b", note, re.I))
