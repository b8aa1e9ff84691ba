import dataclasses
from decimal import Decimal as D

from registre.core.grants import ExpenseLine, Funder, RevenueLine, StatedTotals, check_budget
from registre.core.grants.budget import describe_shares

from .example import BUDGET


def test_the_example_budget_balances_to_the_euro():
    assert BUDGET.total_expenses == D("846442.00")
    assert BUDGET.total_revenues == D("846442.00")
    assert BUDGET.total_public == D("421430.00")
    assert BUDGET.total_private == D("425012.00")
    assert BUDGET.balance == 0
    assert check_budget(BUDGET, D(45000)) == []


def test_the_example_shares():
    assert round(BUDGET.private_share * 100, 1) == D("50.2")
    assert round(BUDGET.public_share * 100, 1) == D("49.8")
    assert round(BUDGET.grant_share(D(45000)) * 100, 2) == D("5.32")
    assert BUDGET.total_of(Funder.STATE) == D("83000.00")
    assert BUDGET.total_of(Funder.OTHER_PUBLIC) == D("8000.00")
    shares = describe_shares(BUDGET, D(45000))
    assert shares["Financement privé"] == "425\u202f012\u00a0€ (50,2\u00a0%)"
    assert shares["Part de la subvention"] == "5,3\u00a0%"


def test_unbalanced_budget_is_a_violation():
    short = dataclasses.replace(BUDGET, revenues=BUDGET.revenues[:-1], stated=StatedTotals())
    findings = check_budget(short, D(45000))
    assert [v.code for v in findings] == ["budget.unbalanced"]
    assert "déficitaire" in findings[0].message


def test_a_grant_that_makes_a_profit_is_refused():
    richer = dataclasses.replace(
        BUDGET,
        stated=StatedTotals(),
        revenues=tuple(
            RevenueLine(r.label, D(60000), r.funder) if r.funder is Funder.AUTHORITY else r
            for r in BUDGET.revenues
        ),
    )
    codes = [v.code for v in check_budget(richer, D(60000))]
    assert codes == ["budget.unbalanced", "grant.profit"]
    assert richer.max_grant(D(60000)) == D("45000.00")


def test_printed_totals_are_checked_against_the_lines():
    wrong = dataclasses.replace(
        BUDGET, stated=StatedTotals(D("846441"), D("421430"), D("425000"), D("846442"))
    )
    codes = {v.code for v in check_budget(wrong, D(45000))}
    assert codes == {"budget.total_expenses_mismatch", "budget.total_private_mismatch"}


def test_the_authority_line_must_be_the_grant_and_lines_not_negative():
    codes = {v.code for v in check_budget(BUDGET, D(40000))}
    assert codes == {"budget.grant_line_mismatch"}
    negative = dataclasses.replace(
        BUDGET, expenses=BUDGET.expenses + (ExpenseLine("Remise", D(-1)),), stated=StatedTotals()
    )
    assert "budget.negative_line" in {v.code for v in check_budget(negative, D(45000))}
