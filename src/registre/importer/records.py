"""What a document states, as plain records: the readers fill them, ``assemble`` turns them
into the core's meeting, ``report`` into the JSON contract."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from registre.core.model import Window
from registre.core.violations import Violation

from .counts import Count, Figures
from .layout import FlatText
from .persons import NamedPerson
from .votes import StatedVote, VoteReading

Span = tuple[int, int]  # offsets into the decoded text


@dataclass
class ListedMember:
    person: NamedPerson
    commune: str | None
    present: bool
    window: Window | None
    substitute: bool
    clock: str | None = None  # a clock-time window that names no item


@dataclass
class StatedProxy:
    principal: NamedPerson
    holder: NamedPerson
    window: Window | None
    clock: str | None = None
    # "(jusqu'au compte rendu …)" with the principal present from an item: the proxy holds for the
    # part of the meeting outside that presence, placed once the order of passage is known
    outside_presence: Window | None = None


@dataclass
class Attendance:
    listed: list[ListedMember]
    proxies: list[StatedProxy]
    secretary: NamedPerson | None
    end: int  # where the attendance block ends: the first deliberation may start there
    findings: list[Violation] = field(default_factory=list)


@dataclass
class StatedDeliberation:
    number: str
    item: int | None
    title: str
    rapporteur: str | None
    committee: str | None
    interested: list[NamedPerson]
    vote: StatedVote
    line: int
    budget_line: str | None = None
    decision: str = ""
    span: Span = (0, 0)  # offsets of the deliberation in the original text
    votes: list[StatedVote] = field(default_factory=list)  # every vote, when the item has several
    counts: dict[str, int] = field(default_factory=dict)  # attendance figures the deliberation prints
    reading: VoteReading | None = None
    numbered: bool = True
    evidence: dict[str, Span] = field(default_factory=dict)  # count kind -> where it was read
    findings: list[Violation] = field(default_factory=list)  # figures refused, and why
    position: int | None = None  # the item number printed in its heading ("Dossier n°2-1": 2)
    changed: dict[str, Count] = field(default_factory=dict)  # "27 puis 28": figures that change
    unknown: set[str] = field(default_factory=set)  # kinds the meeting states but this act cannot take


@dataclass
class StatedExtract:
    source: str
    authority: str | None
    council: str | None
    date: dt.date | None
    place: str | None
    chair: NamedPerson | None
    secretary: NamedPerson | None
    opened_at: dt.time | None
    closed_at: dt.time | None
    members_in_office: int | None
    order_of_passage: list[int] | None
    listed: list[ListedMember]
    proxies: list[StatedProxy]
    deliberations: list[StatedDeliberation]
    page: FlatText
    figures: Figures
    warnings: list[str] = field(default_factory=list)
    convened_on: dt.date | None = None
    counts: dict[str, int] = field(default_factory=dict)  # figures the document prints for the meeting
    evidence: dict[str, Span] = field(default_factory=dict)  # count kind -> where it was read
    findings: list[Violation] = field(default_factory=list)  # reading assumptions and traps

    @property
    def original(self) -> str:
        """The text as read, line breaks kept, for renderers and error messages."""
        return self.page.original

    @property
    def flat(self) -> str:
        return self.page.text

    @property
    def all_counts(self) -> list[Count]:
        return self.figures.counts
