"""What a page shows about an item: figures from the rules core, names from the records."""

from __future__ import annotations

from dataclasses import dataclass

from registre.core import ItemTally

from .conversion import tally
from .models import Item


@dataclass
class ItemAttendance:
    tally: ItemTally
    present: list[str]
    represented: list[tuple[str, str]]  # (principal, holder)
    absent: list[str]
    interested_members: list[str]
    violations: list
    rules_source: str


def item_attendance(item: Item) -> ItemAttendance:
    meeting_tally = tally(item.meeting)
    item_tally = meeting_tally.for_item(item.number)
    names = {m.key: str(m) for m in item.meeting.council.members.all()}
    label = lambda key: names.get(key, key)  # noqa: E731
    return ItemAttendance(
        tally=item_tally,
        present=sorted((label(k) for k in item_tally.present), key=_sort_key),
        represented=[(label(p.principal), label(p.holder)) for p in item_tally.represented],
        absent=sorted((label(k) for k in item_tally.absent), key=_sort_key),
        interested_members=[label(k) for k in sorted(item.interested_members.values_list("key", flat=True))],
        violations=[v for v in meeting_tally.violations if not v.items or item.number in v.items]
        + list(item_tally.violations),
        rules_source=meeting_tally.rules.source,
    )


def _sort_key(name: str) -> tuple:
    parts = name.split(" ")
    return (parts[-1], name)
