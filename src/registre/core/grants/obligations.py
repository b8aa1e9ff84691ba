"""The obligations calendar: every due date of an agreement with its state, the
cross-agreement dashboard of what is due and overdue, and when to remind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from .agreement import GrantAgreement
from .dates import add_months


class ObligationKind(str, Enum):
    FINANCIAL_REPORT = "financial_report"
    ACTIVITY_REPORT = "activity_report"
    INDICATORS = "indicators"
    PUBLICATION = "publication"  # SCDL essential data, three months after signature
    END_OF_VALIDITY = "end_of_validity"
    END_OF_RETENTION = "end_of_retention"

    @property
    def label(self) -> str:
        return OBLIGATION_LABELS[self]

    @property
    def submitted(self) -> bool:
        """Something is handed in (and received); otherwise a mere milestone."""
        return self in SUBMITTED

    @property
    def by_beneficiary(self) -> bool:
        return self in (
            ObligationKind.FINANCIAL_REPORT,
            ObligationKind.ACTIVITY_REPORT,
            ObligationKind.INDICATORS,
        )


OBLIGATION_LABELS = {
    ObligationKind.FINANCIAL_REPORT: "Compte-rendu financier",
    ObligationKind.ACTIVITY_REPORT: "Rapport d'activité",
    ObligationKind.INDICATORS: "Indicateurs territoriaux",
    ObligationKind.PUBLICATION: "Publication des données essentielles (SCDL)",
    ObligationKind.END_OF_VALIDITY: "Fin de validité de la convention",
    ObligationKind.END_OF_RETENTION: "Fin de conservation des pièces justificatives",
}
SUBMITTED = frozenset(
    {
        ObligationKind.FINANCIAL_REPORT,
        ObligationKind.ACTIVITY_REPORT,
        ObligationKind.INDICATORS,
        ObligationKind.PUBLICATION,
    }
)


class State(str, Enum):
    DUE = "due"  # to hand in, not yet late
    RECEIVED = "received"
    LATE = "late"
    UPCOMING = "upcoming"  # a milestone still ahead
    PASSED = "passed"  # a milestone behind us

    @property
    def label(self) -> str:
        return {
            "due": "à produire",
            "received": "reçu",
            "late": "en retard",
            "upcoming": "à venir",
            "passed": "échu",
        }[self.value]


@dataclass(frozen=True)
class Obligation:
    kind: ObligationKind
    due_on: dt.date
    year: int | None = None
    copies: int = 1
    note: str = ""

    @property
    def label(self) -> str:
        copies = f" ({self.copies} exemplaires)" if self.copies > 1 else ""
        year = f" {self.year}" if self.year and self.kind is ObligationKind.INDICATORS else ""
        return f"{self.kind.label}{year}{copies}"

    def state(self, today: dt.date, received_on: dt.date | None = None) -> State:
        if not self.kind.submitted:
            return State.PASSED if today >= self.due_on else State.UPCOMING
        if received_on is not None:
            return State.RECEIVED
        return State.LATE if today > self.due_on else State.DUE


def obligations_of(agreement: GrantAgreement, *, publishes_scdl: bool = True) -> tuple[Obligation, ...]:
    """Every dated obligation of the agreement, in date order."""
    found: list[Obligation] = []
    end = agreement.programme_ends_on
    year = agreement.financial_year
    if end is not None:
        found.append(
            Obligation(
                ObligationKind.FINANCIAL_REPORT, end, year, agreement.report_copies, "en fin de programme"
            )
        )
        found.append(
            Obligation(
                ObligationKind.ACTIVITY_REPORT,
                end,
                year,
                agreement.report_copies,
                "en fin de programme, avec les indicateurs des annexes 1 et 3",
            )
        )
        if agreement.indicators:
            found.append(Obligation(ObligationKind.INDICATORS, end, year, 1, "annexe 3"))
    if publishes_scdl and agreement.signed_on is not None:
        found.append(
            Obligation(
                ObligationKind.PUBLICATION,
                add_months(agreement.signed_on, 3),
                year,
                1,
                "décret 2017-779 : trois mois après la signature",
            )
        )
    if agreement.valid_until is not None:
        found.append(Obligation(ObligationKind.END_OF_VALIDITY, agreement.valid_until, year))
    if agreement.retention_until is not None:
        found.append(
            Obligation(
                ObligationKind.END_OF_RETENTION,
                agreement.retention_until,
                year,
                1,
                f"{agreement.retention_years} ans",
            )
        )
    return tuple(sorted(found, key=lambda o: (o.due_on, o.kind.value)))


@dataclass(frozen=True)
class DashboardLine:
    agreement: str  # reference
    obligation: Obligation
    state: State
    days: int  # days until due (negative: days late)


@dataclass(frozen=True)
class Dashboard:
    overdue: tuple[DashboardLine, ...]
    due_soon: tuple[DashboardLine, ...]
    later: tuple[DashboardLine, ...]


def dashboard(
    entries: Iterable[tuple[str, Obligation, dt.date | None]], today: dt.date, horizon_days: int = 60
) -> Dashboard:
    """``entries``: (agreement reference, obligation, received_on or None). Only what is still owed."""
    overdue, soon, later = [], [], []
    for reference, obligation, received_on in entries:
        state = obligation.state(today, received_on)
        if state not in (State.DUE, State.LATE):
            continue
        line = DashboardLine(reference, obligation, state, (obligation.due_on - today).days)
        if state is State.LATE:
            overdue.append(line)
        elif line.days <= horizon_days:
            soon.append(line)
        else:
            later.append(line)
    order = lambda line: (line.obligation.due_on, line.agreement)  # noqa: E731
    return Dashboard(
        tuple(sorted(overdue, key=order)), tuple(sorted(soon, key=order)), tuple(sorted(later, key=order))
    )


def needs_reminder(
    obligation: Obligation,
    today: dt.date,
    *,
    received_on: dt.date | None = None,
    last_sent: dt.date | None = None,
    lead_days: int = 30,
    repeat_days: int = 7,
) -> bool:
    """Remind from ``lead_days`` before the due date, then every ``repeat_days`` until received."""
    if not obligation.kind.submitted or received_on is not None:
        return False
    if (obligation.due_on - today).days > lead_days:
        return False
    return last_sent is None or (today - last_sent).days >= repeat_days
