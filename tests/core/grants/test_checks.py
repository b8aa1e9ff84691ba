import dataclasses
import datetime as dt
from decimal import Decimal as D

from registre.core.grants import Party, agreement_required, check_agreement, check_grant_without_agreement

from .example import EXAMPLE


def _codes(agreement, **kw):
    return [v.code for v in check_agreement(agreement, **kw)]


def test_the_example_only_flags_its_private_share():
    findings = check_agreement(EXAMPLE, siret_validator=lambda s: True)
    assert [(v.code, v.severity.value) for v in findings] == [
        ("programme.private_share_below_objective", "warning")
    ]


def test_an_agreement_is_required_above_23_000_euros():
    day = dt.date(2021, 10, 7)
    assert not agreement_required(D("23000"), day)
    assert agreement_required(D("23000.01"), day)
    findings = check_grant_without_agreement(D(45000), day)
    assert [v.code for v in findings] == ["grant.agreement_required"]
    assert "loi n° 2000-321" in findings[0].message
    assert check_grant_without_agreement(D(5000), day) == []


def test_siret_is_checked_by_the_injected_validator():
    assert "grant.siret_invalid" in _codes(EXAMPLE, siret_validator=lambda s: False)
    unknown = dataclasses.replace(EXAMPLE, beneficiary=Party("Pôle des Microtechniques"))
    assert "grant.siret_missing" in _codes(unknown)


def test_amount_over_cap_and_dates():
    codes = _codes(
        dataclasses.replace(
            EXAMPLE,
            cap=D(40000),
            signed_on=dt.date(2021, 10, 1),
            transmitted_on=dt.date(2021, 10, 2),
            valid_until=dt.date(2021, 9, 1),
        )
    )
    for code in (
        "grant.amount_over_cap",
        "grant.signed_before_deliberation",
        "grant.transmitted_before_deliberation",
        "grant.validity_before_start",
        "grant.reports_after_validity",
    ):
        assert code in codes


def test_the_grant_may_not_exceed_what_balances_the_budget():
    codes = _codes(
        dataclasses.replace(
            EXAMPLE,
            amount=D(45000),
            budget=dataclasses.replace(EXAMPLE.budget, expenses=EXAMPLE.budget.expenses[:-1]),
        )
    )
    assert (
        "grant.profit" in codes
        and "budget.unbalanced" in codes
        and "budget.programme_budget_mismatch" in codes
    )


def test_big_grants_and_late_reports_are_warned():
    big = dataclasses.replace(
        EXAMPLE,
        amount=D(200000),
        cap=D(200000),
        budget=None,
        budget_line_amount=None,
        programme_end=dt.date(2022, 9, 30),
        valid_until=dt.date(2022, 12, 31),
    )
    findings = {v.code: v for v in check_agreement(big)}
    assert findings["grant.prefecture_filing"].severity.value == "warning"
    assert findings["grant.financial_report_late_by_law"].severity.value == "warning"
    assert "30 juin 2022" in findings["grant.financial_report_late_by_law"].message
    assert "budget.missing" in findings


def test_over_the_budget_line_and_profit_clause():
    codes = _codes(dataclasses.replace(EXAMPLE, budget_line_amount=D(40000)))
    assert "grant.over_budget_line" in codes
    clauses = dataclasses.replace(EXAMPLE.clauses, profit_allowed=True, redistribution_allowed=True)
    codes = _codes(dataclasses.replace(EXAMPLE, clauses=clauses))
    assert "grant.profit_allowed" in codes and "grant.redistribution_allowed" in codes
