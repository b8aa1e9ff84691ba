"""Grant agreements from vote to repayment: the pure rules (no framework, no I/O).

Amounts are Decimal to the cent; checks return core Violation objects; operations
the rules forbid raise GrantRefused and change nothing.
"""

from ..violations import Severity, Violation, violation, warning  # noqa: F401
from .agreement import Clauses, GrantAgreement, Party  # noqa: F401
from .amendments import (  # noqa: F401
    Amendment,
    Repayment,
    Termination,
    apply_amendment,
    check_amendment,
    check_repayment,
    check_termination,
    net_paid,
    record_repayment,
)
from .budget import ExpenseLine, ForecastBudget, Funder, RevenueLine, StatedTotals, check_budget  # noqa: F401
from .checks import GRANT_RULES, agreement_required, check_agreement, check_grant_without_agreement  # noqa: F401
from .indicators import (  # noqa: F401
    ANNEX_3_INDICATORS,
    Indicator,
    IndicatorReport,
    IndicatorScope,
    IndicatorValue,
    check_indicator_report,
)
from .money import euros, format_euros, format_percent  # noqa: F401
from .obligations import Obligation, ObligationKind, State, dashboard, needs_reminder, obligations_of  # noqa: F401
from .programme import (  # noqa: F401
    ActionProgramme,
    Assessment,
    MissionCategory,
    Objective,
    ReportedResult,
    Target,
    TargetKind,
    assess,
    check_programme_against_budget,
    check_results,
)
from .refusals import GrantRefused  # noqa: F401
from .schedule import Payment, Tranche, Trigger, balance, check_payment, record_payment, total_paid  # noqa: F401
