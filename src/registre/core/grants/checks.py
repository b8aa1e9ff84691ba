"""Legal checks of a grant agreement (rules.md, "Grants"), as dated data with sources.

Every finding is returned, warnings included: the caller shows them, never hides them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..violations import Violation, violation, warning
from .agreement import GrantAgreement
from .budget import check_budget
from .dates import add_months, format_date
from .money import euros, format_euros
from .programme import check_programme_against_budget
from .schedule import check_schedule


@dataclass(frozen=True)
class GrantRules:
    start: dt.date
    end: dt.date | None
    agreement_threshold: Decimal  # an agreement is required above this amount a year
    agreement_source: str
    prefecture_filing_threshold: Decimal
    prefecture_filing_source: str
    financial_report_months: int  # after the end of the financial year
    publication_months: int | None  # SCDL essential data, after signature
    publication_source: str

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


GRANT_RULES: tuple[GrantRules, ...] = (
    GrantRules(
        dt.date(2001, 6, 8),
        dt.date(2017, 12, 31),
        Decimal(23000),
        "loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495 du 6 juin 2001",
        Decimal(153000),
        "décret n° 2001-495, art. 2 (à vérifier)",
        6,
        None,
        "",
    ),
    GrantRules(
        dt.date(2018, 1, 1),
        None,
        Decimal(23000),
        "loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495 du 6 juin 2001",
        Decimal(153000),
        "décret n° 2001-495, art. 2 (à vérifier)",
        6,
        3,
        "décret n° 2017-779 du 5 mai 2017 ; arrêté du 17 novembre 2017",
    ),
)


def grant_rules_on(day: dt.date) -> GrantRules:
    for rules in GRANT_RULES:
        if rules.covers(day):
            return rules
    return GRANT_RULES[0] if day < GRANT_RULES[0].start else GRANT_RULES[-1]


def agreement_required(amount_for_year: Decimal, day: dt.date) -> bool:
    """Cash and in kind, a year, to one private-law body."""
    return euros(amount_for_year) > grant_rules_on(day).agreement_threshold


def check_grant_without_agreement(amount_for_year: Decimal, day: dt.date) -> list[Violation]:
    rules = grant_rules_on(day)
    if agreement_required(amount_for_year, day):
        return [
            violation(
                "grant.agreement_required",
                f"Une convention est obligatoire au-delà de {format_euros(rules.agreement_threshold)} par an "
                f"({format_euros(amount_for_year)} attribués) — {rules.agreement_source}.",
                field="amount",
            )
        ]
    return []


SiretValidator = Callable[[str], bool]


def check_agreement(
    agreement: GrantAgreement, *, siret_validator: SiretValidator | None = None, today: dt.date | None = None
) -> list[Violation]:
    """Everything the rules say about the agreement's terms (not about what was paid)."""
    findings: list[Violation] = []
    day = (
        agreement.deliberation_date or agreement.signed_on or dt.date(agreement.financial_year or 2000, 1, 1)
    )
    rules = grant_rules_on(day)
    amount, cap = euros(agreement.amount), euros(agreement.cap)
    if amount <= 0:
        findings.append(
            violation(
                "grant.amount_positive", "Le montant de la subvention doit être positif.", field="amount"
            )
        )
    if amount > cap:
        findings.append(
            violation(
                "grant.amount_over_cap",
                f"Le montant ({format_euros(amount)}) dépasse le plafond ({format_euros(cap)}).",
                field="cap",
            )
        )
    if not agreement.object.strip():
        findings.append(violation("grant.object_missing", "L'objet de la convention manque.", field="object"))
    if not agreement.deliberation:
        findings.append(
            warning(
                "grant.deliberation_missing",
                "La délibération qui approuve la convention n'est pas indiquée.",
                field="deliberation",
            )
        )
    findings += _check_siret(agreement, siret_validator)
    findings += _check_dates(agreement)
    findings += check_schedule(agreement.tranches, amount, cap)
    if not agreement.tranches:
        findings.append(
            warning(
                "grant.schedule_missing",
                "La convention ne fixe aucune modalité de versement.",
                field="tranches",
            )
        )
    if agreement.budget is not None:
        findings += check_budget(agreement.budget, amount)
        if (
            agreement.programme_budget is not None
            and euros(agreement.programme_budget) != agreement.budget.total_expenses
        ):
            findings.append(
                violation(
                    "budget.programme_budget_mismatch",
                    f"Le budget du programme indiqué dans la convention ({format_euros(agreement.programme_budget)}) "
                    f"diffère du total des dépenses de l'annexe ({format_euros(agreement.budget.total_expenses)}).",
                    field="programme_budget",
                )
            )
        if agreement.programme is not None:
            findings += check_programme_against_budget(agreement.programme, agreement.budget)
    elif amount > rules.agreement_threshold:
        findings.append(
            warning("budget.missing", "Le budget prévisionnel de l'action n'est pas saisi.", field="budget")
        )
    if agreement.budget_line_amount is not None and amount > euros(agreement.budget_line_amount):
        findings.append(
            violation(
                "grant.over_budget_line",
                f"La subvention ({format_euros(amount)}) dépasse le crédit de la ligne budgétaire "
                f"({format_euros(agreement.budget_line_amount)}).",
                field="budget_line_amount",
            )
        )
    if amount > rules.prefecture_filing_threshold:
        findings.append(
            warning(
                "grant.prefecture_filing",
                f"Au-delà de {format_euros(rules.prefecture_filing_threshold)} de fonds publics par an, le bénéficiaire "
                f"dépose ses budget, comptes, conventions et comptes rendus en préfecture — {rules.prefecture_filing_source}.",
                field="amount",
            )
        )
    if agreement.clauses.redistribution_allowed:
        findings.append(
            warning(
                "grant.redistribution_allowed",
                "La convention autorise le reversement de l'aide à d'autres organismes (L1611-4).",
                field="clauses",
            )
        )
    if agreement.clauses.profit_allowed:
        findings.append(
            violation("grant.profit_allowed", "Une subvention ne peut donner lieu à profit.", field="clauses")
        )
    return findings


