"""The forecast budget annex: expense and revenue lines, grouped; totals; the
balance check; public and private shares; this grant's share of the budget.

The grant may not exceed what balances the budget: no profit (loi 2000-321 art. 10,
and the example's article V).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..violations import Violation, violation, warning
from .money import ZERO, euros, format_euros, format_percent, share_of


class Funder(str, Enum):
    """Revenue groups: public funders, then the private share."""

    STATE = "state"
    REGION = "region"
    AUTHORITY = "authority"  # the grantor of this agreement
    OTHER_PUBLIC = "other_public"
    VALUED_INDUSTRIAL_TIME = "valued_industrial_time"
    SERVICES = "services"
    OTHER_PRIVATE = "other_private"

    @property
    def public(self) -> bool:
        return self in PUBLIC_FUNDERS

    @property
    def label(self) -> str:
        return FUNDER_LABELS[self]


PUBLIC_FUNDERS = frozenset({Funder.STATE, Funder.REGION, Funder.AUTHORITY, Funder.OTHER_PUBLIC})
FUNDER_LABELS = {
    Funder.STATE: "État",
    Funder.REGION: "Région",
    Funder.AUTHORITY: "La collectivité (attribuant)",
    Funder.OTHER_PUBLIC: "Autres financeurs publics",
    Funder.VALUED_INDUSTRIAL_TIME: "Valorisation du temps industriel",
    Funder.SERVICES: "Prestations",
    Funder.OTHER_PRIVATE: "Autres ressources privées",
}


@dataclass(frozen=True)
class ExpenseLine:
    label: str
    amount: Decimal


@dataclass(frozen=True)
class RevenueLine:
    label: str
    amount: Decimal
    funder: Funder


@dataclass(frozen=True)
class StatedTotals:
    """Totals as the annex prints them (None where it prints none), checked against the lines."""

    expenses: Decimal | None = None
    public: Decimal | None = None
    private: Decimal | None = None
    revenues: Decimal | None = None


@dataclass(frozen=True)
class ForecastBudget:
    expenses: tuple[ExpenseLine, ...]
    revenues: tuple[RevenueLine, ...]
    stated: StatedTotals = StatedTotals()
    year: int | None = None

    @property
    def total_expenses(self) -> Decimal:
        return sum((euros(line.amount) for line in self.expenses), ZERO)

    @property
    def total_revenues(self) -> Decimal:
        return sum((euros(line.amount) for line in self.revenues), ZERO)

    @property
    def total_public(self) -> Decimal:
        return sum((euros(line.amount) for line in self.revenues if line.funder.public), ZERO)

    @property
    def total_private(self) -> Decimal:
        return sum((euros(line.amount) for line in self.revenues if not line.funder.public), ZERO)

    def total_of(self, funder: Funder) -> Decimal:
        return sum((euros(line.amount) for line in self.revenues if line.funder is funder), ZERO)

    @property
    def public_share(self) -> Decimal | None:
        return share_of(self.total_public, self.total_revenues)

    @property
    def private_share(self) -> Decimal | None:
        return share_of(self.total_private, self.total_revenues)

    def grant_share(self, grant_amount: Decimal) -> Decimal | None:
        """This grant's share of the programme's expenses."""
        return share_of(euros(grant_amount), self.total_expenses)

    @property
    def balance(self) -> Decimal:
        """Revenues minus expenses: zero when balanced, positive is a profit."""
        return self.total_revenues - self.total_expenses

    def max_grant(self, grant_amount: Decimal) -> Decimal:
        """The largest grant that still balances the budget: expenses minus every other revenue."""
        return self.total_expenses - (self.total_revenues - euros(grant_amount))


def check_budget(budget: ForecastBudget, grant_amount: Decimal) -> list[Violation]:
    findings: list[Violation] = []
    for line in budget.expenses + budget.revenues:
        if euros(line.amount) < 0:
            findings.append(
                violation(
                    "budget.negative_line", f"Ligne « {line.label} » : montant négatif.", field="budget"
                )
            )
    if not budget.expenses:
        findings.append(
            violation("budget.no_expenses", "Le budget prévisionnel n'a aucune dépense.", field="budget")
        )
    stated = budget.stated
    for name, label, computed in (
        ("expenses", "des dépenses", budget.total_expenses),
        ("public", "du financement public", budget.total_public),
        ("private", "du financement privé", budget.total_private),
        ("revenues", "des recettes", budget.total_revenues),
    ):
        printed = getattr(stated, name)
        if printed is not None and euros(printed) != computed:
            findings.append(
                violation(
                    f"budget.total_{name}_mismatch",
                    f"Le total {label} indiqué ({format_euros(printed)}) ne correspond pas à la somme des lignes "
                    f"({format_euros(computed)}).",
                    field="budget",
                )
            )
    if budget.balance != 0:
        direction = "excédentaire" if budget.balance > 0 else "déficitaire"
        findings.append(
            violation(
                "budget.unbalanced",
                f"Budget prévisionnel {direction} : recettes {format_euros(budget.total_revenues)}, "
                f"dépenses {format_euros(budget.total_expenses)} (écart {format_euros(budget.balance)}).",
                field="budget",
            )
        )
    grant = euros(grant_amount)
    authority_line = budget.total_of(Funder.AUTHORITY)
    if budget.revenues and authority_line != grant:
        findings.append(
            violation(
                "budget.grant_line_mismatch",
                f"La recette de la collectivité au budget ({format_euros(authority_line)}) diffère du montant "
                f"de la subvention ({format_euros(grant)}).",
                field="budget",
            )
        )
    ceiling = budget.max_grant(grant)
    if budget.expenses and grant > ceiling:
        findings.append(
            violation(
                "grant.profit",
                f"La subvention ({format_euros(grant)}) dépasse ce qui équilibre le budget ({format_euros(ceiling)}) : "
                "elle ne peut donner lieu à profit.",
                field="amount",
            )
        )
    share = budget.grant_share(grant)
    if share is not None and share > 1:
        findings.append(
            warning("grant.share_over_budget", "La subvention dépasse le coût du programme.", field="amount")
        )
    return findings


def describe_shares(budget: ForecastBudget, grant_amount: Decimal) -> dict[str, str]:
    """French figures for display: totals and shares."""

    def pct(value: Decimal | None) -> str:
        return format_percent(value) if value is not None else "—"

    return {
        "Dépenses": format_euros(budget.total_expenses),
        "Recettes": format_euros(budget.total_revenues),
        "Financement public": f"{format_euros(budget.total_public)} ({pct(budget.public_share)})",
        "Financement privé": f"{format_euros(budget.total_private)} ({pct(budget.private_share)})",
        "Part de la subvention": pct(budget.grant_share(grant_amount)),
    }
