"""Streaming SCDL CSV export: records in, a validated file out, in constant memory.

Rows are built, their formula-like cells made inert (cells.py: a spreadsheet would execute
them), checked (custom checks row by row; frictionless on the first chunk as a whole,
then cell by cell with its own readers, see validate.FrictionlessCells) and written
one at a time into a temporary file beside the target; the file is moved into place only when
every row is valid. An invalid row blocks the publication: nothing is written at the target,
and the error names the row, the field and the rule.
"""

from __future__ import annotations

import csv
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cells import max_lengths, neutralise_row
from .checks import CustomChecks
from .findings import Finding, PublicationBlocked
from .records import DeliberationRecord, GrantRecord
from .report import LeftOut, deliberation_label, grant_label, invalid_row
from .rows import BUILDERS, header
from .schemas import DELIBERATIONS, official_schema
from .validate import CHUNK_ROWS, FrictionlessCells, RowValidator, merge

MAX_FINDINGS = 50


@dataclass(frozen=True)
class ExportResult:
    kind: str
    path: Path
    rows: int
    seconds: float
    schema: str  # "SCDL Délibérations 2.1.5"
    left_out: tuple[LeftOut, ...] = ()  # skip_invalid: the rows not written, and why

    def summary(self) -> str:
        return (
            f"{self.path} : {self.rows} ligne(s) au format {self.schema}, valides "
            f"(schéma officiel vérifié par frictionless et contrôles propres au schéma)"
        )


def export_csv(
    kind: str,
    records: Iterable[DeliberationRecord | GrantRecord],
    out: str | os.PathLike[str],
    *,
    chunk_rows: int = CHUNK_ROWS,
    max_findings: int = MAX_FINDINGS,
    cells: bool = True,
    skip_invalid: bool = False,
) -> ExportResult:
    """Write ``records`` (DeliberationRecord or GrantRecord) to ``out`` as a valid SCDL CSV file.

    ``skip_invalid``: a row that fails a check is left out (and listed in ``left_out``) instead of
    blocking the whole file: one legacy row never denies the open data to everyone.
    """
    if skip_invalid:
        return _export_skipping(kind, records, Path(out))
    started = time.perf_counter()
    out = Path(out)
    build = BUILDERS[kind]
    columns = header(kind)
    schema = official_schema(kind)
    limits = max_lengths(schema.fields)
    validator = RowValidator(kind, chunk_rows, cells=cells)
    findings: list[Finding] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partiel", dir=out.parent)
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="", buffering=1 << 20) as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(columns)
            line = 2
            for count, record in enumerate(records, start=1):
                row = neutralise_row(build(record), limits)
                values = [row[name] for name in columns]
                findings += validator.add(row, count, line)
                if findings:
                    break
                writer.writerow(values)
                line += 1 + "".join(values).count("\n")
            findings += validator.flush()
        if findings:
            raise PublicationBlocked(schema.title, merge(findings)[:max_findings])
        os.replace(temporary, out)
    except BaseException:
        validator.close()
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return ExportResult(kind, out, count, time.perf_counter() - started, schema.title)


def _described(kind: str, row: dict[str, str]) -> tuple[str, str]:
    """The row's authority and what it is (as the report says it of imported rows)."""
    if kind == DELIBERATIONS:
        return row["COLL_NOM"], deliberation_label(row["DELIB_ID"], row["DELIB_OBJET"])
    return row["nomAttribuant"], grant_label(row["nomBeneficiaire"], row["montant"])


def _export_skipping(kind: str, records: Iterable[object], out: Path) -> ExportResult:
    """Every row checked on its own (custom checks, then frictionless' per-cell readers: rows
    built from the schema's columns cannot break the file's structure); failing rows left out."""
    started = time.perf_counter()
    build: Callable[[Any], dict[str, str]] = BUILDERS[kind]
    columns = header(kind)
    schema = official_schema(kind)
    limits = max_lengths(schema.fields)
    custom, cells = CustomChecks(kind), FrictionlessCells(kind)
    left_out: list[LeftOut] = []
    written = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partiel", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="", buffering=1 << 20) as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(columns)
            for number, record in enumerate(records, start=1):
                row = neutralise_row(build(record), limits)
                values = [row[name] for name in columns]
                findings = custom.check(row, number) + cells.check(values, number, None)
                if findings:
                    left_out.append(invalid_row(*_described(kind, row), number, merge(findings)))
                    continue
                writer.writerow(values)
                written += 1
        os.replace(temporary, out)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return ExportResult(kind, out, written, time.perf_counter() - started, schema.title, tuple(left_out))
