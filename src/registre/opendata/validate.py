"""Validation against the official schemas: frictionless (Table Schema) plus the custom checks.

frictionless validates rows in bounded chunks (its cost is per chunk plus per row: chunks of a
few thousand rows keep memory constant and the overhead negligible); the custom checks run row
by row. Findings name the row, the field and the rule, in French.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .checks import CustomChecks
from .findings import Finding
from .schemas import official_schema

CHUNK_ROWS = 5000
Row = dict[str, str]
StrPath = str | os.PathLike[str]

_CONSTRAINTS = {
    "required": "valeur obligatoire non renseignée",
    "pattern": "ne respecte pas le format attendu ({expected})",
    "enum": "valeur hors de la liste autorisée ({expected})",
    "maxLength": "trop longue (au plus {expected} caractères)",
    "minLength": "trop courte (au moins {expected} caractères)",
    "minimum": "inférieure au minimum autorisé ({expected})",
    "maximum": "supérieure au maximum autorisé ({expected})",
    "unique": "valeur en double",
}
_TYPES = {
    "date": "une date AAAA-MM-JJ",
    "integer": "un nombre entier",
    "number": "un nombre (séparateur décimal : le point)",
    "boolean": "« oui » ou « non »",
    "string": "un texte",
    "uri": "une adresse web (URI)",
}


@cache
def _frictionless_schema(kind: str) -> Any:
    from frictionless import Schema

    return Schema.from_descriptor(official_schema(kind).table_schema())


def _constraint_message(note: str, cell: object) -> tuple[str, str]:
    match = re.match(r'constraint "(\w+)" is "?(.*?)"?$', note)
    name, expected = (match.group(1), match.group(2)) if match else ("", note)
    message = _CONSTRAINTS.get(name, "ne respecte pas la contrainte {expected}").format(expected=expected)
    if name != "required":
        message = f"« {cell} » {message}"
    return f"table-schema:{name or 'constraint'}", message


def _type_message(spec: dict[str, Any], cell: object) -> str:
    kind = str(spec.get("format") if spec.get("format") == "uri" else spec.get("type", ""))
    expected = _TYPES.get(kind, str(spec.get("type")))
    if spec.get("type") == "boolean":
        expected = " ou ".join(f"« {v} »" for v in spec.get("trueValues", []) + spec.get("falseValues", []))
    return f"« {cell} » n'est pas {expected}"


def _french(error: Any, kind: str) -> Finding:
    """A frictionless error, in French, with its rule."""
    fields = official_schema(kind).fields
    field_name = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    rule = f"table-schema:{error.type}"
    if error.type == "constraint-error":
        rule, message = _constraint_message(error.note or "", cell)
    elif error.type == "type-error":
        message = _type_message(fields.get(field_name or "", {}), cell)
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
    return Finding(
        rule,
        message,
        row=row_number - 1 if row_number else None,
        field=field_name,
        value=None if cell is None else str(cell),
    )


def frictionless_findings(kind: str, rows: list[list[str]]) -> list[Finding]:
    """Validate data rows (lists of strings, schema order) with frictionless; rows numbered from 1."""
    if not rows:
        return []
    from frictionless import Resource

    header = list(official_schema(kind).field_names)
    resource = Resource(data=[header, *rows], schema=_frictionless_schema(kind))
    report = resource.validate()
    return [_french(error, kind) for task in report.tasks for error in task.errors]


class FrictionlessCells:
    """frictionless' own per-cell validation (Field.create_cell_reader: type, then constraints), memoised.

    Table Schema's cell errors depend on the cell alone (these schemas declare no unique
    constraint nor primary key, checked below), so a value already read for a column need not be
    read again; row structure (header, missing or extra cells) is checked by the full
    Resource.validate on the first chunk, and rows built from the schema's own columns cannot
    lose or gain cells afterwards. Same rules, same notes as Resource.validate, a fraction of the
    cost: what lets a million-row export validate every row within its time budget.
    """

    CACHE_PER_COLUMN = 4096

    def __init__(self, kind: str):
        schema = _frictionless_schema(kind)
        descriptor = official_schema(kind).descriptor
        if descriptor.get("primaryKey") or any(
            f.get("constraints", {}).get("unique") for f in descriptor["fields"]
        ):
            raise ValueError("schéma avec contraintes d'unicité : validation par cellule impossible")
        self.kind = kind
        self.specs = official_schema(kind).fields
        self.readers: list[tuple[str, Callable[[str], Any], dict[str, Any], bool]] = [
            (field.name, field.create_cell_reader(), {}, field.format == "uri" and field.type == "string")
            for field in schema.fields
        ]

    def check(self, values: list[str], number: int, line: int | None) -> list[Finding]:
        findings: list[Finding] = []
        for (name, reader, seen, uri), value in zip(self.readers, values, strict=False):
            key = _uri_shape(value) if uri else value
            notes = seen.get(key, _UNSEEN)
            if notes is _UNSEEN:
                notes = reader(value)[1]
                if len(seen) >= self.CACHE_PER_COLUMN:
                    seen.clear()
                seen[key] = notes
            if notes:
                findings.extend(self._findings(name, value, notes, number, line))
        return findings

    def _findings(
        self, name: str, value: str, notes: dict[str, str], number: int, line: int | None
    ) -> Iterator[Finding]:
        cell = value
        for key, note in notes.items():
            if key == "type":
                yield Finding(
                    "table-schema:type-error", _type_message(self.specs[name], cell), number, line, name, cell
                )
            else:
                rule, message = _constraint_message(note, cell)
                yield Finding(rule, message, number, line, name, cell)


_UNSEEN = object()
_DIGITS = re.compile(r"[0-9]")


def _uri_shape(value: str) -> str:
    """The URI with the digits of its path, query and fragment as "0": the same validity.

    In RFC 3986, a digit there is an unreserved character (or a hex digit of a %-escape, still
    one after the change): swapping digits never makes a valid reference invalid or the reverse.
    The scheme and authority (host, port) are kept as written.
    """
    scheme, sep, rest = value.partition("//")
    if not sep:
        return value
    authority, slash, path = rest.partition("/")
    return f"{scheme}//{authority}{slash}{_DIGITS.sub('0', path)}" if slash else value


def frictionless_file_findings(kind: str, path: StrPath) -> list[Finding]:
    """Validate a whole CSV file with frictionless (what a reuser's validator would do)."""
    from frictionless import Resource

    resolved = Path(path).resolve()
    resource = Resource(
        path=resolved.name,
        basepath=str(resolved.parent),
        format="csv",
        encoding="utf-8",
        schema=_frictionless_schema(kind),
    )
    report = resource.validate()
    return [_french(error, kind) for task in report.tasks for error in task.errors]


class RowValidator:
    """Row-by-row custom checks, frictionless on every row; findings carry row and line.

    ``cells=False``: frictionless Resource.validate on bounded chunks of ``chunk_rows`` rows.
    ``cells=True`` (exports): Resource.validate on the first chunk (header and structure
    included), then frictionless' cell readers on every following row (FrictionlessCells).
    Memory stays bounded by one chunk either way.
    """

    def __init__(self, kind: str, chunk_rows: int = CHUNK_ROWS, cells: bool = False):
        self.kind = kind
        self.custom = CustomChecks(kind)
        self.header = official_schema(kind).field_names
        self.chunk_rows = chunk_rows
        self.cells = FrictionlessCells(kind) if cells else None
        self._pending: list[list[str]] = []
        self._pending_at: list[tuple[int, int | None]] = []
        self._chunks = 0

    def add(self, row: Row, number: int, line: int | None = None) -> list[Finding]:
        """Custom checks now; frictionless now (cells) or once the chunk is full."""
        findings = self.custom.check(row, number, line)
        values = [row.get(name, "") for name in self.header]
        if self.cells is not None and self._chunks:
            return findings + self.cells.check(values, number, line)
        self._pending.append(values)
        self._pending_at.append((number, line))
        if len(self._pending) >= self.chunk_rows:
            findings += self.flush()
        return findings

    def flush(self) -> list[Finding]:
        rows, places = self._pending, self._pending_at
        self._pending, self._pending_at = [], []
        if not rows:
            return []
        self._chunks += 1
        return _located(frictionless_findings(self.kind, rows), places)

    def close(self) -> None:
        self._pending, self._pending_at = [], []


def _located(findings: list[Finding], places: list[tuple[int, int | None]]) -> list[Finding]:
    located = []
    for finding in findings:
        number, line = places[finding.row - 1] if finding.row else (None, None)
        located.append(finding.at(number, line))
    return located


def merge(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per (row, field): the custom check's (more precise) before the generic one."""
    ordered = sorted(findings, key=lambda f: (f.row or 0, f.rule.startswith("table-schema:")))
    seen: set[tuple[object, ...]] = set()
    kept = []
    for finding in ordered:
        key = (finding.row, finding.field) if finding.field else (finding.row, finding.rule, finding.message)
        if key in seen:
            continue
        seen.add(key)
        kept.append(finding)
    return kept


def validate_rows(kind: str, rows: Iterable[Row], chunk_rows: int = CHUNK_ROWS) -> list[Finding]:
    validator = RowValidator(kind, chunk_rows)
    findings: list[Finding] = []
    for number, row in enumerate(rows, start=1):
        findings += validator.add(row, number, number + 1)
    findings += validator.flush()
    return merge(findings)


def read_csv_rows(path: StrPath) -> Iterator[tuple[int, int, Row]]:
    """(row number, start line, row dict) of a UTF-8 comma-separated CSV file, streamed."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        line = reader.line_num
        for number, row in enumerate(reader, start=1):
            yield number, line + 1, row
            line = reader.line_num


def validate_file(kind: str, path: StrPath) -> list[Finding]:
    """A published file, checked as a reuser would: frictionless on the file, then the custom checks."""
    findings = frictionless_file_findings(kind, path)
    custom = CustomChecks(kind)
    lines = {}
    for number, line, row in read_csv_rows(path):
        lines[number] = line
        findings += custom.check(row, number, line)
    findings = [f.at(f.row, lines.get(f.row, f.line)) if f.row else f for f in findings]
    return merge(findings)
