"""What users do, one transaction each: the core judges, nothing is written when it refuses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from registre.core import grants as core
from registre.core.grants.refusals import refuse_if_blocking as refuse
from registre.core.violations import Severity, violation

from . import models
from .conversion import amended, amendment_of, payments_of, repayments_of, store_budget, to_core


def _locked(agreement: models.Agreement) -> models.Agreement:
    return models.Agreement.objects.select_for_update().get(pk=agreement.pk)


@transaction.atomic
def record_payment(
    agreement: models.Agreement,
    *,
    paid_on: dt.date,
    amount: Decimal,
    reference: str = "",
    tranche: models.Tranche | None = None,
    user=None,
) -> models.Payment:
    agreement = _locked(agreement)
    record = amended(agreement)
    core.record_payment(
        record.cap,
        payments_of(agreement),
        core.Payment(paid_on, amount, None, reference),
        signed_on=record.signed_on,
        terminated_on=agreement.terminated_on,
    )
    return models.Payment.objects.create(
        agreement=agreement,
        paid_on=paid_on,
        amount=amount,
        reference=reference,
        tranche=tranche,
        recorded_by=user,
    )


@transaction.atomic
def add_amendment(agreement: models.Agreement, **fields) -> models.Amendment:
    agreement = _locked(agreement)
    number = (agreement.amendments.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    amendment = models.Amendment(agreement=agreement, number=number, **fields)
    core.apply_amendment(amended(agreement), amendment_of(amendment), payments_of(agreement))
    amendment.save()
    return amendment


@transaction.atomic
def record_repayment(
    agreement: models.Agreement, *, requested_on: dt.date, amount: Decimal, ground: str, total: bool = False
) -> models.Repayment:
    agreement = _locked(agreement)
    core.record_repayment(
        amended(agreement),
        payments_of(agreement),
        repayments_of(agreement),
        core.Repayment(requested_on, amount, ground, total),
    )
    return models.Repayment.objects.create(
        agreement=agreement, requested_on=requested_on, amount=amount, ground=ground, total=total
    )


@transaction.atomic
def save_budget(agreement: models.Agreement, budget: core.ForecastBudget) -> None:
    """Replace the forecast budget; refused when unbalanced, when the grant would make a profit, or
    when the printed totals do not add up."""
    agreement = _locked(agreement)
    findings = core.check_budget(budget, amended(agreement).amount)
    refuse(findings)
    store_budget(agreement, budget)


@transaction.atomic
def submit_document(
    agreement: models.Agreement, *, kind: str, year: int, upload, content_type: str, user
) -> models.Submission:
    submission = models.Submission(
        agreement=agreement,
        kind=kind,
        year=year,
        original_name=upload.name[:200],
        content_type=content_type,
        size=upload.size,
        submitted_by=user,
    )
    submission.file.save(upload.name, upload, save=False)
    submission.save()
    return submission


@transaction.atomic
def submit_indicators(
    agreement: models.Agreement, *, year: int, values: list[core.IndicatorValue], user
) -> tuple[models.IndicatorReport, list]:
    """Store (or replace, until accepted) the year's indicators. Violations refuse; warnings are returned."""
    record = to_core(agreement)
    findings = core.check_indicator_report(
        core.IndicatorReport(year, tuple(values)), record.indicators, programme_year=None
    )
    refuse(findings)
    report = models.IndicatorReport.objects.select_for_update().filter(agreement=agreement, year=year).first()
    if report is not None and report.status == report.ACCEPTED:
        raise core.GrantRefused(
            [
                violation(
                    "indicators.already_accepted",
                    f"Les indicateurs {year} ont déjà été acceptés par le service.",
                    field="year",
                )
            ]
        )
    if report is None:
        report = models.IndicatorReport.objects.create(agreement=agreement, year=year, submitted_by=user)
    else:
        report.values.all().delete()
        report.status, report.submitted_by, report.submitted_at = report.SUBMITTED, user, timezone.now()
        report.save()
    models.IndicatorValue.objects.bulk_create(
        models.IndicatorValue(report=report, key=v.key, company=v.company, value=v.value) for v in values
    )
    return report, [f for f in findings if f.severity is not Severity.VIOLATION]


@transaction.atomic
def submit_results(
    agreement: models.Agreement, *, year: int, results: list[core.ReportedResult], user
) -> list:
    record = to_core(agreement)
    programme = record.programme or core.ActionProgramme(year, ())
    findings = core.check_results(programme, results)
    refuse(findings)
    objectives = {o.key: o for o in agreement.objectives.all()}
    for result in results:
        models.ObjectiveResult.objects.update_or_create(
            objective=objectives[result.key],
            year=year,
            defaults={"value": result.value, "comment": result.comment, "submitted_by": user},
        )
    return findings


@transaction.atomic
def review(item: models.Review, *, accept: bool, comment: str, user) -> None:
    item.status = item.ACCEPTED if accept else item.REJECTED
    item.review_comment = comment
    item.reviewed_by = user
    item.reviewed_at = timezone.now()
    item.save()


@transaction.atomic
def terminate(
    agreement: models.Agreement,
    *,
    terminated_on: dt.date,
    formal_notice_on: dt.date | None,
    without_notice: bool,
    ground: str,
) -> None:
    agreement = _locked(agreement)
    if agreement.terminated_on is not None:
        raise core.GrantRefused(
            [violation("termination.already", "La convention est déjà résiliée.", field="terminated_on")]
        )
    refuse(
        core.check_termination(
            amended(agreement), core.Termination(terminated_on, formal_notice_on, without_notice, ground)
        )
    )
    agreement.terminated_on, agreement.formal_notice_on = terminated_on, formal_notice_on
    agreement.terminated_without_notice, agreement.termination_ground = without_notice, ground
    agreement.save(
        update_fields=["terminated_on", "formal_notice_on", "terminated_without_notice", "termination_ground"]
    )
