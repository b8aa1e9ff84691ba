"""Attendance and proxies as changes along the order of passage.

Between two changes (an arrival, a departure, a bound of a proxy's window) the same members
are present and the same proxies count: those items share one span. Proxies are judged again
only where one of their members or their window changes. A cause that holds on consecutive
spans (a proxy whose holder is absent) is one run, reported once for all its items.
"""

from __future__ import annotations

from collections.abc import Hashable

from .attendance import Passage, PresenceChanges
from .findings import proxy_finding, substitute_and_proxy
from .model import Meeting, Member, Proxy
from .proxies import Cause, judge_proxies
from .rules import RuleSet
from .violations import Violation


class Run:
    """One cause over the consecutive positions ``start`` to ``end`` (excluded)."""

    __slots__ = ("code", "proxy", "start", "end", "finding")

    def __init__(self, cause: Cause, start: int, end: int):
        self.code, self.proxy = cause
        self.start = start
        self.end = end
        self.finding: Violation | None = None


class Runs:
    """Causes seen span after span, merged while they follow each other."""

    def __init__(self) -> None:
        self.latest: dict[Hashable, Run] = {}
        self.all: list[Run] = []

    def step(self, start: int, end: int, causes: dict[Hashable, Cause]) -> tuple[Run, ...]:
        """``causes``: what holds on the span, by a key naming the cause."""
        held = []
        for key, cause in causes.items():
            run = self.latest.get(key)
            if run is None or run.end != start:
                run = Run(cause, start, end)
                self.latest[key] = run
                self.all.append(run)
            else:
                run.end = end
            held.append(run)
        return tuple(held)


class Span:
    """Consecutive positions where the same members are present and the same proxies count.
    Name lists are sorted when first asked for, once for all the span's items."""

    __slots__ = (
        "start",
        "end",
        "present",
        "represented",
        "listed",
        "_runs",
        "_names",
        "_absent",
        "_findings",
    )

    def __init__(
        self,
        start: int,
        end: int,
        present: frozenset[str],
        represented: tuple[Proxy, ...],
        listed: frozenset[str],
        runs: tuple[tuple[Run, ...], tuple[Run, ...]],
    ):
        self.start = start
        self.end = end
        self.present = present
        self.represented = represented  # valid proxies
        self.listed = listed
        self._runs = runs  # (proxies, substitutes)
        self._names: tuple[str, ...] | None = None
        self._absent: tuple[str, ...] | None = None
        self._findings: tuple[tuple[Violation, ...], tuple[Violation, ...]] | None = None

    def present_names(self) -> tuple[str, ...]:
        if self._names is None:
            self._names = tuple(sorted(self.present))
        return self._names

    def absent_names(self) -> tuple[str, ...]:
        """Listed, neither present nor represented."""
        if self._absent is None:
            represented = {p.principal for p in self.represented}
            self._absent = tuple(
                sorted(k for k in self.listed if k not in self.present and k not in represented)
            )
        return self._absent

    def findings(self) -> tuple[tuple[Violation, ...], tuple[Violation, ...]]:
        """The proxy findings, then the substitute findings, holding on this span."""
        if self._findings is None:
            proxies, substitutes = self._runs
            self._findings = (_built(proxies), _built(substitutes))
        return self._findings


def _built(runs: tuple[Run, ...]) -> tuple[Violation, ...]:
    return tuple(run.finding for run in runs if run.finding is not None)


def sweep(meeting: Meeting, rules: RuleSet, passage: Passage, presence: PresenceChanges) -> list[Span]:
    """The spans of the order of passage, first to last, and the findings of their runs."""
    if not passage.order:
        return []
    sweeper = _Sweeper(meeting, rules, passage, presence)
    starts = sorted({0, *presence.changes, *(b for b in sweeper.proxy_bounds if b < len(passage.order))})
    ends = starts[1:] + [len(passage.order)]
    spans = [
        sweeper.span(start, end, first=index == 0)
        for index, (start, end) in enumerate(zip(starts, ends, strict=True))
    ]
    sweeper.word_findings()
    return spans


class _Sweeper:
    """What holds at the current span; re-judged only where a change touches it."""

    def __init__(self, meeting: Meeting, rules: RuleSet, passage: Passage, presence: PresenceChanges):
        self.meeting, self.rules, self.passage, self.presence = meeting, rules, passage, presence
        self.proxy_bounds: set[int] = set()
        for proxy in meeting.proxies:
            self.proxy_bounds |= passage.bounds(proxy.window)
        self.proxy_people = {key for p in meeting.proxies for key in (p.principal, p.holder)}
        self.members = {m.key: m for m in meeting.members}
        self.substitutes = {key for key, m in self.members.items() if m.substitute}
        self.here = set(presence.initial)
        self.present = presence.initial
        self.valid: tuple[Proxy, ...] = ()
        self.proxy_causes: dict[Hashable, Cause] = {}
        self.substitute_causes: dict[Hashable, Cause] = {}
        self.proxy_runs, self.substitute_runs = Runs(), Runs()

    def span(self, start: int, end: int, *, first: bool) -> Span:
        moved = self.presence.changes.get(start, [])
        for member, now_present in moved:
            if now_present:
                self.here.add(member)
            else:
                self.here.discard(member)
        if moved:
            self.present = frozenset(self.here)
        moved_keys = {member for member, _ in moved}
        valid_changed = False
        if first or start in self.proxy_bounds or not moved_keys.isdisjoint(self.proxy_people):
            valid, self.proxy_causes = judge_proxies(
                self.meeting, self.rules, self.passage, self.present, start
            )
            valid_changed, self.valid = valid != self.valid, valid
        if first or valid_changed or not moved_keys.isdisjoint(self.substitutes):
            self.substitute_causes = _substitute_causes(
                self.members, self.substitutes, self.present, self.valid
            )
        runs = (
            self.proxy_runs.step(start, end, self.proxy_causes),
            self.substitute_runs.step(start, end, self.substitute_causes),
        )
        return Span(start, end, self.present, self.valid, self.presence.listed, runs)

    def word_findings(self) -> None:
        order, name = self.passage.order, self.meeting.display_name
        for run in self.proxy_runs.all:
            run.finding = proxy_finding(run.code, run.proxy, order[run.start : run.end], name, self.rules)
        for run in self.substitute_runs.all:
            run.finding = substitute_and_proxy(run.proxy.principal, order[run.start : run.end], name)


def _substitute_causes(
    members: dict[str, Member], substitutes: set[str], present: frozenset[str], valid: tuple[Proxy, ...]
) -> dict[Hashable, Cause]:
    """L5211-6: a titular member replaced by the substitute must not also give a proxy."""
    sitting = {members[key].commune for key in substitutes if key in present}
    causes: dict[Hashable, Cause] = {}
    for proxy in valid:
        principal = members.get(proxy.principal)
        if principal and not principal.substitute and principal.commune and principal.commune in sitting:
            causes.setdefault(proxy.principal, ("substitute_and_proxy", proxy))
    return causes
