"""The payment schedule: tranches (a share or an amount, each with its trigger),
the payments recorded against it, and the balance left under the cap.

A payment that would take the total paid above the cap is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from ..violations import Violation, violation, warning
from .money import ZERO, euros, format_euros
from .refusals import refuse_if_blocking


class Trigger(str, Enum):
    SIGNATURE = "signature"  # "à la signature de la présente convention"
    TRANSMISSION = "transmission"  # on the agreement's effective date
    REPORT = "report"  # on receipt of a report (financial, activity…)
    DATE = "date"  # on a fixed date

    @property
    def label(self) -> str:
        return {
            "signature": "à la signature",
            "transmission": "à la transmission en préfecture",
            "report": "à réception d'un rapport",
            "date": "à date fixe",
        }[self.value]


@dataclass(frozen=True)
class Tranche:
    """One line of the schedule. Exactly one of ``share`` (0 < share ≤ 1) and ``amount``."""

    trigger: Trigger
    share: Decimal | None = None
    amount: Decimal | None = None
    on: dt.date | None = None  # for Trigger.DATE
    report: str | None = None  # for Trigger.REPORT: the obligation kind that releases it
    label: str = ""

    def amount_of(self, grant_amount: Decimal) -> Decimal:
        if self.amount is not None:
            return euros(self.amount)
        return euros(grant_amount * (self.share or 0))


@dataclass(frozen=True)
class Payment:
    paid_on: dt.date
    amount: Decimal
    tranche: int | None = None  # index in the schedule
    reference: str = ""  # mandate number, accounting reference


def total_paid(payments: Iterable[Payment]) -> Decimal:
    return sum((euros(p.amount) for p in payments), ZERO)


def balance(cap: Decimal, payments: Iterable[Payment]) -> Decimal:
    """What may still be paid: the cap minus what has been paid."""
    return euros(cap) - total_paid(payments)


def check_schedule(tranches: Sequence[Tranche], grant_amount: Decimal, cap: Decimal) -> list[Violation]:
    findings: list[Violation] = []
    total = ZERO
    shares = Decimal(0)
    for index, tranche in enumerate(tranches, start=1):
        if (tranche.share is None) == (tranche.amount is None):
            findings.append(
                violation(
                    "grant.tranche_share_or_amount",
                    f"Tranche {index} : indiquer soit un pourcentage, soit un montant.",
                    field="tranches",
                )
            )
            continue
        if tranche.share is not None and not (0 < tranche.share <= 1):
            findings.append(
                violation(
                    "grant.tranche_share_range",
                    f"Tranche {index} : le pourcentage doit être compris entre 0 et 100 %.",
                    field="tranches",
                )
            )
        if tranche.amount is not None and euros(tranche.amount) <= 0:
            findings.append(
                violation(
                    "grant.tranche_amount_positive",
                    f"Tranche {index} : le montant doit être positif.",
                    field="tranches",
                )
            )
        if tranche.trigger is Trigger.DATE and tranche.on is None:
            findings.append(
                violation(
                    "grant.tranche_date_missing",
                    f"Tranche {index} : la date de versement manque.",
                    field="tranches",
                )
            )
        if tranche.trigger is Trigger.REPORT and not tranche.report:
            findings.append(
                violation(
                    "grant.tranche_report_missing",
                    f"Tranche {index} : préciser le rapport qui déclenche le versement.",
                    field="tranches",
                )
            )
        if tranche.share is not None:
            shares += tranche.share
        total += tranche.amount_of(grant_amount)
    if shares > 1:
        findings.append(
            violation(
                "grant.schedule_shares_over_100",
                "Les tranches dépassent 100 % de la subvention.",
                field="tranches",
            )
        )
    if total > euros(cap):
        findings.append(
            violation(
                "grant.schedule_over_cap",
                f"L'échéancier ({format_euros(total)}) dépasse le plafond de la subvention ({format_euros(cap)}).",
                field="tranches",
            )
        )
    elif tranches and total < euros(grant_amount):
        findings.append(
            warning(
                "grant.schedule_incomplete",
                f"L'échéancier ({format_euros(total)}) ne couvre pas toute la subvention ({format_euros(grant_amount)}).",
                field="tranches",
            )
        )
    return findings


def check_payment(
    cap: Decimal,
    payments: Iterable[Payment],
    new: Payment,
    *,
    signed_on: dt.date | None = None,
    terminated_on: dt.date | None = None,
) -> list[Violation]:
    findings: list[Violation] = []
    amount = euros(new.amount)
    if amount <= 0:
        findings.append(
            violation(
                "grant.payment_amount_positive", "Le montant du versement doit être positif.", field="amount"
            )
        )
        return findings
    remaining = balance(cap, payments)
    if amount > remaining:
        findings.append(
            violation(
                "grant.payment_over_cap",
                f"Versement refusé : {format_euros(amount)} dépasserait le plafond de {format_euros(cap)} "
                f"(déjà versé {format_euros(total_paid(payments))}, reste {format_euros(remaining)}).",
                field="amount",
            )
        )
    if signed_on is None:
        findings.append(
            violation(
                "grant.payment_before_signature",
                "Versement refusé : la convention n'est pas signée.",
                field="paid_on",
            )
        )
    elif new.paid_on < signed_on:
        findings.append(
            violation(
                "grant.payment_before_signature",
                "Versement refusé : il précède la signature de la convention.",
                field="paid_on",
            )
        )
    if terminated_on is not None and new.paid_on >= terminated_on:
        findings.append(
            violation(
                "grant.payment_after_termination",
                "Versement refusé : la convention est résiliée.",
                field="paid_on",
            )
        )
    return findings


def record_payment(
    cap: Decimal, payments: Iterable[Payment], new: Payment, **context: Any
) -> tuple[Payment, ...]:
    """The payments with ``new`` added, or GrantRefused."""
    refuse_if_blocking(check_payment(cap, payments, new, **context))
    return tuple(payments) + (new,)


def releasable(
    tranches: Sequence[Tranche],
    grant_amount: Decimal,
    *,
    signed_on: dt.date | None,
    transmitted_on: dt.date | None,
    received: dict[str, dt.date],
    today: dt.date,
) -> list[tuple[int, Decimal]]:
    """(index, amount) of the tranches whose trigger has occurred by ``today``."""
    ready = []
    for index, tranche in enumerate(tranches):
        if tranche.trigger is Trigger.SIGNATURE:
            occurred = signed_on is not None and signed_on <= today
        elif tranche.trigger is Trigger.TRANSMISSION:
            occurred = transmitted_on is not None and transmitted_on <= today
        elif tranche.trigger is Trigger.DATE:
            occurred = tranche.on is not None and tranche.on <= today
        else:
            occurred = tranche.report in received and received[tranche.report] <= today
        if occurred:
            ready.append((index, tranche.amount_of(grant_amount)))
    return ready
