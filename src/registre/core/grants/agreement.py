"""The grant agreement: parties, object, amount and cap, budget line, dates and clauses.

Plain immutable data. What happens to it afterwards (payments, amendments,
repayments, reports) is recorded beside it and judged by the other modules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .budget import ForecastBudget
from .dates import add_years
from .indicators import ANNEX_3_INDICATORS, Indicator
from .programme import ActionProgramme
from .schedule import Tranche


@dataclass(frozen=True)
class Party:
    name: str
    siret: str | None = None
    represented_by: str = ""  # "sa Présidente, Madame Anne VIGNOT"


@dataclass(frozen=True)
class Clauses:
    obligations: tuple[str, ...] = ()
    control: str = ""
    repayment_grounds: tuple[str, ...] = ()
    termination_notice_months: int = 1  # after a formal notice by registered letter
    termination_without_notice: str = ""  # e.g. false or incomplete declarations
    court: str = ""
    redistribution_allowed: bool = False  # L1611-4 (loi 2009-526)
    profit_allowed: bool = False


@dataclass(frozen=True)
class GrantAgreement:
    reference: str
    grantor: Party
    beneficiary: Party
    object: str
    amount: Decimal
    cap: Decimal  # "plafond non révisable à la hausse"
    deliberation: str | None = None  # number of the approving deliberation, "2021/005795"
    deliberation_date: dt.date | None = None
    budget_line: str = ""  # "BP 2021 et PPIF 2021-2025 « actions recherche et innovation » fonctionnement"
    budget_line_amount: Decimal | None = None  # the authority's budget for that line (140 000 €)
    programme_budget: Decimal | None = None  # the beneficiary's programme (846 442 €)
    financial_year: int | None = None
    signed_on: dt.date | None = None
    transmitted_on: dt.date | None = None  # transmission to the prefecture: the effective date
    valid_until: dt.date | None = None
    programme_end: dt.date | None = None  # None: the end of the financial year
    retention_years: int = 10
    report_copies: int = 2
    tranches: tuple[Tranche, ...] = ()
    budget: ForecastBudget | None = None
    programme: ActionProgramme | None = None
    indicators: tuple[Indicator, ...] = field(default=ANNEX_3_INDICATORS)
    clauses: Clauses = Clauses()

    @property
    def effective_on(self) -> dt.date | None:
        return self.transmitted_on

    @property
    def programme_ends_on(self) -> dt.date | None:
        if self.programme_end is not None:
            return self.programme_end
        return dt.date(self.financial_year, 12, 31) if self.financial_year else None

    @property
    def retention_until(self) -> dt.date | None:
        """Supporting documents are kept ``retention_years`` counted from the end of validity."""
        return add_years(self.valid_until, self.retention_years) if self.valid_until else None
