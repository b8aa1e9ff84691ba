"""Properties: payments never exceed the cap, balance = cap − paid, budget totals = sum of lines."""

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from registre.core.grants import (
    Amendment,
    ExpenseLine,
    ForecastBudget,
    Funder,
    GrantRefused,
    Payment,
    RevenueLine,
    apply_amendment,
    balance,
    record_payment,
    total_paid,
)

from .example import EXAMPLE

cents = st.integers(min_value=-1000, max_value=5_000_000).map(lambda c: Decimal(c) / 100)
SIGNED = dt.date(2021, 10, 20)


@settings(max_examples=60, deadline=None)
@given(
    cap=st.integers(min_value=1, max_value=10_000_000).map(lambda c: Decimal(c) / 100),
    attempts=st.lists(cents, max_size=12),
)
def test_payments_never_exceed_the_cap_and_balance_is_cap_minus_paid(cap, attempts):
    payments: tuple = ()
    for amount in attempts:
        before = payments
        try:
            payments = record_payment(cap, payments, Payment(SIGNED, amount), signed_on=SIGNED)
        except GrantRefused as refused:
            assert payments == before
            assert amount <= 0 or amount > balance(cap, before)
            assert refused.codes
        else:
            assert 0 < amount <= balance(cap, before)
        assert total_paid(payments) <= cap
        assert balance(cap, payments) == cap.quantize(Decimal("0.01")) - total_paid(payments)
        assert balance(cap, payments) >= 0


lines = st.lists(
    st.tuples(st.text(min_size=1, max_size=8), st.integers(min_value=0, max_value=10**9)), max_size=8
)


@settings(max_examples=60, deadline=None)
@given(
    expenses=lines,
    revenues=st.lists(
        st.tuples(st.sampled_from(list(Funder)), st.integers(min_value=0, max_value=10**9)), max_size=8
    ),
)
def test_budget_totals_are_the_sum_of_lines(expenses, revenues):
    budget = ForecastBudget(
        tuple(ExpenseLine(label, Decimal(a) / 100) for label, a in expenses),
        tuple(RevenueLine("r", Decimal(a) / 100, f) for f, a in revenues),
    )
    assert budget.total_expenses == sum(Decimal(a) for _l, a in expenses) / 100
    assert budget.total_revenues == budget.total_public + budget.total_private
    assert budget.balance == budget.total_revenues - budget.total_expenses
    if budget.total_revenues:
        assert budget.public_share + budget.private_share == 1


@settings(max_examples=40, deadline=None)
@given(cap=st.integers(min_value=0, max_value=10**8).map(lambda c: Decimal(c) / 100))
def test_no_amendment_ever_raises_the_cap(cap):
    try:
        amended = apply_amendment(
            EXAMPLE, Amendment(1, deliberation="2022/1", cap=cap, amount=min(cap, EXAMPLE.amount))
        )
    except GrantRefused:
        assert cap > EXAMPLE.cap or cap <= 0 or min(cap, EXAMPLE.amount) <= 0
    else:
        assert amended.cap <= EXAMPLE.cap


@settings(max_examples=40, deadline=None)
@given(
    paid=st.lists(st.integers(min_value=1, max_value=4_500_000), max_size=4),
    asked=st.lists(st.integers(min_value=-100, max_value=5_000_000), max_size=6),
)
def test_repayments_never_exceed_what_was_paid(paid, asked):
    from registre.core.grants import Repayment, net_paid, record_repayment

    payments = tuple(Payment(SIGNED, Decimal(c) / 100) for c in paid)
    repayments: tuple = ()
    for cents in asked:
        try:
            repayments = record_repayment(
                EXAMPLE,
                payments,
                repayments,
                Repayment(SIGNED, Decimal(cents) / 100, EXAMPLE.clauses.repayment_grounds[0]),
            )
        except GrantRefused:
            pass
        assert 0 <= net_paid(payments, repayments) <= total_paid(payments)
