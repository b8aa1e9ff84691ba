"""The meeting as the law sees it: plain, immutable data, no framework.

Items are identified by their number; windows are read in the meeting's order of
passage, which may differ from the numbering (glossary: "ordre de passage").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from .names import member_key


class VoteKind(str, Enum):
    SHOW_OF_HANDS = "show_of_hands"
    ROLL_CALL = "roll_call"
    SECRET_BALLOT = "secret_ballot"
    NO_VOTE = "no_vote"  # "prend acte": the council takes note, nothing is voted


class Ballot(str, Enum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


@dataclass(frozen=True)
class Authority:
    name: str
    kind: str = ""  # commune, EPCI, département, région
    siret: str | None = None


@dataclass(frozen=True)
class Member:
    first_name: str
    last_name: str
    civility: str = ""  # "M." or "Mme"
    commune: str | None = None
    substitute: bool = False

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @cached_property
    def key(self) -> str:  # folded once: rosters are looked up by key at every step
        return member_key(self.first_name, self.last_name)


@dataclass(frozen=True)
class Window:
    """Items of the order of passage a statement applies to, bounds inclusive.

    ``None`` bounds mean from the first / until the last item; ``except_items``
    cuts holes ("sauf D90 à D96"). ``loose_end`` marks a bare "jusqu'à la
    question n°7", which clerks use both inclusively and exclusively.
    """

    from_item: int | None = None
    until_item: int | None = None
    except_items: frozenset[int] = frozenset()
    loose_end: bool = False

    @property
    def is_whole_meeting(self) -> bool:
        return self.from_item is None and self.until_item is None and not self.except_items

    def named_items(self) -> set[int]:
        named = set(self.except_items)
        named.update(i for i in (self.from_item, self.until_item) if i is not None)
        return named


WHOLE_MEETING = Window()


@dataclass(frozen=True)
class Attendance:
    """One line of a present or absent list: "M. X (à compter de la question n°9)"."""

    member: str  # member key
    present: bool
    window: Window = WHOLE_MEETING


@dataclass(frozen=True)
class Proxy:
    principal: str  # member key of the one who gives the proxy
    holder: str  # member key of the one who carries it
    window: Window = WHOLE_MEETING


@dataclass(frozen=True)
class Vote:
    """How an item was decided. Totals are ``None`` where the record does not say.

    A show of hands "à l'unanimité" is recorded with ``unanimous=True`` and no
    totals: the engine derives them from the voters.
    """

    kind: VoteKind = VoteKind.SHOW_OF_HANDS
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    unanimous: bool = False
    ballots: tuple[tuple[str, Ballot], ...] = ()  # roll-call: (member key, ballot)
    chair_ballot: Ballot | None = None  # the chair's own vote, for a tie


@dataclass(frozen=True)
class Item:
    number: int
    title: str = ""
    interested_members: frozenset[str] = frozenset()
    vote: Vote = field(default_factory=Vote)
    rapporteur: str | None = None
    committee: str | None = None
    is_appointment: bool = False


@dataclass(frozen=True)
class Meeting:
    authority: Authority
    date: dt.date
    members: tuple[Member, ...]
    order_of_passage: tuple[int, ...]
    items: tuple[Item, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    proxies: tuple[Proxy, ...] = ()
    members_in_office: int | None = None
    council: str = ""
    place: str | None = None
    chair: str | None = None  # member key
    secretary: str | None = None  # member key
    opened_at: dt.time | None = None
    closed_at: dt.time | None = None
    reconvened_without_quorum: bool = False  # second convocation after a failed quorum
    first_convocation: dt.date | None = None  # the meeting whose quorum failed (L2121-17 al. 2)

    def member(self, key: str) -> Member | None:
        return self._members_by_key().get(key)

    def _members_by_key(self) -> dict[str, Member]:
        cache = self.__dict__.get("_by_key")
        if cache is None:
            cache = {m.key: m for m in self.members}
            object.__setattr__(self, "_by_key", cache)
        return cache

    def display_name(self, key: str) -> str:
        member = self.member(key)
        return f"{member.civility} {member.name}".strip() if member else key

    def item(self, number: int) -> Item | None:
        return next((i for i in self.items if i.number == number), None)

    @property
    def seats(self) -> int:
        """Members in office: the stated figure, else the roster's titular members."""
        if self.members_in_office is not None:
            return self.members_in_office
        return sum(1 for m in self.members if not m.substitute)
