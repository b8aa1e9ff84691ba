"""An operation the rules forbid: nothing is recorded, the findings say why."""

from __future__ import annotations

from collections.abc import Iterable

from ..violations import Severity, Violation


class GrantRefused(Exception):
    """Raised by the ``record_…``/``apply_…`` functions; carries the blocking violations."""

    def __init__(self, violations: list[Violation] | tuple[Violation, ...]):
        self.violations = tuple(violations)
        super().__init__(" ; ".join(v.message for v in self.violations))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.violations)


def blocking(findings: Iterable[Violation]) -> list[Violation]:
    return [f for f in findings if f.severity is Severity.VIOLATION]


def refuse_if_blocking(findings: Iterable[Violation]) -> None:
    blockers = blocking(findings)
    if blockers:
        raise GrantRefused(blockers)
