"""Named findings about a meeting. ``code`` is stable (tests, API, JSON); the
message is French, for the clerk."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    VIOLATION = "violation"  # the deliberation or the record is unlawful or wrong
    WARNING = "warning"  # doubtful, resolved by assumption, or to be checked


@dataclass(frozen=True)
class Violation:
    code: str
    message: str
    severity: Severity = Severity.VIOLATION
    members: tuple[str, ...] = ()
    items: tuple[int, ...] = ()
    field: str | None = None

    def as_dict(self) -> dict:
        data = {"code": self.code, "message": self.message, "severity": self.severity.value}
        if self.members:
            data["members"] = list(self.members)
        if self.items:
            data["items"] = list(self.items)
        if self.field:
            data["field"] = self.field
        return data


def violation(code: str, message: str, *, members=(), items=(), field=None) -> Violation:
    return Violation(code, message, Severity.VIOLATION, tuple(members), tuple(items), field)


def warning(code: str, message: str, *, members=(), items=(), field=None) -> Violation:
    return Violation(code, message, Severity.WARNING, tuple(members), tuple(items), field)
