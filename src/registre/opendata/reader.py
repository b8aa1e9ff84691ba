"""SCDL files in: an authority's published open data read row by row, every row kept with its findings.

Accepted: the current SCDL layouts (Délibérations 2.x, Subventions 2.x), the older Subventions
layout (SCDL v1, e.g. Ville de Poitiers: ANNEE;COLL_NOM;COLL_SIRET;…;ATTRIB_NOM;ATTRIB_SIRET;
SUB_OBJ;SUB_MONTANT;…) and near-format files (headers in another case, e.g. Département du Lot's
"NomAttribuant"; see opendata.layouts). Encoding detected (UTF-8, Windows-1252…), separator
sniffed (";" or ",").

Every row that is a row (blank and repeated-header rows aside) is kept, with exactly what it
states and its findings (field + rule): it is the authority's history. Only the form is read,
never the substance (opendata.values): "40 000,00" → 40000.00, "17/07/2023" → 2023-07-17,
"2017-01-01_2017-12-31" → 2017-01-01/2017-12-31, each such reading said once per file;
"03/04/05" is flagged, not guessed; a damaged SIRET ("21860194600000.0") stays as read, flagged.
Each row is rebuilt as an SCDL row and checked as an export is (official schema by
frictionless, custom checks): a row without findings re-exports valid. Refused: only what is
not a row (cells that cannot be given to columns, unreadable CSV).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from registre.core.text import UndecodableText, decode_text

from . import layouts
from .cells import restore
from .findings import Finding
from .layouts import CURRENT, NEAR, SCDL_V1, Layout  # noqa: F401  (the layouts, named here too)
from .reading import RowReading, read_row
from .validate import RowValidator, merge
from .values import AMBIGUOUS

Raw = dict[str, str]  # one CSV row as read: column -> text
MAX_BYTES = 50 * 1024 * 1024


class ScdlFileError(Exception):
    """The file as a whole cannot be read (not a CSV, unknown layout…): nothing is imported."""

    def __init__(self, source: str, message: str):
        self.source = source
        self.reason = message
        super().__init__(f"{source} : {message}")


@dataclass
class ReadRow:
    number: int  # data row, first after the header = 1
    line: int  # physical line where the row starts
    stated: list[dict[str, Any]]  # every cell as written: {"column", "field" (SCDL or None), "value"}
    reading: RowReading

    @property
    def findings(self) -> list[Finding]:
        return self.reading.findings

    @property
    def values(self) -> dict[str, Any]:
        return self.reading.values

    @property
    def record(self) -> Any:
        """The SCDL record, when the row has no findings; else None."""
        return self.reading.record


@dataclass
class ScdlImport:
    source: str
    kind: str
    layout: str
    encoding: str
    delimiter: str
    rows: list[ReadRow] = field(default_factory=list)  # every row kept
    refused: list[Finding] = field(default_factory=list)  # what is not a row, with why
    blank_rows: int = 0
    header_rows: int = 0  # the header repeated further down
    notes: list[str] = field(default_factory=list)  # what was mapped or normalised, once per file

    @property
    def refused_rows(self) -> list[int]:
        return sorted({f.row for f in self.refused if f.row is not None})

    @property
    def with_findings(self) -> list[ReadRow]:
        return [row for row in self.rows if row.findings]

    @property
    def complete(self) -> list[ReadRow]:
        return [row for row in self.rows if not row.findings]

    @property
    def read(self) -> int:
        """Rows read: kept or refused (blank and repeated-header rows aside)."""
        return len(self.rows) + len(self.refused_rows)

    def summary(self) -> str:
        return (
            f"{self.source} : {self.read} ligne(s) lue(s), {len(self.rows)} gardée(s) dont "
            f"{len(self.with_findings)} avec réserves, {len(self.refused_rows)} refusée(s) "
            f"(format {self.layout}, {self.encoding}, séparateur « {self.delimiter} »)"
        )


def decode(source: str, data: bytes) -> tuple[str, str]:
    """The register's one text decoder; its refusals in this reader's words."""
    try:
        decoded = decode_text(data)
    except UndecodableText as error:
        if error.kind == "binary":
            raise ScdlFileError(
                source,
                "fichier binaire : un fichier CSV est attendu (un classeur Excel ? enregistrez-le en CSV)",
            ) from None
        raise ScdlFileError(source, error.reason) from None
    return decoded.text, decoded.encoding


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    return delimiter if counts[delimiter] else ","


def read_scdl(path: str | Path, data: bytes | None = None, *, kind: str | None = None) -> ScdlImport:
    source = str(path)
    if data is None:
        data = _read_bytes(source, path)
    text, encoding = decode(source, data)
    first_line = text.split("\n", 1)[0]
    delimiter = _sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        raise ScdlFileError(source, f"première ligne illisible ({error})") from None
    layout = layouts.detect(header)
    if layout is None:
        raise ScdlFileError(
            source,
            "en-tête non reconnu : ni SCDL Délibérations, ni SCDL Subventions "
            f"(première ligne : {';'.join(header)[:200]})",
        )
    if kind and kind != layout.kind:
        raise ScdlFileError(source, f"le fichier est au format {layout.kind}, pas {kind}")
    result = ScdlImport(source, layout.kind, layout.layout, encoding, delimiter, notes=list(layout.notes))
    _read_rows(reader, layout, result)
    return result


def _read_bytes(source: str, path: str | Path) -> bytes:
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            raise ScdlFileError(source, f"fichier trop volumineux (plus de {MAX_BYTES // 2**20} Mo)")
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise ScdlFileError(source, "fichier introuvable") from None
    except IsADirectoryError:
        raise ScdlFileError(source, "c'est un dossier, pas un fichier") from None
    except OSError as error:
        raise ScdlFileError(source, f"lecture impossible ({error.strerror})") from None


def _read_rows(reader: Any, layout: Layout, result: ScdlImport) -> None:
    header = layout.header
    header_keys = [layouts.key(h) for h in header]
    field_of = {i: name for name, places in layout.columns.items() for i, _ in places}
    reason = f" ({layout.label})"
    validator = RowValidator(layout.kind)
    checks: dict[int, list[Finding]] = {}
    forms = _Forms()
    number, line = 0, reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.refused.append(Finding("csv", f"ligne CSV illisible ({error})", number + 1, line))
            break
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            result.blank_rows += 1
            continue
        if _repeats_header(cells, header, header_keys):
            result.header_rows += 1
            continue
        number += 1
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            result.refused.append(
                Finding(
                    "table-schema:extra-cell",
                    f"{len(cells)} cellules pour {len(header)} colonnes : les valeurs ne peuvent pas être "
                    "attribuées aux colonnes (séparateur dans un texte sans guillemets ?)",
                    number,
                    start,
                )
            )
            continue
        row_cells, unreadable = _cells(layout, [restore(cell) for cell in cells])
        reading = read_row(
            layout.kind, row_cells, absent=layout.absent, absent_reason=reason, unreadable=unreadable
        )
        forms.add(reading, row_cells, start)
        stated = [
            {"column": name, "field": field_of.get(i), "value": cells[i] if i < len(cells) else ""}
            for i, name in enumerate(header)
        ]
        result.rows.append(ReadRow(number, start, stated, reading))
        checks[number] = validator.add(reading.scdl, number, start)
    for finding in validator.flush():
        checks.setdefault(finding.row or 0, []).append(finding)
    for row in result.rows:
        row.reading.problems = [p.at(row.number, row.line) for p in row.reading.problems]
        row.reading.judge(f.at(row.number, row.line) for f in checks.get(row.number, []))
    result.refused = merge(result.refused)
    result.notes += forms.notes()
    if result.blank_rows:
        result.notes.append(f"{result.blank_rows} ligne(s) vide(s) ignorée(s)")
    if result.header_rows:
        result.notes.append(f"{result.header_rows} ligne(s) d'en-tête répétée(s) ignorée(s)")


def _repeats_header(cells: list[str], header: list[str], keys: list[str]) -> bool:
    """The header again (a file made of several exports pasted together), case and accents aside."""
    if cells[: len(header)] == header:
        return True
    if not cells or layouts.key(cells[0]) != keys[0]:
        return False
    return [layouts.key(c) for c in cells[: len(header)]] == keys


def _cells(layout: Layout, cells: list[str]) -> tuple[dict[str, str], dict[str, Finding]]:
    """SCDL field → the text the row states for it; fields whose columns disagree are unreadable."""
    width = len(cells)
    out = {name: cells[i].strip() if i < width else "" for name, i in layout.single}
    unreadable: dict[str, Finding] = {}
    for name, places in layout.several:
        texts = {part: (cells[i] if i < width else "").strip() for i, part in places if part}
        whole = [(i, (cells[i] if i < width else "").strip()) for i, part in places if not part]
        if texts:
            start, end = texts.get(layouts.START, ""), texts.get(layouts.END, "")
            out[name] = f"{start}/{end}" if end else start
        said = {text for _, text in whole if text}
        if len(said) > 1:
            columns = " et ".join(f"« {layout.header[i].strip()} »" for i, _ in whole)
            unreadable[name] = Finding(
                AMBIGUOUS,
                f"les colonnes {columns} donnent des valeurs différentes : " + " / ".join(sorted(said)),
                field=name,
            )
        elif whole:
            out[name] = next(iter(said), "")
    if width < len(layout.header):
        short = [name for name, places in layout.columns.items() if all(i >= width for i, _ in places)]
        if short and short[0] not in unreadable:
            unreadable[short[0]] = Finding(
                "table-schema:missing-cell",
                f"ligne trop courte ({width} cellules pour {len(layout.header)} colonnes) : "
                f"{', '.join(short)} non renseigné(s)",
                field=short[0],
            )
    return out, unreadable


class _Forms:
    """The normalisations of one file: each said once, with its fields, count and a first example."""

    def __init__(self) -> None:
        self.seen: dict[str, dict[str, Any]] = {}

    def add(self, reading: RowReading, cells: dict[str, str], line: int) -> None:
        for name, form in reading.forms:
            entry = self.seen.setdefault(
                form, {"fields": [], "count": 0, "example": (line, cells.get(name, ""))}
            )
            if name not in entry["fields"]:
                entry["fields"].append(name)
            entry["count"] += 1

    def notes(self) -> list[str]:
        return [
            f"{form} ({', '.join(e['fields'])} : {e['count']} valeur(s) ; ex. ligne {e['example'][0]} : "
            f"« {e['example'][1]} »)"
            for form, e in self.seen.items()
        ]
