"""Territorial indicators (annex 3), reported per year by the beneficiary.

Three scopes: member companies in the territory; member companies in collaborative
projects; laboratories in the territory. Jobs created or kept are reported per company.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from ..violations import Violation, violation, warning


class IndicatorScope(str, Enum):
    MEMBER_COMPANIES = "member_companies"
    COLLABORATIVE_PROJECTS = "collaborative_projects"
    LABORATORIES = "laboratories"

    @property
    def label(self) -> str:
        return {
            "member_companies": "Entreprises du territoire adhérentes",
            "collaborative_projects": "Entreprises adhérentes participant à des projets collaboratifs",
            "laboratories": "Laboratoires du territoire",
        }[self.value]


class Unit(str, Enum):
    EUROS = "euros"
    COUNT = "count"


@dataclass(frozen=True)
class Indicator:
    key: str
    scope: IndicatorScope
    label: str
    unit: Unit
    per_company: bool = False  # reported company by company


ANNEX_3_INDICATORS: tuple[Indicator, ...] = (
    Indicator("members.headcount", IndicatorScope.MEMBER_COMPANIES, "Effectifs", Unit.COUNT),
    Indicator("members.turnover", IndicatorScope.MEMBER_COMPANIES, "Chiffre d'affaires", Unit.EUROS),
    Indicator(
        "projects.programme_amount",
        IndicatorScope.COLLABORATIVE_PROJECTS,
        "Montant des programmes",
        Unit.EUROS,
    ),
    Indicator(
        "projects.public_aid",
        IndicatorScope.COLLABORATIVE_PROJECTS,
        "Montant des aides publiques liées à ces programmes",
        Unit.EUROS,
    ),
    Indicator(
        "projects.jobs",
        IndicatorScope.COLLABORATIVE_PROJECTS,
        "Emplois créés ou maintenus, par entreprise impliquée",
        Unit.COUNT,
        per_company=True,
    ),
    Indicator("labs.programme_amount", IndicatorScope.LABORATORIES, "Montant des programmes", Unit.EUROS),
    Indicator("labs.public_aid", IndicatorScope.LABORATORIES, "Montant des aides publiques", Unit.EUROS),
    Indicator(
        "labs.researchers", IndicatorScope.LABORATORIES, "Chercheurs concernés par les programmes", Unit.COUNT
    ),
    Indicator("labs.publications", IndicatorScope.LABORATORIES, "Publications", Unit.COUNT),
    Indicator(
        "labs.patents",
        IndicatorScope.LABORATORIES,
        "Brevets déposés dans le cadre de ces programmes",
        Unit.COUNT,
    ),
)


def indicator(key: str, indicators: Iterable[Indicator] = ANNEX_3_INDICATORS) -> Indicator | None:
    return next((i for i in indicators if i.key == key), None)


@dataclass(frozen=True)
class IndicatorValue:
    key: str
    value: Decimal
    company: str = ""  # for per-company indicators


@dataclass(frozen=True)
class IndicatorReport:
    year: int
    values: tuple[IndicatorValue, ...] = field(default_factory=tuple)

    def total(self, key: str) -> Decimal | None:
        found = [v.value for v in self.values if v.key == key]
        return sum(found, Decimal(0)) if found else None


def check_indicator_report(
    report: IndicatorReport,
    indicators: Iterable[Indicator] = ANNEX_3_INDICATORS,
    *,
    programme_year: int | None = None,
) -> list[Violation]:
    findings: list[Violation] = []
    known = {i.key: i for i in indicators}
    seen: set[tuple[str, str]] = set()
    if programme_year is not None and report.year != programme_year:
        findings.append(
            warning(
                "indicators.other_year",
                f"Indicateurs de {report.year} pour un programme {programme_year}.",
                field="year",
            )
        )
    for value in report.values:
        spec = known.get(value.key)
        if spec is None:
            findings.append(
                violation("indicators.unknown", f"Indicateur inconnu : « {value.key} ».", field=value.key)
            )
            continue
        if value.value < 0:
            findings.append(
                violation("indicators.negative", f"{spec.label} : valeur négative.", field=value.key)
            )
        if spec.unit is Unit.COUNT and value.value != value.value.to_integral_value():
            findings.append(
                violation(
                    "indicators.not_a_count", f"{spec.label} : un nombre entier est attendu.", field=value.key
                )
            )
        if spec.per_company and not value.company.strip():
            findings.append(
                violation(
                    "indicators.company_missing",
                    f"{spec.label} : indiquer l'entreprise concernée.",
                    field=value.key,
                )
            )
        if (value.key, value.company) in seen:
            findings.append(
                violation("indicators.duplicate", f"{spec.label} : valeur en double.", field=value.key)
            )
        seen.add((value.key, value.company))
    reported = {v.key for v in report.values}
    missing = [i.label for i in indicators if i.key not in reported]
    if missing:
        findings.append(
            warning(
                "indicators.incomplete",
                f"Indicateurs non renseignés ({len(missing)}) : " + ", ".join(missing) + ".",
                field="values",
            )
        )
    return findings
