import datetime as dt
from decimal import Decimal as D

import pytest

from registre.core.grants import (
    Amendment,
    GrantRefused,
    Payment,
    Repayment,
    Termination,
    apply_amendment,
    check_amendment,
    check_termination,
    net_paid,
    record_repayment,
)

from .example import EXAMPLE, GROUNDS, PROGRAMME

PAID = (Payment(dt.date(2021, 10, 20), D(45000)),)


def test_an_amendment_changing_dates_and_programme_is_applied():
    amended = apply_amendment(
        EXAMPLE,
        Amendment(
            1,
            dt.date(2022, 5, 2),
            "2022/000123",
            dt.date(2022, 4, 28),
            valid_until=dt.date(2023, 3, 1),
            programme_end=dt.date(2022, 6, 30),
            programme=PROGRAMME,
        ),
        PAID,
    )
    assert amended.valid_until == dt.date(2023, 3, 1)
    assert amended.programme_ends_on == dt.date(2022, 6, 30)
    assert amended.cap == EXAMPLE.cap
    assert EXAMPLE.valid_until == dt.date(2022, 11, 1)  # the original is untouched


def test_an_amendment_raising_the_cap_is_refused():
    with pytest.raises(GrantRefused) as refused:
        apply_amendment(
            EXAMPLE, Amendment(1, dt.date(2022, 5, 2), "2022/000123", cap=D(50000), amount=D(50000))
        )
    assert refused.value.codes == ("amendment.cap_raised",)
    assert "n'est pas révisable à la hausse" in refused.value.violations[0].message


def test_an_amendment_raising_the_amount_above_the_cap_is_refused():
    with pytest.raises(GrantRefused) as refused:
        apply_amendment(EXAMPLE, Amendment(1, amount=D(45001), deliberation="2022/1"))
    assert refused.value.codes == ("amendment.amount_over_cap",)


def test_lowering_the_cap_below_what_was_paid_is_refused_but_lowering_it_is_allowed():
    with pytest.raises(GrantRefused) as refused:
        apply_amendment(EXAMPLE, Amendment(1, cap=D(40000), amount=D(40000), deliberation="2022/1"), PAID)
    assert refused.value.codes == ("amendment.cap_below_paid",)
    lowered = apply_amendment(EXAMPLE, Amendment(1, cap=D(40000), amount=D(40000), deliberation="2022/1"))
    assert lowered.cap == D(40000)


def test_amendment_checks_on_dates_and_deliberation():
    codes = {
        v.code
        for v in check_amendment(
            EXAMPLE, Amendment(1, dt.date(2022, 12, 1), amount=D(40000), valid_until=dt.date(2021, 10, 1))
        )
    }
    assert codes == {
        "amendment.validity_before_start",
        "amendment.after_expiry",
        "amendment.deliberation_missing",
    }


def test_repayment_on_a_listed_ground():
    repayments = record_repayment(EXAMPLE, PAID, (), Repayment(dt.date(2022, 6, 1), D(10000), GROUNDS[1]))
    assert net_paid(PAID, repayments) == D("35000.00")
    total = record_repayment(
        EXAMPLE, PAID, repayments, Repayment(dt.date(2022, 7, 1), D(35000), GROUNDS[0], total=True)
    )
    assert net_paid(PAID, total) == D("0.00")


def test_repayment_refusals():
    with pytest.raises(GrantRefused) as refused:
        record_repayment(EXAMPLE, PAID, (), Repayment(dt.date(2022, 6, 1), D(100), "parce que"))
    assert refused.value.codes == ("repayment.ground_not_listed",)
    with pytest.raises(GrantRefused) as refused:
        record_repayment(EXAMPLE, PAID, (), Repayment(dt.date(2022, 6, 1), D(45001), GROUNDS[0]))
    assert refused.value.codes == ("repayment.over_paid",)
    with pytest.raises(GrantRefused) as refused:
        record_repayment(EXAMPLE, PAID, (), Repayment(dt.date(2022, 6, 1), D(100), GROUNDS[0], total=True))
    assert refused.value.codes == ("repayment.total_mismatch",)


def test_termination_takes_one_month_after_formal_notice():
    early = Termination(dt.date(2022, 3, 14), formal_notice_on=dt.date(2022, 2, 15))
    findings = check_termination(EXAMPLE, early)
    assert [v.code for v in findings] == ["termination.notice_period"]
    assert "15 mars 2022" in findings[0].message
    assert (
        check_termination(EXAMPLE, Termination(dt.date(2022, 3, 15), formal_notice_on=dt.date(2022, 2, 15)))
        == []
    )
    assert [v.code for v in check_termination(EXAMPLE, Termination(dt.date(2022, 3, 15)))] == [
        "termination.formal_notice_missing"
    ]
    assert (
        check_termination(
            EXAMPLE, Termination(dt.date(2022, 3, 1), without_notice=True, ground="déclarations fausses")
        )
        == []
    )
