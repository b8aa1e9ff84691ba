"""The vote engine: for every item, in the order of passage, who counts and how.

Each present member holds one seat and each valid proxy one more, carried by
its holder. A seat does not vote when its member, or the holder carrying it,
is interested in the matter (L2131-11: "soit en leur nom personnel, soit comme
mandataires"). Voters = present + represented - not participating.

Attendance and proxies change at few places of the order of passage; ``sweep`` follows those
changes once, and each item's figures derive from the span it falls in and from its own
interested members and vote. A finding that holds on consecutive items (a proxy that does not
count, quorum not reached with the same count) is reported once for the run, and every item of
the run lists it. ``reference`` restates the same rules item by item, as the tests' oracle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .attendance import Passage, presence_changes
from .checks import check_agenda, check_roster
from .findings import quorum_not_reached
from .model import Item, Meeting, Proxy
from .rules import RuleSet, rules_on
from .sweep import Span, sweep
from .violations import Violation
from .votes import count_votes, result


@dataclass(frozen=True, eq=False, slots=True)
class ItemTally:
    """One item's figures. Name lists (present, absent) are shared by the items of a span and
    sorted on first use."""

    item: int
    position: int
    not_participating: int
    interested_present: tuple[str, ...]
    voters: int
    quorum_required: int
    quorum_count: int
    quorum_reached: bool
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    adopted: bool | None
    unanimous: bool | None
    unanimous_of_votes_cast: bool | None
    violations: tuple[Violation, ...]
    span: Span = field(repr=False)

    @property
    def present(self) -> tuple[str, ...]:
        return self.span.present_names()

    @property
    def represented(self) -> tuple[Proxy, ...]:
        """The proxies that count at this item."""
        return self.span.represented

    @property
    def absent(self) -> tuple[str, ...]:
        """Listed, not present, not represented."""
        return self.span.absent_names()

    def is_present(self, member: str) -> bool:
        return member in self.span.present

    @property
    def votes_cast(self) -> int | None:
        if self.votes_for is None or self.votes_against is None:
            return None
        return self.votes_for + self.votes_against

    @property
    def present_count(self) -> int:
        return len(self.span.present)

    @property
    def represented_count(self) -> int:
        return len(self.span.represented)

    def figures(self) -> tuple[Any, ...]:
        """Everything the tally says about the item, names included."""
        return (
            self.item,
            self.position,
            self.present,
            self.represented,
            self.absent,
            self.not_participating,
            self.interested_present,
            self.voters,
            self.quorum_required,
            self.quorum_count,
            self.quorum_reached,
            self.votes_for,
            self.votes_against,
            self.abstentions,
            self.adopted,
            self.unanimous,
            self.unanimous_of_votes_cast,
            self.violations,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ItemTally) and self.figures() == other.figures()

    def __hash__(self) -> int:
        return hash(self.figures())


@dataclass
class MeetingTally:
    meeting: Meeting
    rules: RuleSet
    items: list[ItemTally]
    violations: list[Violation] = field(default_factory=list)  # about the meeting as a whole
    _by_number: dict[int, ItemTally] = field(default_factory=dict, repr=False, compare=False)

    def for_item(self, number: int) -> ItemTally | None:
        if not self._by_number and self.items:
            for tally in self.items:
                self._by_number.setdefault(tally.item, tally)
        return self._by_number.get(number)

    def findings(self) -> list[Violation]:
        """Every finding once: the meeting's, then each item's in the order of passage."""
        found = dict.fromkeys(self.violations)
        for tally in self.items:
            found.update(dict.fromkeys(tally.violations))
        return list(found)


def tally_meeting(meeting: Meeting) -> MeetingTally:
    rules = rules_on(meeting.date)
    passage = Passage(tuple(meeting.order_of_passage))
    findings = check_agenda(meeting, passage) + check_roster(meeting)
    presence = presence_changes(meeting, passage)
    findings += presence.findings
    spans = sweep(meeting, rules, passage, presence)
    return MeetingTally(
        meeting, rules, _tally_items(meeting, rules, passage, spans), list(dict.fromkeys(findings))
    )


class _QuorumRun:
    __slots__ = ("count", "start", "end", "finding")

    def __init__(self, count: int, start: int):
        self.count, self.start, self.end = count, start, start + 1
        self.finding: tuple[Violation, ...] = ()


_Row = tuple[int, Item, Span, tuple[str, ...], int, int, int, _QuorumRun | None]


def _tally_items(meeting: Meeting, rules: RuleSet, passage: Passage, spans: list[Span]) -> list[ItemTally]:
    """Figures item by item from each span; then the quorum findings, one per run of items."""
    items_by_number = {item.number: item for item in meeting.items}
    required = 0 if meeting.reconvened_without_quorum else rules.quorum_required(meeting.seats)
    runs: list[_QuorumRun] = []
    rows: list[_Row] = []
    for span in spans:
        for position in range(span.start, span.end):
            number = passage.order[position]
            item = items_by_number.get(number) or Item(number)
            interested_present, not_participating, quorum_count = _interested(rules, item, span)
            voters = len(span.present) + len(span.represented) - not_participating
            run = _quorum_run(runs, position, quorum_count) if quorum_count < required else None
            rows.append(
                (position, item, span, interested_present, not_participating, voters, quorum_count, run)
            )
    for run in runs:
        run.finding = (quorum_not_reached(passage.order[run.start : run.end], run.count, required),)
    return [_item_tally(meeting, required, row) for row in rows]


def _quorum_run(runs: list[_QuorumRun], position: int, count: int) -> _QuorumRun:
    """The run the item extends (the previous item fell short by the same count), or a new one."""
    if runs and runs[-1].end == position and runs[-1].count == count:
        runs[-1].end = position + 1
    else:
        runs.append(_QuorumRun(count, position))
    return runs[-1]


def _interested(rules: RuleSet, item: Item, span: Span) -> tuple[tuple[str, ...], int, int]:
    """Interested members present, seats not participating, and the quorum count."""
    interested = item.interested_members
    valid = span.represented
    proxies_counted = len(valid) if rules.quorum_counts_proxies else 0
    if not interested:
        return (), 0, len(span.present) + proxies_counted
    interested_present = tuple(sorted(k for k in interested if k in span.present))
    not_participating = len(interested_present) + sum(
        1 for p in valid if p.principal in interested or p.holder in interested
    )
    if proxies_counted:
        proxies_counted = sum(1 for p in valid if p.principal not in interested)
    return (
        interested_present,
        not_participating,
        len(span.present) - len(interested_present) + proxies_counted,
    )


def _item_tally(meeting: Meeting, required: int, row: _Row) -> ItemTally:
    position, item, span, interested_present, not_participating, voters, quorum_count, run = row
    votes, vote_findings = count_votes(meeting, item, span.present, span.represented, voters)
    (adopted, unanimous, unanimous_cast), result_findings = result(meeting, item, votes)
    proxies, substitutes = span.findings()
    violations = proxies + (run.finding if run else ()) + substitutes
    if vote_findings or result_findings:
        violations += tuple(vote_findings + result_findings)
    return ItemTally(
        item=item.number,
        position=position,
        not_participating=not_participating,
        interested_present=interested_present,
        voters=voters,
        quorum_required=required,
        quorum_count=quorum_count,
        quorum_reached=run is None,
        votes_for=votes[0],
        votes_against=votes[1],
        abstentions=votes[2],
        adopted=adopted,
        unanimous=unanimous,
        unanimous_of_votes_cast=unanimous_cast,
        violations=violations,
        span=span,
    )
