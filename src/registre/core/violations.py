"""Named findings about a meeting. ``code`` is stable (tests, API, JSON); the
message is French, for the clerk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Severity(str, Enum):
    VIOLATION = "violation"  # the deliberation or the record is unlawful or wrong
    WARNING = "warning"  # doubtful, resolved by assumption, or to be checked


@dataclass(frozen=True)
class Violation:
    """One finding. ``items`` lists every item it concerns; a finding reported once for a run of
    consecutive items of the order of passage also names the run's first and last item."""

    code: str
    message: str
    severity: Severity = Severity.VIOLATION
    members: tuple[str, ...] = ()
    items: tuple[int, ...] = ()
    field: str | None = None
    from_item: int | None = None
    until_item: int | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "message": self.message, "severity": self.severity.value}
        if self.members:
            data["members"] = list(self.members)
        if self.items:
            data["items"] = list(self.items)
        if self.from_item is not None:
            data["from_item"] = self.from_item
            data["until_item"] = self.until_item
        if self.field:
            data["field"] = self.field
        return data


def violation(
    code: str,
    message: str,
    *,
    members: Iterable[str] = (),
    items: Iterable[int] = (),
    field: str | None = None,
) -> Violation:
    return Violation(code, message, Severity.VIOLATION, tuple(members), tuple(items), field)


def warning(
    code: str,
    message: str,
    *,
    members: Iterable[str] = (),
    items: Iterable[int] = (),
    field: str | None = None,
) -> Violation:
    return Violation(code, message, Severity.WARNING, tuple(members), tuple(items), field)
