"""Who is physically in the room at each item, from the present and absent lists.

A member listed only as present with a window is absent outside it, and the
reverse for the absent list. Listed in both, the windows must be complementary;
where they overlap only on the loose end of a bare "jusqu'à la question n°7", the
counterpart decides (the member left before item 7) and a warning says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import Attendance, Meeting, Window
from .violations import Violation, violation, warning


class Passage:
    """Positions of the items in the order of passage."""

    def __init__(self, order: tuple[int, ...]):
        self.order = order
        self.position = {number: index for index, number in enumerate(order)}

    def covers(self, window: Window, item: int) -> bool:
        return self.covers_position(window, self.position[item], item)

    def covers_position(self, window: Window, position: int, item: int) -> bool:
        if item in window.except_items:
            return False
        start = self.position.get(window.from_item) if window.from_item is not None else None
        end = self.position.get(window.until_item) if window.until_item is not None else None
        if start is not None and position < start:
            return False
        return end is None or position <= end


@dataclass
class Presence:
    """Who is present at each position of the order of passage."""

    passage: Passage
    always_present: frozenset[str]
    by_position: list[frozenset[str]]
    listed: frozenset[str]
    findings: list[Violation] = field(default_factory=list)

    def present_at(self, item: int) -> frozenset[str]:
        return self.by_position[self.passage.position[item]]


def resolve_presence(meeting: Meeting, passage: Passage) -> Presence:
    lines_by_member: dict[str, list[Attendance]] = defaultdict(list)
    for line in meeting.attendance:
        lines_by_member[line.member].append(line)

    findings: list[Violation] = []
    always: set[str] = set()
    windowed: dict[str, list[bool]] = {}
    for member, lines in lines_by_member.items():
        if all(line.window.is_whole_meeting for line in lines):
            states = {line.present for line in lines}
            if states == {True}:
                always.add(member)
            elif len(states) == 2:
                findings.append(_present_and_absent(meeting.display_name(member), passage.order, member))
                always.add(member)  # physically seen; the record is wrong either way
            continue
        windowed[member] = _member_states(meeting.display_name(member), lines, passage, findings)

    by_position = []
    frozen_always = frozenset(always)
    for position in range(len(passage.order)):
        extra = [member for member, states in windowed.items() if states[position]]
        by_position.append(frozen_always | frozenset(extra) if extra else frozen_always)
    return Presence(passage, frozen_always, by_position, frozenset(lines_by_member), findings)


def _member_states(
    name: str, lines: list[Attendance], passage: Passage, findings: list[Violation]
) -> list[bool]:
    present_lines = [line for line in lines if line.present]
    absent_lines = [line for line in lines if not line.present]
    states: list[bool] = []
    overlaps: list[int] = []
    resolved: list[int] = []
    gaps: list[int] = []
    for position, item in enumerate(passage.order):
        in_present = [line for line in present_lines if passage.covers_position(line.window, position, item)]
        in_absent = [line for line in absent_lines if passage.covers_position(line.window, position, item)]
        if in_present and in_absent:
            if _loose_end_at(in_present, item) and not _loose_end_at(in_absent, item):
                states.append(False)
                resolved.append(item)
            elif _loose_end_at(in_absent, item) and not _loose_end_at(in_present, item):
                states.append(True)
                resolved.append(item)
            else:
                states.append(True)
                overlaps.append(item)
        elif in_present:
            states.append(True)
        elif in_absent:
            states.append(False)
        elif present_lines and absent_lines:
            states.append(False)
            gaps.append(item)
        else:
            # listed on one side only: the window says where, the other side is implied
            states.append(not present_lines)
    member = lines[0].member
    if overlaps:
        findings.append(_present_and_absent(name, tuple(overlaps), member))
    if resolved:
        findings.append(
            warning(
                "attendance_overlap_resolved",
                f"{name} est indiqué présent et absent à la question n°{resolved[0]} ; le « jusqu'à » "
                "non qualifié est lu d'après la mention complémentaire : absent à cette question.",
                members=(member,),
                items=tuple(resolved),
            )
        )
    if gaps:
        findings.append(
            warning(
                "attendance_gap",
                f"{name} n'est ni présent ni absent aux questions {_items_text(gaps)} ; compté absent.",
                members=(member,),
                items=tuple(gaps),
            )
        )
    return states


def _loose_end_at(lines: list[Attendance], item: int) -> bool:
    return any(line.window.loose_end and line.window.until_item == item for line in lines)


def _present_and_absent(name: str, items: tuple[int, ...], member: str) -> Violation:
    return violation(
        "present_and_absent",
        f"{name} figure à la fois parmi les présents et les absents (questions {_items_text(items)}).",
        members=(member,),
        items=items,
    )


def _items_text(items) -> str:
    items = list(items)
    if len(items) > 6:
        return f"n°{items[0]} à n°{items[-1]}"
    return ", ".join(f"n°{i}" for i in items)
