"""The action programme (annex 1): objectives by mission category A–E, target
figures where there are some, and the beneficiary's reported results against them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..violations import Violation, violation, warning
from .budget import ForecastBudget
from .money import format_percent


class MissionCategory(str, Enum):
    """The five mission categories of competitiveness clusters (DGCIS funding guide)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"

    @property
    def label(self) -> str:
        return MISSION_LABELS[self]


MISSION_LABELS = {
    MissionCategory.A: "Missions exercées pour le compte de l'État et des collectivités",
    MissionCategory.B: "Stimuler l'innovation, la R&D collaborative et la valorisation",
    MissionCategory.C: "Accompagnement des entreprises adhérentes",
    MissionCategory.D: "Prestations commerciales (non aidées)",
    MissionCategory.E: "Actions de projets soutenus par des programmes européens",
}


class TargetKind(str, Enum):
    AT_LEAST = "at_least"  # a count to reach: "visiter 150 entreprises"
    RANGE = "range"  # "nombre compris entre 220 et 250 adhérents"
    SHARE_ABOVE = "share_above"  # "une part privée supérieure à 55 %"


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    low: Decimal
    high: Decimal | None = None  # RANGE only
    unit: str = ""

    def met_by(self, value: Decimal) -> bool:
        if self.kind is TargetKind.AT_LEAST:
            return value >= self.low
        if self.kind is TargetKind.RANGE:
            return self.low <= value <= (self.high if self.high is not None else self.low)
        return value > self.low

    def describe(self) -> str:
        if self.kind is TargetKind.AT_LEAST:
            return f"au moins {_number(self.low)} {self.unit}".strip()
        if self.kind is TargetKind.RANGE:
            return f"entre {_number(self.low)} et {_number(self.high)} {self.unit}".strip()
        return f"plus de {format_percent(self.low, 0)}"


def _number(value: Decimal | None) -> str:
    if value is None:
        return "?"
    return f"{value.normalize():f}".replace(".", ",")


# measures a target may be read from when the beneficiary reports nothing: the budget annex
BUDGET_PRIVATE_SHARE = "budget.private_share"


@dataclass(frozen=True)
class Objective:
    key: str  # stable: "labelled_projects", "companies_visited", "private_share"
    category: MissionCategory
    text: str
    target: Target | None = None
    measure: str | None = None  # BUDGET_PRIVATE_SHARE when the budget annex measures it
    section: str = ""  # the programme heading it falls under


@dataclass(frozen=True)
class ActionProgramme:
    year: int | None
    objectives: tuple[Objective, ...]

    def objective(self, key: str) -> Objective | None:
        return next((o for o in self.objectives if o.key == key), None)

    def by_category(self) -> dict[MissionCategory, tuple[Objective, ...]]:
        return {c: tuple(o for o in self.objectives if o.category is c) for c in MissionCategory}

    @property
    def with_targets(self) -> tuple[Objective, ...]:
        return tuple(o for o in self.objectives if o.target is not None)


@dataclass(frozen=True)
class ReportedResult:
    key: str
    value: Decimal
    year: int | None = None
    comment: str = ""


class Assessment(str, Enum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_REPORTED = "not_reported"
    NO_TARGET = "no_target"

    @property
    def label(self) -> str:
        return {
            "met": "atteint",
            "not_met": "non atteint",
            "not_reported": "non renseigné",
            "no_target": "sans cible chiffrée",
        }[self.value]


def assess(objective: Objective, result: ReportedResult | None) -> Assessment:
    if objective.target is None:
        return Assessment.NO_TARGET
    if result is None:
        return Assessment.NOT_REPORTED
    return Assessment.MET if objective.target.met_by(result.value) else Assessment.NOT_MET


def assess_all(
    programme: ActionProgramme, results: Iterable[ReportedResult]
) -> list[tuple[Objective, ReportedResult | None, Assessment]]:
    latest = {r.key: r for r in results}
    return [(o, latest.get(o.key), assess(o, latest.get(o.key))) for o in programme.objectives]


def check_results(programme: ActionProgramme, results: Sequence[ReportedResult]) -> list[Violation]:
    findings: list[Violation] = []
    keys = {o.key for o in programme.objectives}
    for result in results:
        if result.key not in keys:
            findings.append(
                violation(
                    "programme.unknown_objective",
                    f"Objectif inconnu du programme : « {result.key} ».",
                    field="key",
                )
            )
        elif result.value < 0:
            findings.append(
                violation("programme.negative_result", "Un résultat ne peut pas être négatif.", field="value")
            )
    for objective, reported, state in assess_all(programme, results):
        # NOT_MET implies a target and a reported result
        if state is Assessment.NOT_MET and objective.target is not None and reported is not None:
            findings.append(
                warning(
                    "programme.objective_not_met",
                    f"Objectif non atteint ({objective.category.value}) : {objective.text} — cible "
                    f"{objective.target.describe()}, résultat {_number(reported.value)}.",
                    field=objective.key,
                )
            )
    return findings


def check_programme_against_budget(programme: ActionProgramme, budget: ForecastBudget) -> list[Violation]:
    """The programme's own contradictions with its budget annex: flagged, not hidden."""
    findings: list[Violation] = []
    for objective in programme.objectives:
        if objective.measure != BUDGET_PRIVATE_SHARE or objective.target is None:
            continue
        share = budget.private_share
        if share is not None and not objective.target.met_by(share):
            findings.append(
                warning(
                    "programme.private_share_below_objective",
                    f"La part privée du budget prévisionnel ({format_percent(share)}) est inférieure à "
                    f"l'objectif du programme d'actions ({objective.target.describe()}).",
                    field="budget",
                )
            )
    return findings
