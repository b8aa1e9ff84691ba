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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .cells import max_lengths, neutralise_row
from .findings import Finding, PublicationBlocked
from .records import DeliberationRecord, GrantRecord
from .rows import BUILDERS, header
from .schemas import official_schema
from .validate import CHUNK_ROWS, RowValidator, merge

MAX_FINDINGS = 50


@dataclass(frozen=True)
class ExportResult:
    kind: str
    path: Path
    rows: int
    seconds: float
    schema: str  # "SCDL Délibérations 2.1.5"

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
) -> ExportResult:
    """Write ``records`` (DeliberationRecord or GrantRecord) to ``out`` as a valid SCDL CSV file."""
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
