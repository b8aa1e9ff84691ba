"""SCDL files in: an authority's existing open data read into records, bad rows refused.

Accepted: the current SCDL layouts (Délibérations 2.x, Subventions 2.x), the older Subventions
layout (SCDL v1, e.g. Ville de Poitiers: ANNEE;COLL_NOM;COLL_SIRET;…;ATTRIB_NOM;ATTRIB_SIRET;
SUB_OBJ;SUB_MONTANT;…) and near-format files (headers in another case, e.g. Département du Lot's
"NomAttribuant"). Encoding detected (UTF-8, Windows-1252…), separator sniffed (";" or ",").

Only the form is normalised, never the substance: French amounts "40 000,00" → 40000.00,
"Aide en numéraire" → "aide en numéraire", the SCDL 1.x period "2017-01-01_2017-12-31" →
"2017-01-01/2017-12-31", dates written "13/04/2017". A SIRET is taken exactly as written:
a damaged one ("21860194600000.0", digits lost upstream) is refused, never repaired. Every row
kept is rebuilt as an SCDL row and must pass the same validation as an export (official schema
by frictionless, custom checks): what is stored re-exports valid.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from registre.core.text import UndecodableText, decode_text

from . import actes
from .checks import siret_problem
from .findings import Finding
from .records import NATURES, PAYMENT_CONDITIONS, DeliberationRecord, GrantRecord
from .rows import BUILDERS
from .schemas import DELIBERATIONS, GRANTS, official_schema
from .validate import RowValidator, merge

MAX_BYTES = 50 * 1024 * 1024

CURRENT = "current"
SCDL_V1 = "scdl-v1"
NEAR = "near-format"

# older SCDL Subventions layout (v1) → current fields
_V1_GRANTS = {
    "COLL_NOM": "nomAttribuant",
    "COLL_SIRET": "idAttribuant",
    "ACTE_DATE": "dateConvention",
    "ACTE_REF": "referenceDecision",
    "ATTRIB_NOM": "nomBeneficiaire",
    "ATTRIB_SIRET": "idBeneficiaire",
    "SUB_OBJ": "objet",
    "SUB_MONTANT": "montant",
    "NOTIFICATION A LA COMMISSION EUROPEENNE": "notificationUE",
    "ATTRIB_RNA": "rnaBeneficiaire",
    "SUB_NATURE": "nature",
    "SUB_CONDITIONS": "conditionsVersement",
    "SUB_DATES": "datesPeriodeVersement",
    "SUB_POURCENTAGE": "pourcentageSubvention",
}
_V1_IGNORED = {"ANNEE", "COLL_TYPE"}


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
    record: DeliberationRecord | GrantRecord


@dataclass
class ScdlImport:
    source: str
    kind: str
    layout: str
    encoding: str
    delimiter: str
    accepted: list[ReadRow] = field(default_factory=list)
    refused: list[Finding] = field(default_factory=list)  # every reason, several per row possible
    blank_rows: int = 0
    notes: list[str] = field(default_factory=list)  # what was mapped or normalised

    @property
    def refused_rows(self) -> list[int]:
        return sorted({f.row for f in self.refused if f.row is not None})

    def summary(self) -> str:
        return (
            f"{self.source} : {len(self.accepted)} ligne(s) acceptée(s), {len(self.refused_rows)} refusée(s) "
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
    delimiter = max(counts, key=counts.get)
    return delimiter if counts[delimiter] else ","


def _fold(name: str) -> str:
    return actes.fold(name).upper().strip()


def _detect(source: str, header: list[str]) -> tuple[str, str, dict[int, str], list[str]]:
    """(kind, layout, column index → SCDL field, notes) from the header."""
    notes: list[str] = []
    folded = [_fold(h) for h in header]
    for kind in (GRANTS, DELIBERATIONS):
        names = official_schema(kind).field_names
        by_fold = {_fold(n): n for n in names}
        mapping = {i: by_fold[f] for i, f in enumerate(folded) if f in by_fold}
        required = [
            f["name"]
            for f in official_schema(kind).descriptor["fields"]
            if f.get("constraints", {}).get("required")
        ]
        if len(mapping) >= len(required) // 2 + 1:
            exact = all(header[i].strip() == n for i, n in mapping.items())
            renamed = [
                f"« {header[i].strip()} » lu comme « {n} »"
                for i, n in mapping.items()
                if header[i].strip() != n
            ]
            if renamed:
                notes.append("en-têtes hors format : " + ", ".join(renamed))
            unknown = [header[i] for i in range(len(header)) if i not in mapping and header[i].strip()]
            if unknown:
                notes.append("colonnes ignorées : " + ", ".join(unknown))
            return kind, CURRENT if exact else NEAR, mapping, notes
    if "COLL_SIRET" in folded and "ATTRIB_NOM" in folded:
        mapping = {i: _V1_GRANTS[f] for i, f in enumerate(folded) if f in _V1_GRANTS}
        notes.append(
            "ancien format SCDL Subventions (v1) : "
            + ", ".join(f"{header[i].strip()} → {n}" for i, n in mapping.items())
        )
        ignored = [header[i] for i, f in enumerate(folded) if i not in mapping]
        if ignored:
            notes.append("colonnes sans équivalent, ignorées : " + ", ".join(ignored))
        return GRANTS, SCDL_V1, mapping, notes
    raise ScdlFileError(
        source,
        "en-tête non reconnu : ni SCDL Délibérations, ni SCDL Subventions "
        f"(première ligne : {';'.join(header)[:200]})",
    )


def read_scdl(path: str | Path, data: bytes | None = None, *, kind: str | None = None) -> ScdlImport:
    source = str(path)
    if data is None:
        try:
            if Path(path).stat().st_size > MAX_BYTES:
                raise ScdlFileError(source, f"fichier trop volumineux (plus de {MAX_BYTES // 2**20} Mo)")
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise ScdlFileError(source, "fichier introuvable") from None
        except IsADirectoryError:
            raise ScdlFileError(source, "c'est un dossier, pas un fichier") from None
        except OSError as error:
            raise ScdlFileError(source, f"lecture impossible ({error.strerror})") from None
    text, encoding = decode(source, data)
    first_line = text.split("\n", 1)[0]
    delimiter = _sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        raise ScdlFileError(source, f"première ligne illisible ({error})") from None
    detected, layout, mapping, notes = _detect(source, header)
    if kind and kind != detected:
        raise ScdlFileError(source, f"le fichier est au format {detected}, pas {kind}")
    result = ScdlImport(source, detected, layout, encoding, delimiter, notes=notes)
    absent = set(official_schema(detected).field_names) - set(mapping.values())
    convert = _grant_record if detected == GRANTS else _deliberation_record
    validator = RowValidator(detected)
    build = BUILDERS[detected]
    candidates: dict[int, ReadRow] = {}
    findings: list[Finding] = []
    number, line = 0, reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            findings.append(Finding("csv", f"ligne CSV illisible ({error})", number + 1, line))
            break
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            result.blank_rows += 1
            continue
        number += 1
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            findings.append(
                Finding(
                    "table-schema:extra-cell",
                    f"{len(cells)} cellules pour {len(header)} colonnes",
                    number,
                    start,
                )
            )
            continue
        raw = {name: (cells[i] if i < len(cells) else "") for i, name in mapping.items()}
        record, problems = convert(raw)
        if problems:
            problems = [_absent(p, absent, layout) for p in problems] + _siret_problems(raw, detected)
            findings += [p.at(number, start) for p in problems]
            continue
        candidates[number] = ReadRow(number, start, record)
        findings += validator.add(build(record), number, start)
    findings += validator.flush()
    result.refused = merge(findings)
    refused = set(result.refused_rows)
    result.accepted = [row for n, row in candidates.items() if n not in refused]
    if result.blank_rows:
        result.notes.append(f"{result.blank_rows} ligne(s) vide(s) ignorée(s)")
    return result


def _absent(problem: Finding, absent: set[str], layout: str) -> Finding:
    if problem.field in absent and problem.rule == "table-schema:required":
        where = " (ancien format SCDL v1)" if layout == SCDL_V1 else ""
        return Finding(
            problem.rule,
            f"valeur obligatoire manquante : la colonne est absente du fichier{where}",
            problem.row,
            problem.line,
            problem.field,
            problem.value,
        )
    return problem


def _siret_problems(raw: dict, kind: str) -> list[Finding]:
    """SIRET findings reported even when the row is refused for another field."""
    columns = [
        c["params"]["column"]
        for c in official_schema(kind).custom_checks
        if c["name"] == "french-siret-value"
    ]
    found = []
    for column in columns:
        value = _siret(raw, column)
        problem = siret_problem(value) if value else None
        if problem:
            found.append(Finding("french-siret-value", problem, field=column, value=value))
    return found


# ----- conversions: raw strings → record; each problem names its field -----


def _clean(value: str | None) -> str:
    return (value or "").replace("\r\n", "\n").strip()


def _problem(field_name: str, rule: str, message: str, value: str | None = None) -> Finding:
    return Finding(rule, message, field=field_name, value=value)


def _date(raw: dict, name: str, problems: list, required: bool = True) -> dt.date | None:
    value = _clean(raw.get(name))
    if not value:
        if required:
            problems.append(_problem(name, "table-schema:required", "valeur obligatoire manquante"))
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if match:
        try:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            pass
    problems.append(
        _problem(name, "table-schema:type-error", f"« {value} » n'est pas une date AAAA-MM-JJ", value)
    )
    return None


def _decimal(raw: dict, name: str, problems: list, required: bool = True) -> Decimal | None:
    value = _clean(raw.get(name))
    if not value:
        if required:
            problems.append(_problem(name, "table-schema:required", "valeur obligatoire manquante"))
        return None
    text = value.replace("\u00a0", " ").replace("\u202f", " ").replace("€", "").strip()
    if re.fullmatch(r"-?\d{1,3}( \d{3})+(,\d+)?|-?\d+,\d+", text):  # French: "40 000,00", "1,5"
        text = text.replace(" ", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        problems.append(_problem(name, "table-schema:type-error", f"« {value} » n'est pas un nombre", value))
        return None
    if not number.is_finite():
        problems.append(_problem(name, "table-schema:type-error", f"« {value} » n'est pas un nombre", value))
        return None
    return number


def _integer(raw: dict, name: str, problems: list) -> int | None:
    value = _clean(raw.get(name))
    if not value:
        return None
    if re.fullmatch(r"\d+(\.0+)?", value):
        return int(value.split(".")[0])
    problems.append(
        _problem(name, "table-schema:type-error", f"« {value} » n'est pas un nombre entier", value)
    )
    return None


def _siret(raw: dict, name: str) -> str | None:
    """Exactly as written (spaces between digit groups aside); the checks judge it."""
    value = _clean(raw.get(name))
    if re.fullmatch(r"\d{3} ?\d{3} ?\d{3} ?\d{5}", value):
        value = value.replace(" ", "")
    return value or None


def _choice(
    raw: dict, name: str, allowed: tuple[str, ...], problems: list, default: str | None = None
) -> str | None:
    value = _clean(raw.get(name))
    if not value:
        if default is None:
            problems.append(_problem(name, "table-schema:required", "valeur obligatoire manquante"))
        return default
    by_fold = {actes.fold(a): a for a in allowed}
    folded = actes.fold(value).replace(" ; ", ";").replace("; ", ";")
    if folded in by_fold:
        return by_fold[folded]
    problems.append(
        _problem(
            name, "table-schema:enum", f"« {value} » hors de la liste autorisée ({', '.join(allowed)})", value
        )
    )
    return None


def _grant_record(raw: dict) -> tuple[GrantRecord | None, list[Finding]]:
    problems: list[Finding] = []
    agreement_date = _date(raw, "dateConvention", problems)
    amount = _decimal(raw, "montant", problems)
    share = _decimal(raw, "pourcentageSubvention", problems)
    nature = _choice(raw, "nature", NATURES, problems)
    conditions_text = _clean(raw.get("conditionsVersement"))
    conditions = None
    if not conditions_text:
        problems.append(
            _problem("conditionsVersement", "table-schema:required", "valeur obligatoire manquante")
        )
    else:
        by_fold = {actes.fold(c): c for c in PAYMENT_CONDITIONS}
        conditions = by_fold.get(actes.fold(conditions_text), conditions_text)  # free text is allowed
    start = end = None
    dates = _clean(raw.get("datesPeriodeVersement"))
    if not dates:
        problems.append(
            _problem("datesPeriodeVersement", "table-schema:required", "valeur obligatoire manquante")
        )
    else:
        match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[/_](\d{4}-\d{2}-\d{2}))?", dates)
        try:
            if not match:
                raise ValueError
            start = dt.date.fromisoformat(match.group(1))
            end = dt.date.fromisoformat(match.group(2)) if match.group(2) else None
        except ValueError:
            problems.append(
                _problem(
                    "datesPeriodeVersement",
                    "table-schema:pattern",
                    f"« {dates} » n'est ni une date AAAA-MM-JJ ni une période AAAA-MM-JJ/AAAA-MM-JJ",
                    dates,
                )
            )
    notification = _clean(raw.get("notificationUE")).lower()
    if notification not in ("oui", "non"):
        problems.append(
            _problem(
                "notificationUE",
                "table-schema:type-error" if notification else "table-schema:required",
                f"« {raw.get('notificationUE')} » : « oui » ou « non » attendu"
                if notification
                else "valeur obligatoire manquante",
                notification or None,
            )
        )
    if problems:
        return None, problems
    return GrantRecord(
        grantor_name=_clean(raw.get("nomAttribuant")),
        grantor_siret=_siret(raw, "idAttribuant") or "",
        agreement_date=agreement_date,
        beneficiary_name=_clean(raw.get("nomBeneficiaire")),
        object=_clean(raw.get("objet")),
        amount=amount,
        nature=nature,
        payment_conditions=conditions,
        payment_start=start,
        payment_end=end,
        budget_share=share,
        decision_reference=_clean(raw.get("referenceDecision")) or None,
        beneficiary_siret=_siret(raw, "idBeneficiaire"),
        beneficiary_rna=_clean(raw.get("rnaBeneficiaire")) or None,
        rae_id=_clean(raw.get("idRAE")) or None,
        eu_notification=notification == "oui",
        aid_scheme=_clean(raw.get("dispositifAide")) or None,
    ), []


def _deliberation_record(raw: dict) -> tuple[DeliberationRecord | None, list[Finding]]:
    problems: list[Finding] = []
    date = _date(raw, "DELIB_DATE", problems)
    prefecture_date = _date(raw, "PREF_DATE", problems, required=False)
    votes = {
        name: _integer(raw, name, problems)
        for name in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")
    }
    if problems:
        return None, problems
    return DeliberationRecord(
        authority_name=_clean(raw.get("COLL_NOM")),
        authority_siret=_siret(raw, "COLL_SIRET") or "",
        deliberation_id=_clean(raw.get("DELIB_ID")),
        date=date,
        subject_code=_clean(raw.get("DELIB_MATIERE_CODE")),
        subject_name=_clean(raw.get("DELIB_MATIERE_NOM")) or None,
        object=_clean(raw.get("DELIB_OBJET")),
        budget_year=_clean(raw.get("BUDGET_ANNEE")) or None,
        budget_name=_clean(raw.get("BUDGET_NOM")) or None,
        prefecture_id=_clean(raw.get("PREF_ID")) or None,
        prefecture_date=prefecture_date,
        members_in_office=votes["VOTE_EFFECTIF"],
        voters=votes["VOTE_REEL"],
        votes_for=votes["VOTE_POUR"],
        votes_against=votes["VOTE_CONTRE"],
        abstentions=votes["VOTE_ABSTENTION"],
        url=_clean(raw.get("DELIB_URL")) or None,
    ), []
