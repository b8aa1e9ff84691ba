"""Amendments, repayments and termination.

An amendment changes the programme or the dates, never the cap upward. A repayment
(total or partial) records its ground among those the agreement lists. Termination
takes the agreement's notice period after a formal notice, or none for false declarations.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..violations import Violation, violation, warning
from .agreement import GrantAgreement
from .dates import add_months, format_date
from .money import ZERO, euros, format_euros
from .programme import ActionProgramme
from .refusals import refuse_if_blocking
from .schedule import Payment, Tranche, check_schedule, total_paid


@dataclass(frozen=True)
class Amendment:
    number: int
    signed_on: dt.date | None = None
    deliberation: str | None = None  # the amendment's own deliberation
    deliberation_date: dt.date | None = None
    description: str = ""
    cap: Decimal | None = None  # None: unchanged
    amount: Decimal | None = None
    valid_until: dt.date | None = None
    programme_end: dt.date | None = None
    programme: ActionProgramme | None = None
    tranches: tuple[Tranche, ...] | None = None


def check_amendment(
    agreement: GrantAgreement, amendment: Amendment, payments: Sequence[Payment] = ()
) -> list[Violation]:
    findings: list[Violation] = []
    cap = euros(agreement.cap) if amendment.cap is None else euros(amendment.cap)
    amount = euros(agreement.amount) if amendment.amount is None else euros(amendment.amount)
    if amendment.cap is not None and cap > euros(agreement.cap):
        findings.append(
            violation(
                "amendment.cap_raised",
                f"Avenant refusé : le plafond ({format_euros(agreement.cap)}) n'est pas révisable à la hausse "
                f"({format_euros(cap)} demandé).",
                field="cap",
            )
        )
    if amount > cap:
        findings.append(
            violation(
                "amendment.amount_over_cap",
                f"Avenant refusé : le montant ({format_euros(amount)}) dépasse le plafond ({format_euros(cap)}).",
                field="amount",
            )
        )
    paid = total_paid(payments)
    if cap < paid:
        findings.append(
            violation(
                "amendment.cap_below_paid",
                f"Avenant refusé : le plafond ({format_euros(cap)}) serait inférieur à ce qui a déjà été versé "
                f"({format_euros(paid)}) ; prévoir un reversement.",
                field="cap",
            )
        )
    if amount <= 0:
        findings.append(
            violation("amendment.amount_positive", "Le montant doit être positif.", field="amount")
        )
    start = agreement.effective_on or agreement.signed_on
    if amendment.valid_until is not None and start is not None and amendment.valid_until <= start:
        findings.append(
            violation(
                "amendment.validity_before_start",
                f"La nouvelle fin de validité ({format_date(amendment.valid_until)}) précède la prise d'effet "
                f"({format_date(start)}).",
                field="valid_until",
            )
        )
    if amendment.signed_on and agreement.signed_on and amendment.signed_on < agreement.signed_on:
        findings.append(
            violation(
                "amendment.signed_before_agreement",
                "L'avenant ne peut être signé avant la convention.",
                field="signed_on",
            )
        )
    if amendment.signed_on and agreement.valid_until and amendment.signed_on > agreement.valid_until:
        findings.append(
            violation(
                "amendment.after_expiry",
                f"La convention a cessé le {format_date(agreement.valid_until)} : "
                "elle ne peut plus être modifiée par avenant.",
                field="signed_on",
            )
        )
    if amendment.tranches is not None:
        findings += check_schedule(amendment.tranches, amount, cap)
    financial = amendment.amount is not None or amendment.cap is not None
    if financial and not amendment.deliberation:
        findings.append(
            warning(
                "amendment.deliberation_missing",
                "Un avenant qui modifie le montant doit être approuvé par sa propre délibération.",
                field="deliberation",
            )
        )
    if (
        amendment.deliberation_date
        and amendment.signed_on
        and amendment.signed_on < amendment.deliberation_date
    ):
        findings.append(
            violation(
                "amendment.signed_before_deliberation",
                "L'avenant est signé avant la délibération qui l'approuve.",
                field="signed_on",
            )
        )
    return findings


def apply_amendment(
    agreement: GrantAgreement, amendment: Amendment, payments: Sequence[Payment] = ()
) -> GrantAgreement:
    """The agreement as amended, or GrantRefused."""
    refuse_if_blocking(check_amendment(agreement, amendment, payments))
    changes = {
        name: getattr(amendment, name)
        for name in ("cap", "amount", "valid_until", "programme_end", "programme", "tranches")
        if getattr(amendment, name) is not None
    }
    return dataclasses.replace(agreement, **changes)


@dataclass(frozen=True)
class Repayment:
    requested_on: dt.date
    amount: Decimal
    ground: str  # one of the agreement's repayment grounds, verbatim
    total: bool = False
    received_on: dt.date | None = None


def net_paid(payments: Iterable[Payment], repayments: Iterable[Repayment]) -> Decimal:
    return total_paid(payments) - sum((euros(r.amount) for r in repayments), ZERO)


def check_repayment(
    agreement: GrantAgreement, payments: Iterable[Payment], repayments: Iterable[Repayment], new: Repayment
) -> list[Violation]:
    findings: list[Violation] = []
    grounds = agreement.clauses.repayment_grounds
    if new.ground not in grounds:
        findings.append(
            violation(
                "repayment.ground_not_listed",
                "Reversement refusé : le motif doit être l'un de ceux que prévoit la convention.",
                field="ground",
            )
        )
    amount = euros(new.amount)
    outstanding = net_paid(payments, repayments)
    if amount <= 0:
        findings.append(
            violation(
                "repayment.amount_positive", "Le montant du reversement doit être positif.", field="amount"
            )
        )
    elif amount > outstanding:
        findings.append(
            violation(
                "repayment.over_paid",
                f"Reversement refusé : {format_euros(amount)} dépasse les sommes versées et non reversées "
                f"({format_euros(outstanding)}).",
                field="amount",
            )
        )
    if new.total and amount != outstanding:
        findings.append(
            violation(
                "repayment.total_mismatch",
                f"Un reversement total porte sur {format_euros(outstanding)}, pas {format_euros(amount)}.",
                field="amount",
            )
        )
    return findings


def record_repayment(
    agreement: GrantAgreement, payments: Iterable[Payment], repayments: Iterable[Repayment], new: Repayment
) -> tuple[Repayment, ...]:
    refuse_if_blocking(check_repayment(agreement, payments, repayments, new))
    return tuple(repayments) + (new,)


@dataclass(frozen=True)
class Termination:
    terminated_on: dt.date
    formal_notice_on: dt.date | None = None  # registered letter with acknowledgement of receipt
    without_notice: bool = False  # false or incomplete declarations
    ground: str = ""


def check_termination(agreement: GrantAgreement, termination: Termination) -> list[Violation]:
    findings: list[Violation] = []
    if termination.without_notice:
        if not agreement.clauses.termination_without_notice:
            findings.append(
                violation(
                    "termination.without_notice_not_allowed",
                    "La convention ne prévoit pas de résiliation sans préavis.",
                    field="without_notice",
                )
            )
        return findings
    if termination.formal_notice_on is None:
        findings.append(
            violation(
                "termination.formal_notice_missing",
                "La résiliation suppose une mise en demeure par lettre recommandée avec avis de réception.",
                field="formal_notice_on",
            )
        )
        return findings
    months = agreement.clauses.termination_notice_months
    earliest = add_months(termination.formal_notice_on, months)
    if termination.terminated_on < earliest:
        findings.append(
            violation(
                "termination.notice_period",
                f"Préavis non respecté : la résiliation ne peut prendre effet avant le {format_date(earliest)} "
                f"({months} mois après la mise en demeure).",
                field="terminated_on",
            )
        )
    return findings
