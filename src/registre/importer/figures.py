"""Which figure a scope (the meeting's header, one act) states, or none.

One reading of a kind: it is the figure. Several that agree: the first is the evidence. Several
that disagree: no figure, and a warning names every reading with its line and its words; a
wrong figure would make the checker report a discrepancy the text does not have.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from registre.core.violations import Violation, warning

from .counts import ATTENDANCE_KINDS, Count
from .layout import FlatText
from .records import Span

KIND_LABELS = {
    "members_in_office": "conseillers en exercice",
    "legal_members": "membres (effectif légal)",
    "present": "présents",
    "present_titulaires": "présents titulaires",
    "present_suppleants": "présents suppléants",
    "absent": "absents",
    "represented": "représentés",
    "proxies": "procurations",
    "voters": "votants",
    "votes_cast": "suffrages exprimés",
    "for": "pour",
    "against": "contre",
    "abstain": "abstentions",
    "not_participating": "ne prenant pas part au vote",
}


# when readings agree, the evidence is the most explicit: a label and its value first
_EXPLICIT = {
    "label_value": 0,
    "table": 1,
    "sentence": 2,
    "spaced": 3,
    "range": 4,
    "value_label": 5,
    "blank": 6,
}


@dataclass
class Stated:
    values: dict[str, int] = field(default_factory=dict)
    evidence: dict[str, Span] = field(default_factory=dict)
    findings: list[Violation] = field(default_factory=list)
    changed: dict[str, Count] = field(default_factory=dict)  # "27 puis 28": the count, with its later figure


def settle(page: FlatText, counts: list[Count], where: str, items: tuple[int, ...] = ()) -> Stated:
    """The figures of a scope from its counts (in text order), refusing those read two ways."""
    readings: dict[str, list[Count]] = {}
    for count in counts:
        if count.kind in ATTENDANCE_KINDS:
            readings.setdefault(count.kind, []).append(count)
    stated = Stated()
    for kind, found in readings.items():
        values = {c.value for c in found}
        if len(values) == 1:
            found = sorted(found, key=lambda c: _EXPLICIT.get(c.layout, len(_EXPLICIT)))
            stated.values[kind] = found[0].value
            stated.evidence[kind] = (found[0].start, found[0].end)
            if found[0].later is not None:
                stated.changed[kind] = found[0]
                if not items:
                    stated.findings.append(_changed(page, found[0], where, items))
        else:
            stated.findings.append(ambiguous(page, kind, found, where, items))
    return stated


def ambiguous(
    page: FlatText, kind: str, found: list[Count], where: str, items: tuple[int, ...] = ()
) -> Violation:
    readings = " ; ".join(
        f"{c.value} (ligne {page.line_of(c.start)} : « {page.words(c.start, c.end)} »)" for c in found[:4]
    )
    return warning(
        "ambiguous_figure",
        f"Pour {where}, le nombre de {KIND_LABELS.get(kind, kind)} se lit de plusieurs façons : {readings} ; "
        "il reste inconnu plutôt que faux.",
        items=items,
        field=kind,
    )


def _changed(page: FlatText, count: Count, where: str, items: tuple[int, ...]) -> Violation:
    return warning(
        "figure_changed_during_meeting",
        f"Pour {where}, {count.value} puis {count.later} {KIND_LABELS.get(count.kind, count.kind)} "
        f"(ligne {page.line_of(count.start)} : « {page.words(count.start, count.end)} ») : le premier chiffre est "
        "retenu, celui de l'ouverture.",
        items=items,
        field=count.kind,
    )


def change_unplaced(page: FlatText, count: Count, where: str, items: tuple[int, ...]) -> Violation:
    return warning(
        "figure_changed_during_meeting",
        f"Pour {where}, le nombre de {KIND_LABELS.get(count.kind, count.kind)} passe de {count.value} à "
        f"{count.later} en cours de séance (ligne {page.line_of(count.start)} : « {page.words(count.start, count.end)} ») "
        "et les listes ne disent pas à quel point : il reste inconnu plutôt que faux.",
        items=items,
        field=count.kind,
    )
