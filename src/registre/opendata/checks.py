"""The schemas' own custom checks (Validata's), which plain Table Schema validators ignore.

Driven by the official schema's ``custom_checks`` list, plus one of Registre's: the ACTES code
and name of a deliberation designate the same subject. Each check reads one row (a dict of the
CSV's strings) and returns findings naming the field and the rule, in French.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from . import actes
from .findings import Finding
from .schemas import DELIBERATIONS, official_schema

ACTES_CODE_NAME = "registre:actes-code-nom"
Row = Mapping[str, str]  # one CSV row: column -> text
Params = dict[str, Any]  # a custom check's parameters, as the schema gives them
Check = Callable[[Row, Params], list[Finding]]
Fast = Callable[[Row], bool | None]
_DIGITS14 = re.compile(r"\d{14}")
_DIGITS9 = re.compile(r"\d{9}")
_YEARS = re.compile(r"^(\d{4})(?:/(\d{4}))?$")


@lru_cache(maxsize=8192)
def siret_problem(value: str) -> str | None:
    """Why ``value`` is not a SIRET, or None. Never "repairs": a damaged number stays refused."""
    if _DIGITS14.fullmatch(value):
        return (
            None
            if stdnum_siret.is_valid(value)
            else (f"SIRET « {value} » invalide : la clé de contrôle (algorithme de Luhn) ne correspond pas")
        )
    if re.fullmatch(r"\d+\.0+", value) or re.fullmatch(r"\d+(\.\d+)?[eE]\+?\d+", value):
        return (
            f"SIRET « {value} » abîmé : converti en nombre décimal en amont, ses derniers chiffres "
            "sont perdus ; il n'est pas corrigé, reprenez le SIRET exact"
        )
    return f"SIRET « {value} » invalide : 14 chiffres attendus"


@lru_cache(maxsize=8192)
def siren_problem(value: str) -> str | None:
    if _DIGITS9.fullmatch(value) and stdnum_siren.is_valid(value):
        return None
    return f"SIREN « {value} » invalide : 9 chiffres et une clé de contrôle correcte attendus"


def _filled(row: Row, column: str) -> bool:
    return _is_filled(row.get(column))


def _french_siret(row: Row, params: Params) -> list[Finding]:
    column = params["column"]
    value = (row.get(column) or "").strip()
    problem = siret_problem(value) if value else None
    return [Finding("french-siret-value", problem, field=column, value=value)] if problem else []


def _french_siren(row: Row, params: Params) -> list[Finding]:
    column = params["column"]
    value = (row.get(column) or "").strip()
    problem = siren_problem(value) if value else None
    return [Finding("french-siren-value", problem, field=column, value=value)] if problem else []


def _year_interval(row: Row, params: Params) -> list[Finding]:
    column = params["column"]
    value = (row.get(column) or "").strip()
    if not value:
        return []
    match = _YEARS.match(value)
    message = None
    if not match:
        message = f"« {value} » n'est ni une année AAAA ni un intervalle AAAA/AAAA"
    elif match.group(2) is None and params.get("allow-year-only", "no") != "yes":
        message = f"« {value} » : un intervalle AAAA/AAAA est attendu"
    elif match.group(2) is not None and int(match.group(2)) <= int(match.group(1)):
        message = f"« {value} » : la seconde année doit être postérieure à la première"
    return [Finding("year-interval-value", message, field=column, value=value)] if message else []


def _cohesive(row: Row, params: Params) -> list[Finding]:
    columns = [params["column"], *params["othercolumns"]]
    filled = [c for c in columns if _filled(row, c)]
    if not filled or len(filled) == len(columns):
        return []
    missing = [c for c in columns if c not in filled]
    return [
        Finding(
            "cohesive-columns-value",
            f"les colonnes {', '.join(columns)} sont à remplir toutes ou aucune : {', '.join(missing)} "
            f"vide(s) alors que {', '.join(filled)} rempli(es)",
            field=missing[0],
        )
    ]


def _number_or_date(value: str) -> int | float | dt.date | None:
    value = value.strip()
    if value.isdigit():
        return int(value)
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


_OPS: dict[str, tuple[Callable[[Any, Any], bool], str]] = {
    ">": (lambda a, b: a > b, "supérieur à"),
    ">=": (lambda a, b: a >= b, "supérieur ou égal à"),
    "<": (lambda a, b: a < b, "inférieur à"),
    "<=": (lambda a, b: a <= b, "inférieur ou égal à"),
    "==": (lambda a, b: a == b, "égal à"),
}


def _compare(row: Row, params: Params) -> list[Finding]:
    left, right = params["column"], params["column2"]
    if not (_filled(row, left) and _filled(row, right)):
        return []
    a, b = _number_or_date(row[left]), _number_or_date(row[right])
    if a is None or b is None or isinstance(a, dt.date) != isinstance(b, dt.date):
        return []  # the type check of the Table Schema reports it
    test, words = _OPS[params["op"]]
    if test(a, b):
        return []
    return [
        Finding(
            "compare-columns-value",
            f"{left} ({row[left].strip()}) doit être {words} {right} ({row[right].strip()})",
            field=left,
            value=row[left].strip(),
        )
    ]


def _sum(row: Row, params: Params) -> list[Finding]:
    total, parts = params["column"], params["columns"]
    if not all(_filled(row, c) for c in [total, *parts]):
        return []
    try:
        values = [int(row[c]) for c in parts]
        expected = int(row[total])
    except ValueError:
        return []
    if sum(values) == expected:
        return []
    detail = " + ".join(f"{c} {v}" for c, v in zip(parts, values, strict=False))
    return [
        Finding(
            "sum-columns-value",
            f"{total} ({expected}) doit être égal à {detail} = {sum(values)} "
            "(les membres ne prenant pas part au vote ne comptent pas parmi les votants)",
            field=total,
            value=str(expected),
        )
    ]


def _nomenclature(row: Row, params: Params) -> list[Finding]:
    column = params["column"]
    value = (row.get(column) or "").strip()
    if not value:
        return []
    message = _nomenclature_problem(value)
    return [Finding("nomenclature-actes-value", message, field=column, value=value)] if message else []


@lru_cache(maxsize=4096)
def _nomenclature_problem(value: str) -> str | None:
    if "/" not in value:
        message = (
            f"« {value} » : le nom de matière doit commencer par un intitulé ACTES de niveau 1 suivi de « / »"
        )
    elif re.search(r"\s/|/\s", value) and actes.level1_code_of_name(value.replace(" /", "/")) is not None:
        message = f"« {value} » : la barre oblique ne doit être ni précédée ni suivie d'une espace"
    elif actes.level1_code_of_name(value) is None:
        head = value.split("/", 1)[0]
        titles = ", ".join(actes.level1_titles().values())
        message = f"« {head} » n'est pas un intitulé de niveau 1 de la nomenclature ACTES ({titles})"
    else:
        return None
    return message


def _one_of_required(row: Row, params: Params) -> list[Finding]:
    first, second = params["column1"], params["column2"]
    if _filled(row, first) or _filled(row, second):
        return []
    return [Finding("one-of-required", f"{first} ou {second} doit être renseigné", field=first)]


CHECKS: dict[str, Check] = {
    "french-siret-value": _french_siret,
    "french-siren-value": _french_siren,
    "year-interval-value": _year_interval,
    "cohesive-columns-value": _cohesive,
    "compare-columns-value": _compare,
    "sum-columns-value": _sum,
    "nomenclature-actes-value": _nomenclature,
    "one-of-required": _one_of_required,
}


def _actes_code_name(row: Row) -> list[Finding]:
    code = (row.get("DELIB_MATIERE_CODE") or "").strip()
    name = (row.get("DELIB_MATIERE_NOM") or "").strip()
    return list(_actes_code_name_findings(code, name)) if code else []


@lru_cache(maxsize=4096)
def _actes_code_name_findings(code: str, name: str) -> tuple[Finding, ...]:
    known = actes.subject(code)
    if known is None:
        return (
            Finding(
                ACTES_CODE_NAME,
                f"« {code} » n'est pas un code de matière ACTES de niveau 2 (1.1 à 9.4)",
                field="DELIB_MATIERE_CODE",
                value=code,
            ),
        )
    if actes.level1_code_of_name(name) is None or actes.name_matches_code(code, name):
        return ()  # a name outside the nomenclature is reported by nomenclature-actes-value
    return (
        Finding(
            ACTES_CODE_NAME,
            f"le nom de matière « {name} » ne correspond pas au code {code} ({known.scdl_name})",
            field="DELIB_MATIERE_NOM",
            value=name,
        ),
    )


def _is_filled(value: str | None) -> bool:
    return value is not None and value != "" and not value.isspace()


def _fast(name: str, params: Params) -> Fast | None:
    """A quick test that a row passes the check (True), or None when only the full check can tell.

    Exports check a million rows: the common case (everything right) must cost little; the full
    check, which words the finding, runs only when the quick test does not say "passes".
    """
    if name == "cohesive-columns-value":
        columns = (params["column"], *params["othercolumns"])

        count = len(columns)

        def fast(row: Row) -> bool | None:
            filled = 0
            for column in columns:
                value = row.get(column)
                if value and not value.isspace():
                    filled += 1
            return filled == 0 or filled == count

        return fast
    if name == "compare-columns-value":
        left, right, test = params["column"], params["column2"], _OPS[params["op"]][0]

        def fast(row: Row) -> bool | None:
            a, b = row.get(left), row.get(right)
            if a is None or b is None or not _is_filled(a) or not _is_filled(b):
                return True
            if a.isdigit() and b.isdigit():
                return test(int(a), int(b)) or None
            if len(a) == len(b) == 10 and a[4] == b[4] == "-" and a[7] == b[7] == "-":
                return test(a, b) or None  # ISO dates compare as strings
            return None

        return fast
    if name == "sum-columns-value":
        total, parts = params["column"], tuple(params["columns"])

        columns = (total, *parts)

        def fast(row: Row) -> bool | None:
            numbers: list[int] = []
            for column in columns:
                value = row.get(column)
                if not value or value.isspace():
                    return True
                if not value.isdigit():
                    return None
                numbers.append(int(value))
            return numbers[0] == sum(numbers[1:]) or None

        return fast
    if name in ("french-siret-value", "french-siren-value"):
        column = params["column"]
        problem = siret_problem if name == "french-siret-value" else siren_problem

        def fast(row: Row) -> bool | None:
            value = (row.get(column) or "").strip()
            return not value or problem(value) is None or None

        return fast
    return None


class CustomChecks:
    """The custom checks of one official schema, compiled once, applied row by row."""

    def __init__(self, kind: str):
        self.kind = kind
        unknown = [c["name"] for c in official_schema(kind).custom_checks if c["name"] not in CHECKS]
        if unknown:
            raise ValueError(f"contrôle(s) du schéma non implémenté(s) : {', '.join(unknown)}")
        self._checks = [
            (CHECKS[c["name"]], c["params"], _fast(c["name"], c["params"]))
            for c in official_schema(kind).custom_checks
        ]
        self._extra: list[Callable[[Row], list[Finding]]] = (
            [_actes_code_name] if kind == DELIBERATIONS else []
        )

    def check(self, row: Row, number: int | None = None, line: int | None = None) -> list[Finding]:
        findings: list[Finding] = []
        for check, params, fast in self._checks:
            if fast is not None and fast(row):
                continue
            findings.extend(check(row, params))
        for extra in self._extra:
            findings.extend(extra(row))
        if number is not None or line is not None:
            findings = [f.at(number, line) for f in findings]
        return findings
