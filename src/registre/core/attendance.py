"""Who is physically in the room along the order of passage, from the present and absent lists.

A member listed only as present with a window is absent outside it, and the
reverse for the absent list. Listed in both, the windows must be complementary;
where they overlap only on the loose end of a bare "jusqu'à la question n°7", the
counterpart decides (the member left before item 7) and a warning says so.

A member's presence can change only where a window starts, ends or has a hole,
so it is decided once per stretch between those bounds and kept as changes:
who is present from the first item, then who arrives and who leaves where.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .model import Attendance, Meeting, Window
from .violations import Violation, violation, warning

# how a member's state at an item was decided, when the lists do not simply agree
OVERLAP, RESOLVED, GAP = "overlap", "resolved", "gap"


class Passage:
    """Positions of the items in the order of passage."""

    def __init__(self, order: tuple[int, ...]):
        self.order = order
        self.position = {number: index for index, number in enumerate(order)}
        self._positions: dict[int, list[int]] | None = None

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

    def positions_of(self, item: int) -> list[int]:
        """Every position of an item (an order of passage may name an item twice)."""
        if self._positions is None:
            self._positions = defaultdict(list)
            for index, number in enumerate(self.order):
                self._positions[number].append(index)
        return self._positions.get(item, [])

    def bounds(self, window: Window, *, loose_end: bool = False) -> set[int]:
        """Positions where a window's coverage may change: its start, the position after its end,
        each hole and the position after it; with ``loose_end``, the loose last item too."""
        bounds: set[int] = set()
        if window.from_item is not None and window.from_item in self.position:
            bounds.add(self.position[window.from_item])
        if window.until_item is not None and window.until_item in self.position:
            bounds.add(self.position[window.until_item] + 1)
            if loose_end and window.loose_end:
                for position in self.positions_of(window.until_item):
                    bounds.update((position, position + 1))
        for item in window.except_items:
            for position in self.positions_of(item):
                bounds.update((position, position + 1))
        return bounds


def member_state(
    present_lines: Sequence[Attendance], absent_lines: Sequence[Attendance], passage: Passage, position: int
) -> tuple[bool, str]:
    """Whether a member with windowed lines is present at a position, and how it was decided
    (``OVERLAP``, ``RESOLVED``, ``GAP``, or "" when the lists simply say so)."""
    item = passage.order[position]
    in_present = [line for line in present_lines if passage.covers_position(line.window, position, item)]
    in_absent = [line for line in absent_lines if passage.covers_position(line.window, position, item)]
    if in_present and in_absent:
        if _loose_end_at(in_present, item) and not _loose_end_at(in_absent, item):
            return False, RESOLVED
        if _loose_end_at(in_absent, item) and not _loose_end_at(in_present, item):
            return True, RESOLVED
        return True, OVERLAP
    if in_present:
        return True, ""
    if in_absent:
        return False, ""
    if present_lines and absent_lines:
        return False, GAP
    # listed on one side only: the window says where, the other side is implied
    return not present_lines, ""


def _loose_end_at(lines: list[Attendance], item: int) -> bool:
    return any(line.window.loose_end and line.window.until_item == item for line in lines)


def lines_by_member(meeting: Meeting) -> dict[str, list[Attendance]]:
    lines: dict[str, list[Attendance]] = defaultdict(list)
    for line in meeting.attendance:
        lines[line.member].append(line)
    return lines


def whole_meeting_state(
    meeting: Meeting, passage: Passage, member: str, lines: list[Attendance], findings: list[Violation]
) -> bool:
    """A member whose lines have no window: present, unless listed only as absent."""
    states = {line.present for line in lines}
    if len(states) == 2:
        findings.append(present_and_absent(meeting.display_name(member), passage.order, member))
        return True  # physically seen; the record is wrong either way
    return states == {True}


@dataclass
class PresenceChanges:
    """Presence along the order of passage: who is there at the first item, then the changes."""

    passage: Passage
    initial: frozenset[str]
    changes: dict[int, list[tuple[str, bool]]]  # position -> (member, now present)
    listed: frozenset[str]
    findings: list[Violation] = field(default_factory=list)


def presence_changes(meeting: Meeting, passage: Passage) -> PresenceChanges:
    findings: list[Violation] = []
    initial: set[str] = set()
    changes: dict[int, list[tuple[str, bool]]] = defaultdict(list)
    by_member = lines_by_member(meeting)
    for member, lines in by_member.items():
        if all(line.window.is_whole_meeting for line in lines):
            if whole_meeting_state(meeting, passage, member, lines, findings):
                initial.add(member)
            continue
        if not passage.order:
            continue
        steps = _member_steps(meeting.display_name(member), lines, passage, findings)
        if steps[0][1]:
            initial.add(member)
        for position, present in steps[1:]:
            changes[position].append((member, present))
    return PresenceChanges(passage, frozenset(initial), dict(changes), frozenset(by_member), findings)


def _member_steps(
    name: str, lines: list[Attendance], passage: Passage, findings: list[Violation]
) -> list[tuple[int, bool]]:
    """The positions where a member's presence changes, the first position included."""
    present_lines = [line for line in lines if line.present]
    absent_lines = [line for line in lines if not line.present]
    bounds = {0}
    for line in lines:
        bounds |= passage.bounds(line.window, loose_end=True)
    starts = sorted(b for b in bounds if b < len(passage.order))
    noted: dict[str, list[int]] = {OVERLAP: [], RESOLVED: [], GAP: []}
    steps: list[tuple[int, bool]] = []
    for index, start in enumerate(starts):
        present, how = member_state(present_lines, absent_lines, passage, start)
        if how:
            end = starts[index + 1] if index + 1 < len(starts) else len(passage.order)
            noted[how].extend(passage.order[start:end])
        if not steps or steps[-1][1] != present:
            steps.append((start, present))
    findings.extend(state_findings(name, lines[0].member, noted))
    return steps


def state_findings(name: str, member: str, noted: dict[str, list[int]]) -> list[Violation]:
    """What the lists say wrongly or loosely about one member, items in the order of passage."""
    findings = []
    if noted[OVERLAP]:
        findings.append(present_and_absent(name, tuple(noted[OVERLAP]), member))
    if noted[RESOLVED]:
        findings.append(
            warning(
                "attendance_overlap_resolved",
                f"{name} est indiqué présent et absent à la question n°{noted[RESOLVED][0]} ; le « jusqu'à » "
                "non qualifié est lu d'après la mention complémentaire : absent à cette question.",
                members=(member,),
                items=tuple(noted[RESOLVED]),
            )
        )
    if noted[GAP]:
        findings.append(
            warning(
                "attendance_gap",
                f"{name} n'est ni présent ni absent aux questions {items_text(noted[GAP])} ; compté absent.",
                members=(member,),
                items=tuple(noted[GAP]),
            )
        )
    return findings


def present_and_absent(name: str, items: tuple[int, ...], member: str) -> Violation:
    return violation(
        "present_and_absent",
        f"{name} figure à la fois parmi les présents et les absents (questions {items_text(items)}).",
        members=(member,),
        items=items,
    )


def items_text(items: Iterable[int]) -> str:
    items = list(items)
    if len(items) > 6:
        return f"n°{items[0]} à n°{items[-1]}"
    return ", ".join(f"n°{i}" for i in items)
