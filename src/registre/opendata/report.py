"""The report beside a public SCDL file: which rows of the register it leaves out, and why.

A row imported with findings is the authority's history but is not published until it is
completed; the public file stays valid and its report names each row left out (authority,
source file and line, what it is) with its findings (field, rule, message).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .schemas import official_schema

REPORT_SUFFIX = ".rapport.json"


@dataclass(frozen=True)
class LeftOut:
    authority: str
    source: str  # the imported file
    line: int | None  # its line there
    label: str  # what the row is, in a few words
    findings: tuple[dict[str, Any], ...]  # Finding.as_dict() of each reason


@dataclass
class ExportReport:
    kind: str
    rows: list[LeftOut] = field(default_factory=list)
    published: int | None = None  # rows in the file, when known

    @property
    def schema(self) -> str:
        return official_schema(self.kind).title

    def summary(self) -> str:
        if not self.rows:
            return "aucune ligne du registre n'est laissée de côté"
        return (
            f"{len(self.rows)} ligne(s) importée(s) laissée(s) de côté : leurs réserves ne sont pas levées "
            "(à compléter par le service des subventions ou le secrétariat)"
        )

    def lines(self, limit: int = 10) -> list[str]:
        out = []
        for row in self.rows[:limit]:
            reasons = ", ".join(f"{f.get('field') or '(ligne)'} [{f['rule']}]" for f in row.findings)
            where = f"{row.source}, ligne {row.line}" if row.line else row.source
            out.append(f"  laissée de côté : {row.authority} — {where} — {row.label} : {reasons}")
        if len(self.rows) > limit:
            out.append(f"  … et {len(self.rows) - limit} autre(s) : voir le rapport")
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "published_rows": self.published,
            "summary": self.summary(),
            "left_out": [
                {
                    "authority": row.authority,
                    "source_file": row.source,
                    "source_line": row.line,
                    "row": row.label,
                    "findings": list(row.findings),
                }
                for row in self.rows
            ],
        }

    def write_beside(self, out: str | Path) -> Path:
        """``subventions.csv`` → ``subventions.rapport.json``, written whole or not at all."""
        out = Path(out)
        path = out.with_name(out.stem + REPORT_SUFFIX)
        partial = path.with_name(f".{path.name}.partiel")
        partial.write_text(json.dumps(self.as_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        partial.replace(path)
        return path


def report_of(kind: str, rows: Iterable[LeftOut], published: int | None = None) -> ExportReport:
    return ExportReport(kind, list(rows), published)
