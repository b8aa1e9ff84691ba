"""The reference engine: the rules restated item by item, kept as the oracle of ``tally``.

For every position of the order of passage it decides each member's presence and judges
every proxy afresh, with one finding per item and cause. It is slow on long meetings (its
presence pass is the baseline of bench/tally.py) and plain to read: the property tests check
that the sweep in ``tally`` gives the same figures and the same findings once expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .attendance import (
    GAP,
    OVERLAP,
    RESOLVED,
    Passage,
    lines_by_member,
    member_state,
    state_findings,
    whole_meeting_state,
)
from .checks import check_agenda, check_roster
from .findings import proxy_finding, quorum_not_reached, substitute_and_proxy
from .model import Item, Meeting, Proxy
from .proxies import judge_proxies
from .rules import RuleSet, rules_on
from .violations import Violation
from .votes import count_votes, result


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
    """One set of present members per position: every member decided at every item."""
    by_member = lines_by_member(meeting)
    findings: list[Violation] = []
    always: set[str] = set()
    windowed: dict[str, list[bool]] = {}
    for member, lines in by_member.items():
        if all(line.window.is_whole_meeting for line in lines):
            if whole_meeting_state(meeting, passage, member, lines, findings):
                always.add(member)
            continue
        present_lines = [line for line in lines if line.present]
        absent_lines = [line for line in lines if not line.present]
        states: list[bool] = []
        noted: dict[str, list[int]] = {OVERLAP: [], RESOLVED: [], GAP: []}
        for position, item in enumerate(passage.order):
            present, how = member_state(present_lines, absent_lines, passage, position)
            states.append(present)
            if how:
                noted[how].append(item)
        findings.extend(state_findings(meeting.display_name(member), member, noted))
        windowed[member] = states

    by_position = []
    frozen_always = frozenset(always)
    for position in range(len(passage.order)):
        extra = [member for member, states in windowed.items() if states[position]]
        by_position.append(frozen_always | frozenset(extra) if extra else frozen_always)
    return Presence(passage, frozen_always, by_position, frozenset(by_member), findings)


@dataclass(frozen=True)
class ItemTally:
    item: int
    position: int
    present: tuple[str, ...]
    represented: tuple[Proxy, ...]  # valid proxies at this item
    absent: tuple[str, ...]  # listed, not present, not represented
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
    violations: tuple[Violation, ...] = ()

    @property
    def votes_cast(self) -> int | None:
        if self.votes_for is None or self.votes_against is None:
            return None
        return self.votes_for + self.votes_against

    @property
    def present_count(self) -> int:
        return len(self.present)

    @property
    def represented_count(self) -> int:
        return len(self.represented)


@dataclass
class MeetingTally:
    meeting: Meeting
    rules: RuleSet
    items: list[ItemTally]
    violations: list[Violation] = field(default_factory=list)  # about the meeting as a whole


def tally_meeting(meeting: Meeting) -> MeetingTally:
    rules = rules_on(meeting.date)
    passage = Passage(tuple(meeting.order_of_passage))
    findings = check_agenda(meeting, passage) + check_roster(meeting)
    presence = resolve_presence(meeting, passage)
    findings += presence.findings
    items_by_number = {item.number: item for item in meeting.items}
    tallies = []
    for position, number in enumerate(passage.order):
        item = items_by_number.get(number) or Item(number)
        present = presence.by_position[position]
        valid, item_findings = _valid_proxies(meeting, passage, rules, present, position, number)
        tallies.append(_tally_item(meeting, rules, item, position, present, valid, presence, item_findings))
    return MeetingTally(meeting, rules, tallies, list(dict.fromkeys(findings)))


def _valid_proxies(
    meeting: Meeting, passage: Passage, rules: RuleSet, present: frozenset[str], position: int, item: int
) -> tuple[list[Proxy], list[Violation]]:
    """Proxies that count at this item, and why the others do not, item by item."""
    valid, causes = judge_proxies(meeting, rules, passage, present, position)
    name = meeting.display_name
    return list(valid), [proxy_finding(code, proxy, (item,), name, rules) for code, proxy in causes.values()]


def _tally_item(
    meeting: Meeting,
    rules: RuleSet,
    item: Item,
    position: int,
    present: frozenset[str],
    valid: list[Proxy],
    presence: Presence,
    proxy_findings: list[Violation],
) -> ItemTally:
    findings = list(proxy_findings)
    interested = item.interested_members
    interested_present = tuple(sorted(k for k in present if k in interested))
    not_participating = len(interested_present) + sum(
        1 for p in valid if p.principal in interested or p.holder in interested
    )
    represented_keys = {p.principal for p in valid}
    absent = tuple(sorted(k for k in presence.listed if k not in present and k not in represented_keys))
    voters = len(present) + len(valid) - not_participating

    quorum_required = 0 if meeting.reconvened_without_quorum else rules.quorum_required(meeting.seats)
    quorum_count = len(present) - len(interested_present)
    if rules.quorum_counts_proxies:
        quorum_count += sum(1 for p in valid if p.principal not in interested)
    quorum_reached = quorum_count >= quorum_required
    if not quorum_reached:
        findings.append(quorum_not_reached((item.number,), quorum_count, quorum_required))

    findings += _substitute_findings(meeting, item.number, present, valid)
    votes, vote_findings = count_votes(meeting, item, present, valid, voters)
    (adopted, unanimous, unanimous_cast), result_findings = result(meeting, item, votes)
    return ItemTally(
        item=item.number,
        position=position,
        present=tuple(sorted(present)),
        represented=tuple(valid),
        absent=absent,
        not_participating=not_participating,
        interested_present=interested_present,
        voters=voters,
        quorum_required=quorum_required,
        quorum_count=quorum_count,
        quorum_reached=quorum_reached,
        votes_for=votes[0],
        votes_against=votes[1],
        abstentions=votes[2],
        adopted=adopted,
        unanimous=unanimous,
        unanimous_of_votes_cast=unanimous_cast,
        violations=tuple(findings + vote_findings + result_findings),
    )


def _substitute_findings(
    meeting: Meeting, item: int, present: frozenset[str], valid: list[Proxy]
) -> list[Violation]:
    """L5211-6: a titular member replaced by the substitute must not also give a proxy."""
    sitting = set()
    for key in present:
        member = meeting.member(key)
        if member and member.substitute:
            sitting.add(member.commune)
    findings = []
    for proxy in valid:
        principal = meeting.member(proxy.principal)
        if principal and not principal.substitute and principal.commune and principal.commune in sitting:
            findings.append(substitute_and_proxy(proxy.principal, (item,), meeting.display_name))
    return findings