def _check_siret(agreement: GrantAgreement, validator: SiretValidator | None) -> list[Violation]:
    siret = (agreement.beneficiary.siret or "").replace(" ", "")
    if not siret:
        return [
            warning(
                "grant.siret_missing",
                "Le SIRET du bénéficiaire n'est pas renseigné.",
                field="beneficiary_siret",
            )
        ]
    if validator is not None and not validator(siret):
        return [
            violation(
                "grant.siret_invalid",
                f"SIRET du bénéficiaire invalide : « {siret} ».",
                field="beneficiary_siret",
            )
        ]
    return []


def _check_dates(agreement: GrantAgreement) -> list[Violation]:
    findings: list[Violation] = []
    voted, signed, effective, end = (
        agreement.deliberation_date,
        agreement.signed_on,
        agreement.transmitted_on,
        agreement.valid_until,
    )
    if voted and signed and signed < voted:
        findings.append(
            violation(
                "grant.signed_before_deliberation",
                f"Convention signée le {format_date(signed)}, avant la délibération du {format_date(voted)}.",
                field="signed_on",
            )
        )
    if voted and effective and effective < voted:
        findings.append(
            violation(
                "grant.transmitted_before_deliberation",
                "La transmission en préfecture précède la délibération.",
                field="transmitted_on",
            )
        )
    start = effective or signed
    if end and start and end <= start:
        findings.append(
            violation(
                "grant.validity_before_start",
                f"La fin de validité ({format_date(end)}) précède la prise d'effet ({format_date(start)}).",
                field="valid_until",
            )
        )
    if end is None:
        findings.append(
            warning(
                "grant.validity_missing",
                "La date de fin de validité n'est pas indiquée.",
                field="valid_until",
            )
        )
    reports = agreement.programme_ends_on
    if reports and end and reports > end:
        findings.append(
            warning(
                "grant.reports_after_validity",
                "Les comptes rendus sont dus après la fin de validité de la convention.",
                field="programme_end",
            )
        )
    if reports and agreement.financial_year:
        rules = grant_rules_on(reports)
        limit = add_months(dt.date(agreement.financial_year, 12, 31), rules.financial_report_months)
        if reports > limit:
            findings.append(
                warning(
                    "grant.financial_report_late_by_law",
                    f"Le compte-rendu financier doit être produit dans les {rules.financial_report_months} mois suivant "
                    f"la fin de l'exercice, soit au plus tard le {format_date(limit)}.",
                    field="programme_end",
                )
            )
    if agreement.retention_years < 1:
        findings.append(
            violation(
                "grant.retention_missing",
                "La durée de conservation des pièces justificatives manque.",
                field="retention_years",
            )
        )
    return findings
