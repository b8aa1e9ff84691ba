"""Validation against the official schemas: frictionless (Table Schema) plus the custom checks.

frictionless validates rows in bounded chunks (its cost is per chunk plus per row: chunks of a
few thousand rows keep memory constant and the overhead negligible); the custom checks run row
by row. Findings name the row, the field and the rule, in French.
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .checks import CustomChecks
from .findings import Finding
from .schemas import official_schema

CHUNK_ROWS = 5000

_CONSTRAINTS = {
    "required": "valeur obligatoire manquante",
    "pattern": "ne respecte pas le format attendu ({expected})",
    "enum": "valeur hors de la liste autorisée ({expected})",
    "maxLength": "trop longue (au plus {expected} caractères)",
    "minLength": "trop courte (au moins {expected} caractères)",
    "minimum": "inférieure au minimum autorisé ({expected})",
    "maximum": "supérieure au maximum autorisé ({expected})",
    "unique": "valeur en double",
}
_TYPES = {
    "date": "une date AAAA-MM-JJ", "integer": "un nombre entier", "number": "un nombre (séparateur décimal : le point)",
    "boolean": "« oui » ou « non »", "string": "un texte", "uri": "une adresse web (URI)",
}


@lru_cache(maxsize=None)
def _frictionless_schema(kind: str):
    from frictionless import Schema

    return Schema.from_descriptor(official_schema(kind).table_schema())


def _french(error, kind: str) -> Finding:
    """A frictionless error, in French, with its rule."""
    fields = official_schema(kind).fields
    field_name = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    rule = f"table-schema:{error.type}"
    if error.type == "constraint-error":
        match = re.match(r'constraint "(\w+)" is "?(.*?)"?$', error.note or "")
        name, expected = (match.group(1), match.group(2)) if match else ("", error.note)
        rule = f"table-schema:{name or 'constraint'}"
        message = _CONSTRAINTS.get(name, "ne respecte pas la contrainte {expected}").format(expected=expected)
        if name != "required":
            message = f"« {cell} » {message}"
    elif error.type == "type-error":
        spec = fields.get(field_name, {})
        expected = _TYPES.get(spec.get("format") if spec.get("format") == "uri" else spec.get("type"), spec.get("type"))
        if spec.get("type") == "boolean":
            expected = " ou ".join(f"« {v} »" for v in spec.get("trueValues", []) + spec.get("falseValues", []))
        message = f"« {cell} » n'est pas {expected}"
    elif error.type == "missing-cell":
        message = "cellule manquante (ligne trop courte)"
    elif error.type == "extra-cell":
        message = f"cellule en trop : « {cell} »"
    elif error.type == "blank-row":
        message = "ligne vide"
    elif error.type in ("missing-label", "blank-label", "duplicate-label", "incorrect-label", "extra-label"):
        message = f"en-tête non conforme au schéma ({error.note or error.type})"
    else:
        message = f"{error.title} ({error.note})" if getattr(error, "note", None) else error.message
    row_number = getattr(error, "row_number", None)
    return Finding(rule, message, row=row_number - 1 if row_number else None, field=field_name,
                   value=None if cell is None else str(cell))


def frictionless_findings(kind: str, rows: list[list[str]]) -> list[Finding]:
    """Validate data rows (lists of strings, schema order) with frictionless; rows numbered from 1."""
    if not rows:
        return []
    from frictionless import Resource

    header = list(official_schema(kind).field_names)
    resource = Resource(data=[header, *rows], schema=_frictionless_schema(kind))
    report = resource.validate()
    return [_french(error, kind) for task in report.tasks for error in task.errors]


def frictionless_file_findings(kind: str, path) -> list[Finding]:
    """Validate a whole CSV file with frictionless (what a reuser's validator would do)."""
    from frictionless import Resource

    path = Path(path).resolve()
    resource = Resource(path=path.name, basepath=str(path.parent), format="csv", encoding="utf-8",
                        schema=_frictionless_schema(kind))
    report = resource.validate()
    return [_french(error, kind) for task in report.tasks for error in task.errors]


class RowValidator:
    """Row-by-row custom checks, frictionless on bounded chunks; findings carry row and line.

    With ``parallel``, chunks after the first are validated by frictionless in one worker process
    (at most ``IN_FLIGHT`` chunks queued), so that building and writing rows and the Table Schema
    validation use both cores; memory stays bounded by the chunks in flight.
    """

    IN_FLIGHT = 2

    def __init__(self, kind: str, chunk_rows: int = CHUNK_ROWS, parallel: bool = False):
        self.kind = kind
        self.custom = CustomChecks(kind)
        self.header = official_schema(kind).field_names
        self.chunk_rows = chunk_rows
        self.parallel = parallel
        self._pending: list[list[str]] = []
        self._pending_at: list[tuple[int, int | None]] = []
        self._chunks = 0
        self._worker = None
        self._places: deque = deque()

    def add(self, row: dict, number: int, line: int | None = None) -> list[Finding]:
        """Custom checks now; frictionless once the chunk is full. Returns what is known so far."""
        findings = self.custom.check(row, number, line)
        self._pending.append([row.get(name, "") for name in self.header])
        self._pending_at.append((number, line))
        if len(self._pending) >= self.chunk_rows:
            findings += self._dispatch()
        return findings

    def _dispatch(self) -> list[Finding]:
        rows, places = self._pending, self._pending_at
        self._pending, self._pending_at = [], []
        if not rows:
            return []
        self._chunks += 1
        if not self.parallel or self._chunks == 1:
            return _located(frictionless_findings(self.kind, rows), places)
        if self._worker is None:
            from .worker import Worker

            self._worker = Worker()
        findings = []
        while self._worker.in_flight >= self.IN_FLIGHT:
            findings += _located(self._worker.answer(), self._places.popleft())
        self._worker.submit(self.kind, rows)
        self._places.append(places)
        return findings

    def flush(self) -> list[Finding]:
        """Validate what is pending and wait for the worker: every finding, then the worker stops."""
        try:
            findings = self._dispatch()
            while self._worker is not None and self._worker.in_flight:
                findings += _located(self._worker.answer(), self._places.popleft())
        finally:
            self.close()
        return findings

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None
            self._places.clear()


def _located(findings: list[Finding], places: list[tuple[int, int | None]]) -> list[Finding]:
    located = []
    for finding in findings:
        number, line = places[finding.row - 1] if finding.row else (None, None)
        located.append(finding.at(number, line))
    return located


def merge(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per (row, field): the custom check's (more precise) before the generic one."""
    ordered = sorted(findings, key=lambda f: (f.row or 0, f.rule.startswith("table-schema:")))
    seen: set = set()
    kept = []
    for finding in ordered:
        key = (finding.row, finding.field) if finding.field else (finding.row, finding.rule, finding.message)
        if key in seen:
            continue
        seen.add(key)
        kept.append(finding)
    return kept


def validate_rows(kind: str, rows: Iterable[dict], chunk_rows: int = CHUNK_ROWS) -> list[Finding]:
    validator = RowValidator(kind, chunk_rows)
    findings: list[Finding] = []
    for number, row in enumerate(rows, start=1):
        findings += validator.add(row, number, number + 1)
    findings += validator.flush()
    return merge(findings)


def read_csv_rows(path) -> Iterator[tuple[int, int, dict]]:
    """(row number, start line, row dict) of a UTF-8 comma-separated CSV file, streamed."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        line = reader.line_num
        for number, row in enumerate(reader, start=1):
            yield number, line + 1, row
            line = reader.line_num


def validate_file(kind: str, path) -> list[Finding]:
    """A published file, checked as a reuser would: frictionless on the file, then the custom checks."""
    findings = frictionless_file_findings(kind, path)
    custom = CustomChecks(kind)
    lines = {}
    for number, line, row in read_csv_rows(path):
        lines[number] = line
        findings += custom.check(row, number, line)
    findings = [f.at(f.row, lines.get(f.row, f.line)) if f.row else f for f in findings]
    return merge(findings)
