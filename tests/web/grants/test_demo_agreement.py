"""`make run` loads the example's agreement: budget balanced to the euro, 45 000 € paid at
signature, reports due at the programme's end, validity to 1 Nov 2022, the 55 % objective flagged."""

import datetime as dt
import re
from decimal import Decimal

from registre.core import grants as core
from registre.web.grants.conversion import amended, obligation_lines, payments_of
from registre.web.grants.models import Agreement, Objective
from registre.web.register.demo import load_demo


def test_the_example_agreement_is_linked_to_its_deliberation(agreement, demo):
    assert agreement.deliberation.number == "2021/005795"
    assert agreement.beneficiary.name == "Pôle des Microtechniques"
    assert (agreement.amount, agreement.cap) == (Decimal("45000.00"), Decimal("45000.00"))
    assert agreement.valid_until == dt.date(2022, 11, 1)
    assert agreement.retention_years == 10
    assert agreement.court == "Tribunal Administratif de Besançon"
    assert len(agreement.repayment_grounds) == 4


def test_budget_balanced_to_the_euro_and_paid_at_signature(agreement):
    record = amended(agreement)
    assert record.budget.total_expenses == record.budget.total_revenues == Decimal("846442.00")
    assert (record.budget.total_public, record.budget.total_private) == (
        Decimal("421430.00"),
        Decimal("425012.00"),
    )
    assert core.check_budget(record.budget, record.amount) == []
    (payment,) = agreement.payments.all()
    assert (payment.paid_on, payment.amount) == (agreement.signed_on, Decimal("45000.00"))
    assert agreement.tranches.get().trigger == "signature"
    assert core.balance(record.cap, payments_of(agreement)) == 0


def test_reports_due_at_the_end_of_the_programme(agreement):
    due = {
        line.obligation.kind: line.obligation.due_on
        for line in obligation_lines(agreement, dt.date(2021, 11, 1))
    }
    assert due[core.ObligationKind.FINANCIAL_REPORT] == dt.date(2021, 12, 31)
    assert due[core.ObligationKind.ACTIVITY_REPORT] == dt.date(2021, 12, 31)
    assert due[core.ObligationKind.END_OF_VALIDITY] == dt.date(2022, 11, 1)


def test_objectives_and_indicators_are_loaded(agreement):
    assert Objective.objects.filter(agreement=agreement, target_kind="").count() > 50
    targets = dict(
        Objective.objects.filter(agreement=agreement).exclude(target_kind="").values_list("key", "target_low")
    )
    assert targets["labelled_projects"] == 10 and targets["companies_visited"] == 150
    assert len(agreement.indicators) == 10


def test_the_officer_page_shows_the_figures_and_flags_the_private_share(officer, agreement):
    html = officer.get(f"/subventions/conventions/{agreement.pk}/").content.decode()
    figures = dict(re.findall(r'data-figure="(\w+)">([^<]+)<', html))
    assert figures["expenses"] == figures["revenues"] == "846\u202f442\u00a0€"
    assert figures["public"] == "421\u202f430\u00a0€" and figures["private"] == "425\u202f012\u00a0€"
    assert figures["private_share"] == "50,2\u00a0%" and figures["public_share"] == "49,8\u00a0%"
    assert figures["paid"] == "45\u202f000\u00a0€" and figures["balance"] == "0\u00a0€"
    assert figures["budget_balance"] == "équilibré"
    assert figures["valid_until"] == "1er novembre 2022"
    assert 'data-finding="programme.private_share_below_objective"' in html
    assert "La part privée du budget prévisionnel (50,2\u00a0%) est inférieure" in html
    assert 'data-objective="private_share" data-state="not_met"' in html
    assert 'data-obligation="activity_report" data-state="late"' in html
    assert 'data-tranche="1" data-ready="yes"' in html  # 100 % at signature


def test_loading_the_demo_twice_changes_nothing(agreement):
    load_demo()
    assert Agreement.objects.count() == 1 and agreement.payments.count() == 1


def test_a_grant_deliberation_without_agreement_is_flagged_on_the_dashboard(officer, agreement):
    html = officer.get("/subventions/").content.decode()
    assert 'data-list="without_agreement"' not in html
    agreement.payments.all().delete()
    agreement.delete()
    html = officer.get("/subventions/").content.decode()
    assert 'data-list="without_agreement"' in html
    assert 'data-finding="grant.agreement_required"' in html
    assert (
        "Une convention est obligatoire au-delà de 23\u202f000\u00a0€ par an (45\u202f000\u00a0€ attribués)"
        in html
    )
