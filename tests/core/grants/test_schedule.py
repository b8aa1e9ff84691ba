import datetime as dt
from decimal import Decimal as D

import pytest

from registre.core.grants import GrantRefused, Payment, Tranche, Trigger, balance, record_payment, total_paid
from registre.core.grants.schedule import check_schedule, releasable

from .example import EXAMPLE

SIGNED = dt.date(2021, 10, 20)


def test_the_example_pays_45_000_at_signature():
    (tranche,) = EXAMPLE.tranches
    assert tranche.trigger is Trigger.SIGNATURE
    assert tranche.amount_of(EXAMPLE.amount) == D("45000.00")
    assert check_schedule(EXAMPLE.tranches, EXAMPLE.amount, EXAMPLE.cap) == []


def test_payment_up_to_the_cap_is_recorded_and_the_balance_falls_to_zero():
    payments = record_payment(EXAMPLE.cap, (), Payment(SIGNED, D("45000")), signed_on=SIGNED)
    assert total_paid(payments) == D("45000.00")
    assert balance(EXAMPLE.cap, payments) == D("0.00")


def test_payment_over_the_cap_is_refused_and_nothing_is_recorded():
    first = (Payment(SIGNED, D("30000")),)
    with pytest.raises(GrantRefused) as refused:
        record_payment(EXAMPLE.cap, first, Payment(SIGNED, D("15000.01")), signed_on=SIGNED)
    assert refused.value.codes == ("grant.payment_over_cap",)
    assert "dépasserait le plafond" in refused.value.violations[0].message
    assert refused.value.violations[0].field == "amount"
    assert balance(EXAMPLE.cap, first) == D("15000.00")


def test_payment_before_signature_or_unsigned_is_refused():
    with pytest.raises(GrantRefused) as refused:
        record_payment(EXAMPLE.cap, (), Payment(dt.date(2021, 10, 1), D("100")), signed_on=SIGNED)
    assert refused.value.codes == ("grant.payment_before_signature",)
    with pytest.raises(GrantRefused):
        record_payment(EXAMPLE.cap, (), Payment(SIGNED, D("100")), signed_on=None)


def test_zero_or_negative_payment_is_refused():
    for amount in (D(0), D(-5)):
        with pytest.raises(GrantRefused) as refused:
            record_payment(EXAMPLE.cap, (), Payment(SIGNED, amount), signed_on=SIGNED)
        assert refused.value.codes == ("grant.payment_amount_positive",)


def test_payment_after_termination_is_refused():
    with pytest.raises(GrantRefused) as refused:
        record_payment(
            EXAMPLE.cap,
            (),
            Payment(dt.date(2022, 3, 1), D("100")),
            signed_on=SIGNED,
            terminated_on=dt.date(2022, 2, 1),
        )
    assert refused.value.codes == ("grant.payment_after_termination",)


def test_schedule_over_the_cap_and_over_100_percent():
    tranches = (
        Tranche(Trigger.SIGNATURE, share=D("0.7")),
        Tranche(Trigger.DATE, share=D("0.4"), on=dt.date(2022, 1, 1)),
    )
    codes = {v.code for v in check_schedule(tranches, D(45000), D(45000))}
    assert codes == {"grant.schedule_shares_over_100", "grant.schedule_over_cap"}


def test_tranche_needs_exactly_one_of_share_and_amount_and_its_trigger_data():
    codes = [v.code for v in check_schedule((Tranche(Trigger.SIGNATURE),), D(10), D(10))]
    assert codes == ["grant.tranche_share_or_amount", "grant.schedule_incomplete"]
    codes = {
        v.code
        for v in check_schedule(
            (Tranche(Trigger.DATE, amount=D(5)), Tranche(Trigger.REPORT, amount=D(5))), D(10), D(10)
        )
    }
    assert codes == {"grant.tranche_date_missing", "grant.tranche_report_missing"}


def test_partial_schedule_is_a_warning():
    findings = check_schedule((Tranche(Trigger.SIGNATURE, share=D("0.5")),), D(1000), D(1000))
    assert [(v.code, v.severity.value) for v in findings] == [("grant.schedule_incomplete", "warning")]


def test_tranches_release_on_their_trigger():
    tranches = (
        Tranche(Trigger.SIGNATURE, share=D("0.5")),
        Tranche(Trigger.REPORT, share=D("0.3"), report="financial_report"),
        Tranche(Trigger.DATE, amount=D("2000"), on=dt.date(2022, 6, 1)),
    )
    day = dt.date(2022, 1, 15)
    assert releasable(tranches, D(10000), signed_on=SIGNED, transmitted_on=None, received={}, today=day) == [
        (0, D("5000.00"))
    ]
    later = releasable(
        tranches,
        D(10000),
        signed_on=SIGNED,
        transmitted_on=None,
        received={"financial_report": dt.date(2022, 1, 10)},
        today=dt.date(2022, 6, 1),
    )
    assert later == [(0, D("5000.00")), (1, D("3000.00")), (2, D("2000.00"))]
