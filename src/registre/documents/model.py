"""What a document is made of: the core meeting, its tally, and what the register adds.

The rules core knows who was there and how the votes fall; the register adds the
deliberation numbers, the texts and the dates of transmission and publication.
Plain dataclasses: the web layer fills them from its records, the importer adapter
from an extract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from registre.core import Meeting, MeetingTally, tally_meeting

# What a document says, as plain JSON-ready data (composition.py), before any layout.
Composition = dict[str, Any]


@dataclass(frozen=True)
class Signatory:
    """Who signs "Pour extrait conforme": capacity above the name, title below."""

    name: str  # "Gabriel BAULIEU"
    capacity: str = ""  # "Le Vice-Président suppléant"
    title: str = ""  # "1er Vice-Président"


@dataclass(frozen=True)
class BudgetAmount:
    label: str  # "Montant de l'opération"
    value: Decimal


@dataclass(frozen=True)
class DeliberationRecord:
    """One deliberation of the register: the item it decides and what the register adds.

    Texts (``text``, ``decision``, ``annexes``) are light Markdown: paragraphs, "#" headings,
    "- " lists, **bold**, *italics*, tab-separated table rows. ``decision`` is the operative
    part without its opening words: "À l'unanimité, le Conseil …" is written from the tally.
    """

    number: str  # "2021/005795"
    item: int  # the item number in the meeting (order of passage and windows use it)
    title: str = ""
    rapporteur: str | None = None
    committee: str | None = None
    budget_line: str | None = None  # "BP 2021 et PPIF 2021-2025 « … » fonctionnement"
    budget_amounts: tuple[BudgetAmount, ...] = ()
    text: str = ""
    decision: str = ""
    interested_members: tuple[str, ...] | None = None  # keys, in the record's order; None: the item's
    signatory: Signatory | None = None  # None: the meeting's
    transmitted_on: dt.date | None = None  # transmission to the prefecture (legality review)
    published_on: dt.date | None = None  # put online
    annexes: str = ""  # e.g. the grant agreement as adopted
    debate: str = ""  # substance of the debate, for the minutes


@dataclass
class MeetingRecord:
    """A meeting as the register documents it. ``tally`` is computed from the meeting when absent."""

    meeting: Meeting
    deliberations: tuple[DeliberationRecord, ...] = ()
    tally: MeetingTally | None = None
    convened_on: dt.date | None = None
    chair_title: str | None = None  # "Présidente de Grand Besançon Métropole"; default from the core
    signatory: Signatory | None = None  # default for the extracts; None: the chair
    list_posted_on: dt.date | None = None  # list of deliberations posted and put online
    minutes_adopted_on: dt.date | None = None
    minutes_published_on: dt.date | None = None
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.tally is None:
            self.tally = tally_meeting(self.meeting)

    @property
    def computed(self) -> MeetingTally:
        """The tally (given, or computed at creation)."""
        assert self.tally is not None  # __post_init__ computes it
        return self.tally

    def deliberation(self, number: str) -> DeliberationRecord:
        for record in self.deliberations:
            if record.number == number:
                return record
        known = ", ".join(d.number for d in self.deliberations) or "aucune"
        raise KeyError(f"délibération n° {number} inconnue (séance : {known})")

    def deliberation_for_item(self, item: int) -> DeliberationRecord | None:
        return next((d for d in self.deliberations if d.item == item), None)
