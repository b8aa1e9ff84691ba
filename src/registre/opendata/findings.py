"""What a check says about a row: where (row, line, field), which rule, why (in French)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    rule: str  # stable: the schema's check name ("sum-columns-value") or "table-schema:<error type>"
    message: str  # French, for the clerk
    row: int | None = None  # data row, the first one after the header is 1
    line: int | None = None  # physical line of the file where the row starts (header = line 1)
    field: str | None = None  # the SCDL column
    value: str | None = None

    def describe(self, source: str | None = None) -> str:
        where = []
        if source:
            where.append(source)
        if self.line is not None:
            where.append(f"ligne {self.line}")
        elif self.row is not None:
            where.append(f"ligne de données n°{self.row}")
        if self.field:
            where.append(f"champ {self.field}")
        prefix = ", ".join(where)
        text = f"{prefix} : {self.message}" if prefix else self.message
        return f"{text} [règle {self.rule}]"

    def as_dict(self) -> dict[str, object]:
        return {
            "row": self.row,
            "line": self.line,
            "field": self.field,
            "rule": self.rule,
            "message": self.message,
            "value": self.value,
        }

    def at(self, row: int | None, line: int | None) -> Finding:
        return Finding(self.rule, self.message, row, line, self.field, self.value)


class PublicationBlocked(Exception):
    """An export found invalid rows: nothing is published."""

    def __init__(self, label: str, findings: list[Finding], source: str | None = None):
        self.label = label
        self.findings = findings
        self.source = source
        first = findings[0].describe(source) if findings else ""
        more = f" (et {len(findings) - 1} autre(s) anomalie(s))" if len(findings) > 1 else ""
        super().__init__(f"Publication {label} bloquée : {first}{more}")
