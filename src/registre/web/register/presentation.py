"""What a page shows about an item: figures from the rules core, names from the records."""

from __future__ import annotations

import datetime as dt
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


# -- a published act: everything from its frozen content ----------------------------------------

KIND_LABELS = {
    "deliberation": "Délibération",
    "rectification": "Rectification d'erreur matérielle",
    "withdrawal": "Retrait",
}
CORRECTION_VERBS = {"rectification": "rectifiée", "withdrawal": "retirée"}


@dataclass
class PublishedActView:
    """What the public page of an act shows, read from its snapshot (never from live rows)."""

    data: dict
    meeting_date: dt.date
    published_at: dt.datetime
    corrects: object | None  # the PublishedAct this one rectifies or withdraws
    corrected_by: list  # the published acts that rectify or withdraw this one

    @property
    def act(self) -> dict:
        return self.data["act"]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.act["kind"], "Délibération")

    @property
    def tally(self) -> dict | None:
        return self.data["tally"]

    @property
    def names(self) -> dict:
        return self.data["names"] or {
            "present": [],
            "represented": [],
            "absent": [],
            "interested_members": [],
        }

    @property
    def meeting(self) -> dict:
        return self.data["meeting"]

    @property
    def item(self) -> dict | None:
        return self.data["item"]

    @property
    def figures(self) -> dict:
        return self.data["figures"]

    @property
    def in_force(self) -> bool:
        return not self.corrected_by

    @property
    def corrections_phrase(self) -> list[tuple[str, object]]:
        """("rectifiée", act), ("retirée", act): what the later acts did to this one."""
        return [(CORRECTION_VERBS.get(a.kind, "corrigée"), a) for a in self.corrected_by]


def published_act_view(act) -> PublishedActView:
    data = act.data
    return PublishedActView(
        data=data,
        meeting_date=dt.date.fromisoformat(data["meeting"]["date"]),
        published_at=dt.datetime.fromisoformat(data["published_at"]),
        corrects=act.corrects,
        corrected_by=list(act.corrections.select_related("authority").order_by("position")),
    )
