"""The report beside a public SCDL file: which rows of the register it leaves out, and why.

Two causes, one report per file. A row imported with findings is the authority's history but
is not published until it is completed (``PENDING``). A record of the register whose row fails
a check of the schema when the file is written (a legacy act frozen before publication was
checked, ``INVALID``) is left out rather than denying the whole file to everyone. The public
file stays valid and its report names each row left out (authority, source file and line or
rank in the export, what it is) with its findings (field, rule, message).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import Finding
from .schemas import official_schema

REPORT_SUFFIX = ".rapport.json"
PENDING = "reserves-non-levees"  # imported with findings, not yet completed
INVALID = "controle-echoue"  # written by the register, but its row fails a check of the schema


@dataclass(frozen=True)
class LeftOut:
    authority: str
    source: str | None  # the imported file (None: a record of the register)
    line: int | None  # its line there
    label: str  # what the row is, in a few words
    findings: tuple[dict[str, Any], ...]  # Finding.as_dict() of each reason
    cause: str = PENDING
    rank: int | None = None  # INVALID: the record's rank among those the export read


@dataclass
class ExportReport:
    kind: str
    rows: list[LeftOut] = field(default_factory=list)
    published: int | None = None  # rows in the file, when known

    @property
    def schema(self) -> str:
        return official_schema(self.kind).title

    def of_cause(self, cause: str) -> list[LeftOut]:
        return [row for row in self.rows if row.cause == cause]

    def summary(self) -> str:
        if not self.rows:
            return "aucune ligne du registre n'est laissée de côté"
        parts = []
        if pending := self.of_cause(PENDING):
            parts.append(
                f"{len(pending)} ligne(s) importée(s) laissée(s) de côté : leurs réserves ne sont pas levées "
                "(à compléter par le service des subventions ou le secrétariat)"
            )
        if invalid := self.of_cause(INVALID):
            parts.append(
                f"{len(invalid)} ligne(s) écartée(s) du fichier : elles ne passent pas les contrôles du schéma "
                "(le fichier reste publié sans elles)"
            )
        return " ; ".join(parts)

    def lines(self, limit: int = 10) -> list[str]:
        out = []
        for row in self.rows[:limit]:
            reasons = ", ".join(f"{f.get('field') or '(ligne)'} [{f['rule']}]" for f in row.findings)
            if row.source:
                where = f"{row.source}, ligne {row.line}" if row.line else row.source
            else:
                where = f"rang {row.rank} de l'export"
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
                    "cause": row.cause,
                    "authority": row.authority,
                    "source_file": row.source,
                    "source_line": row.line,
                    "rank": row.rank,
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


def deliberation_label(number: str | None, title: str | None) -> str:
    """What a deliberation row is, in a few words: "n° 2021/005795 — Subvention au club…"."""
    text = " ".join((title or "").split())
    text = text if len(text) <= 80 else text[:79] + "…"
    return f"n° {number or 'non renseigné'} — {text or 'objet non renseigné'}"


def grant_label(beneficiary: str | None, amount: str | None) -> str:
    """What a grant row is, in a few words: "Club de kayak — 12500 €"."""
    return f"{beneficiary or 'bénéficiaire non renseigné'}{f' — {amount} €' if amount else ''}"


def invalid_row(authority: str, label: str, rank: int, findings: Iterable[Finding]) -> LeftOut:
    """A row the export itself left out (writer.export_csv(skip_invalid=True))."""
    return LeftOut(authority, None, None, label, tuple(f.as_dict() for f in findings), INVALID, rank)
