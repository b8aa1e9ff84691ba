"""Findings about the record as a whole, before any item is counted: items off the order of
passage, windows naming items that are not on the agenda, unknown members, roster counts."""

from __future__ import annotations

from .attendance import Passage
from .model import Meeting, Window
from .violations import Violation, violation, warning


def check_agenda(meeting: Meeting, passage: Passage) -> list[Violation]:
    findings = []
    for item in meeting.items:
        if item.number not in passage.position:
            findings.append(
                violation(
                    "item_not_in_order_of_passage",
                    f"La question n°{item.number} n'apparaît pas dans l'ordre de passage.",
                    items=(item.number,),
                )
            )
    statements: list[tuple[str, Window]] = [(a.member, a.window) for a in meeting.attendance]
    statements += [(p.principal, p.window) for p in meeting.proxies]
    for member, window in statements:
        unknown = sorted(i for i in window.named_items() if i not in passage.position)
        if unknown:
            findings.append(
                violation(
                    "window_item_not_on_agenda",
                    f"La fenêtre de {meeting.display_name(member)} cite la question n°{unknown[0]}, "
                    "absente de l'ordre du jour.",
                    members=(member,),
                    items=tuple(unknown),
                )
            )
    return findings


def check_roster(meeting: Meeting) -> list[Violation]:
    findings = []
    known = {m.key for m in meeting.members}
    named = [a.member for a in meeting.attendance]
    named += [k for p in meeting.proxies for k in (p.principal, p.holder)]
    named += [k for item in meeting.items for k in item.interested_members]
    for key in dict.fromkeys(named):
        if key not in known:
            findings.append(
                violation(
                    "unknown_member",
                    f"{key} n'est pas un membre du conseil.",
                    members=(key,),
                )
            )
    seats = _seats_named(meeting)
    if meeting.members_in_office is not None and seats and seats != meeting.members_in_office:
        findings.append(
            warning(
                "roster_count_mismatch",
                f"Les listes nomment {seats} sièges pour {meeting.members_in_office} conseillers en exercice.",
                field="members_in_office",
            )
        )
    return findings


def _seats_named(meeting: Meeting) -> int:
    """Titular members, plus the substitutes sitting for a titular the lists do not name."""
    titular_communes = {m.commune for m in meeting.members if not m.substitute}
    titular = sum(1 for m in meeting.members if not m.substitute)
    return titular + sum(1 for m in meeting.members if m.substitute and m.commune not in titular_communes)
