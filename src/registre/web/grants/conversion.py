"""Stored records ⇄ core objects. The web layer computes nothing itself: it
converts, asks registre.core.grants, and shows what the core says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from registre.core import grants as core
from registre.core.grants.indicators import Indicator, IndicatorScope, Unit

from . import models


def to_core(agreement: models.Agreement, *, with_amendments: bool = False) -> core.GrantAgreement:
    beneficiary = agreement.beneficiary
    budget = None
    lines = list(agreement.budget_lines.all())
    if lines or agreement.stated_expenses is not None:
        budget = core.ForecastBudget(
            expenses=tuple(
                core.ExpenseLine(line.label, line.amount) for line in lines if line.side == line.EXPENSE
            ),
            revenues=tuple(
                core.RevenueLine(line.label, line.amount, core.Funder(line.funder or "other_private"))
                for line in lines
                if line.side == line.REVENUE
            ),
            stated=core.StatedTotals(
                agreement.stated_expenses,
                agreement.stated_public,
                agreement.stated_private,
                agreement.stated_revenues,
            ),
            year=agreement.financial_year,
        )
    objectives = tuple(_objective(o) for o in agreement.objectives.all())
    record = core.GrantAgreement(
        reference=agreement.reference,
        grantor=core.Party(agreement.authority.name, agreement.authority.siret or None),
        beneficiary=core.Party(beneficiary.name, beneficiary.siret or None),
        object=agreement.object,
        amount=agreement.amount,
        cap=agreement.cap,
        deliberation=agreement.deliberation.number if agreement.deliberation_id else None,
        deliberation_date=agreement.deliberation.meeting.date if agreement.deliberation_id else None,
        budget_line=agreement.budget_line,
        budget_line_amount=agreement.budget_line_amount,
        programme_budget=agreement.programme_budget,
        financial_year=agreement.financial_year,
        signed_on=agreement.signed_on,
        transmitted_on=agreement.transmitted_on,
        valid_until=agreement.valid_until,
        programme_end=agreement.programme_end,
        retention_years=agreement.retention_years,
        report_copies=agreement.report_copies,
        tranches=tuple(
            core.Tranche(core.Trigger(t.trigger), t.share, t.amount, t.on, t.report or None, t.label)
            for t in agreement.tranches.all()
        ),
        budget=budget,
        programme=core.ActionProgramme(agreement.financial_year, objectives) if objectives else None,
        indicators=tuple(indicator_of(i) for i in agreement.indicators),
        clauses=core.Clauses(
            obligations=tuple(agreement.obligations),
            control=agreement.control,
            repayment_grounds=tuple(agreement.repayment_grounds),
            termination_notice_months=agreement.termination_notice_months,
            termination_without_notice=agreement.termination_without_notice,
            court=agreement.court,
            redistribution_allowed=agreement.redistribution_allowed,
        ),
    )
    return record


def _objective(objective: models.Objective) -> core.Objective:
    target = None
    if objective.target_kind and objective.target_low is not None:
        target = core.Target(
            core.TargetKind(objective.target_kind),
            objective.target_low,
            objective.target_high,
            objective.target_unit,
        )
    return core.Objective(
        objective.key,
        core.MissionCategory(objective.category),
        objective.text,
        target,
        objective.measure or None,
        objective.section,
    )


def indicator_of(data: dict) -> Indicator:
    return Indicator(
        data["key"],
        IndicatorScope(data["scope"]),
        data["label"],
        Unit(data["unit"]),
        bool(data.get("per_company")),
    )


def indicator_data(indicator: Indicator) -> dict:
    return {
        "key": indicator.key,
        "scope": indicator.scope.value,
        "label": indicator.label,
        "unit": indicator.unit.value,
        "per_company": indicator.per_company,
    }


def payments_of(agreement: models.Agreement) -> tuple[core.Payment, ...]:
    return tuple(core.Payment(p.paid_on, p.amount, None, p.reference) for p in agreement.payments.all())


def repayments_of(agreement: models.Agreement) -> tuple[core.Repayment, ...]:
    return tuple(
        core.Repayment(r.requested_on, r.amount, r.ground, r.total, r.received_on)
        for r in agreement.repayments.all()
    )


# -- the obligations calendar with what was received ------------------------------------


@dataclass(frozen=True)
class ObligationLine:
    agreement: models.Agreement
    obligation: core.Obligation
    received_on: dt.date | None
    state: core.State


def received_dates(agreement: models.Agreement) -> dict[core.ObligationKind, dt.date]:
    """When each submitted obligation was received (a rejected submission does not count)."""
    received: dict[core.ObligationKind, dt.date] = {}
    year = agreement.financial_year

    def keep(kind, when):
        when = when.date() if isinstance(when, dt.datetime) else when
        if kind not in received or when < received[kind]:
            received[kind] = when

    for submission in agreement.submissions.all():
        if (
            submission.status != submission.REJECTED
            and submission.year == year
            and submission.kind in (submission.FINANCIAL_REPORT, submission.ACTIVITY_REPORT)
        ):
            keep(core.ObligationKind(submission.kind), _local_date(submission.submitted_at))
    for report in agreement.indicator_reports.all():
        if report.status != report.REJECTED and report.year == year:
            keep(core.ObligationKind.INDICATORS, _local_date(report.submitted_at))
    if agreement.published_on:
        keep(core.ObligationKind.PUBLICATION, agreement.published_on)
    return received


def _local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def obligation_lines(
    agreement: models.Agreement, today: dt.date, record: core.GrantAgreement | None = None
) -> list[ObligationLine]:
    record = record or amended(agreement)
    received = received_dates(agreement)
    lines = []
    for obligation in core.obligations_of(record):
        when = received.get(obligation.kind)
        lines.append(ObligationLine(agreement, obligation, when, obligation.state(today, when)))
    return lines


def amended(agreement: models.Agreement) -> core.GrantAgreement:
    """The agreement as its recorded amendments leave it (they were checked when recorded)."""
    record = to_core(agreement)
    for amendment in agreement.amendments.all():
        record = core.apply_amendment(record, amendment_of(amendment))
    return record


def amendment_of(amendment: models.Amendment) -> core.Amendment:
    return core.Amendment(
        amendment.number,
        amendment.signed_on,
        amendment.deliberation.number if amendment.deliberation_id else None,
        amendment.deliberation.meeting.date if amendment.deliberation_id else None,
        amendment.description,
        amendment.cap,
        amendment.amount,
        amendment.valid_until,
        amendment.programme_end,
    )


# -- storing a core agreement (the importer's reading, the demo) ------------------------


@transaction.atomic
def store_agreement(
    record: core.GrantAgreement,
    *,
    authority,
    beneficiary: models.Beneficiary,
    deliberation=None,
    reference: str | None = None,
) -> models.Agreement:
    if beneficiary.authority_id != authority.pk:
        raise ValueError("a beneficiary belongs to the authority that recorded it: never share one")
    agreement = models.Agreement.objects.create(
        authority=authority,
        beneficiary=beneficiary,
        deliberation=deliberation,
        reference=reference or record.reference,
        object=record.object,
        amount=record.amount,
        cap=record.cap,
        budget_line=record.budget_line,
        budget_line_amount=record.budget_line_amount,
        programme_budget=record.programme_budget,
        financial_year=record.financial_year,
        signed_on=record.signed_on,
        transmitted_on=record.transmitted_on,
        valid_until=record.valid_until,
        programme_end=record.programme_end,
        retention_years=record.retention_years,
        report_copies=record.report_copies,
        obligations=list(record.clauses.obligations),
        control=record.clauses.control,
        repayment_grounds=list(record.clauses.repayment_grounds),
        termination_notice_months=record.clauses.termination_notice_months,
        termination_without_notice=record.clauses.termination_without_notice,
        court=record.clauses.court,
        redistribution_allowed=record.clauses.redistribution_allowed,
        indicators=[indicator_data(i) for i in record.indicators],
    )
    for position, tranche in enumerate(record.tranches):
        models.Tranche.objects.create(
            agreement=agreement,
            position=position,
            trigger=tranche.trigger.value,
            share=tranche.share,
            amount=tranche.amount,
            on=tranche.on,
            report=tranche.report or "",
            label=tranche.label[:300],
        )
    if record.budget is not None:
        store_budget(agreement, record.budget)
    if record.programme is not None:
        for position, objective in enumerate(record.programme.objectives):
            target = objective.target
            models.Objective.objects.create(
                agreement=agreement,
                key=objective.key,
                category=objective.category.value,
                section=objective.section[:300],
                text=objective.text,
                position=position,
                target_kind=target.kind.value if target else "",
                target_low=target.low if target else None,
                target_high=target.high if target else None,
                target_unit=target.unit if target else "",
                measure=objective.measure or "",
            )
    return agreement


def store_budget(agreement: models.Agreement, budget: core.ForecastBudget) -> None:
    agreement.budget_lines.all().delete()
    for position, line in enumerate(budget.expenses):
        models.BudgetLine.objects.create(
            agreement=agreement,
            side=models.BudgetLine.EXPENSE,
            label=line.label,
            amount=line.amount,
            position=position,
        )
    for position, line in enumerate(budget.revenues):
        models.BudgetLine.objects.create(
            agreement=agreement,
            side=models.BudgetLine.REVENUE,
            label=line.label,
            amount=line.amount,
            funder=line.funder.value,
            position=position,
        )
    agreement.stated_expenses = budget.stated.expenses
    agreement.stated_public = budget.stated.public
    agreement.stated_private = budget.stated.private
    agreement.stated_revenues = budget.stated.revenues
    agreement.save(update_fields=["stated_expenses", "stated_public", "stated_private", "stated_revenues"])
