"""The grants officer's pages and the beneficiary portal. Every view declares its
permission; lookups are scoped (another authority's or another beneficiary's
agreement answers 404, its existence is not revealed)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from registre.core import grants as core
from registre.core.grants.budget import describe_shares
from registre.core.grants.programme import BUDGET_PRIVATE_SHARE, assess_all
from registre.core.grants.schedule import releasable
from registre.web.accounts.permissions import (
    authenticated,
    authority_scope,
    beneficiary_required,
    grants_officer_required,
    public,
)
from registre.web.register.forms import error_count
from registre.web.register.models import Deliberation

from . import forms, models, services
from .amounts import grant_amount
from .calendar import calendar_response, feed_token, revoke_feed_tokens, user_of_token
from .conversion import (
    amended,
    indicator_of,
    obligation_lines,
    payments_of,
    received_dates,
    repayments_of,
    store_agreement,
)
from .siret import is_valid_siret


def _officer_agreement(request, pk) -> models.Agreement:
    return get_object_or_404(
        models.Agreement.objects.select_related("authority", "beneficiary", "deliberation"),
        pk=pk,
        authority=authority_scope(request.user),
    )


def _own_agreement(request, pk) -> models.Agreement:
    return get_object_or_404(
        models.Agreement.objects.select_related("authority", "beneficiary", "deliberation"),
        pk=pk,
        beneficiary__accounts=request.user,
    )


def _context(agreement: models.Agreement) -> dict:
    today = timezone.localdate()
    record = amended(agreement)
    payments, repayments = payments_of(agreement), repayments_of(agreement)
    findings = core.check_agreement(record, siret_validator=is_valid_siret)
    results = {}
    for result in models.ObjectiveResult.objects.filter(objective__agreement=agreement).select_related(
        "objective"
    ):
        results.setdefault(
            result.objective.key, core.ReportedResult(result.objective.key, result.value, result.year)
        )
    programme = []
    if record.programme is not None:
        for objective, result, state in assess_all(record.programme, list(results.values())):
            if objective.measure == BUDGET_PRIVATE_SHARE and record.budget is not None:
                share = record.budget.private_share
                state = (
                    core.Assessment.MET
                    if share is not None and objective.target.met_by(share)
                    else core.Assessment.NOT_MET
                )
                result = core.ReportedResult(
                    objective.key, share, record.financial_year, "budget prévisionnel"
                )
            programme.append({"objective": objective, "result": result, "state": state})
    indicators = {i.key: i for i in record.indicators}
    reports = []
    for report in agreement.indicator_reports.prefetch_related("values"):
        reports.append(
            {
                "report": report,
                "values": [
                    {
                        "label": indicators[v.key].label if v.key in indicators else v.key,
                        "company": v.company,
                        "value": v.value,
                        "scope": indicators[v.key].scope.label if v.key in indicators else "",
                    }
                    for v in report.values.all()
                ],
            }
        )
    return {
        "agreement": agreement,
        "record": record,
        "today": today,
        "findings": findings,
        "paid": core.total_paid(payments),
        "balance": core.balance(record.cap, payments),
        "net_paid": core.net_paid(payments, repayments),
        "budget_figures": describe_shares(record.budget, record.amount) if record.budget else None,
        "expenses": [line for line in agreement.budget_lines.all() if line.side == line.EXPENSE],
        "revenues": [line for line in agreement.budget_lines.all() if line.side == line.REVENUE],
        "programme": programme,
        "programme_groups": [
            {
                "category": c,
                "targeted": [
                    line for line in programme if line["objective"].category is c and line["objective"].target
                ],
                "others": [
                    line
                    for line in programme
                    if line["objective"].category is c and not line["objective"].target
                ],
            }
            for c in core.MissionCategory
            if any(line["objective"].category is c for line in programme)
        ],
        "categories": core.MissionCategory,
        "obligations": obligation_lines(agreement, today, record),
        "submissions": agreement.submissions.all(),
        "submission_rows": [(s, None) for s in agreement.submissions.all()],
        "indicator_reports": reports,
        "indicator_list": record.indicators,
        "amendments": agreement.amendments.select_related("deliberation"),
        "repayments": agreement.repayments.all(),
        "payments": agreement.payments.all(),
        "tranches": _tranches(agreement, record, today),
    }


def _tranches(agreement, record, today):
    """(tranche, amount, releasable today) for the schedule table."""
    received = {kind.value: when for kind, when in received_dates(agreement).items()}
    ready = {
        index
        for index, _amount in releasable(
            record.tranches,
            record.amount,
            signed_on=record.signed_on,
            transmitted_on=record.transmitted_on,
            received=received,
            today=today,
        )
    }
    return [(t, t.amount_of(record.amount), i in ready) for i, t in enumerate(record.tranches)]


def _with_review_forms(context: dict, bound: tuple | None = None) -> dict:
    """One review form per item awaiting review, each with its own ids; ``bound`` = (kind, pk, form)."""

    def form_for(kind, pk):
        if bound and bound[0] == kind and bound[1] == pk:
            return bound[2]
        return forms.ReviewForm(auto_id=f"id_{kind}{pk}_%s")

    context["submission_rows"] = [
        (s, form_for("s", s.pk) if s.status == s.SUBMITTED else None) for s in context["submissions"]
    ]
    for item in context["indicator_reports"]:
        report = item["report"]
        item["review"] = form_for("i", report.pk) if report.status == report.SUBMITTED else None
    context["reviewing"] = True
    return context


# -- grants officer --------------------------------------------------------------------


@grants_officer_required
def dashboard(request):
    authority = authority_scope(request.user)
    today = timezone.localdate()
    agreements = list(
        models.Agreement.objects.filter(authority=authority).select_related("beneficiary", "deliberation")
    )
    entries, rows = [], []
    for agreement in agreements:
        record = amended(agreement)
        lines = obligation_lines(agreement, today, record)
        entries += [(agreement.reference, line.obligation, line.received_on) for line in lines]
        findings = core.check_agreement(record, siret_validator=is_valid_siret)
        rows.append(
            {
                "agreement": agreement,
                "paid": core.total_paid(payments_of(agreement)),
                "warnings": len(findings),
                "late": sum(1 for line in lines if line.state is core.State.LATE),
            }
        )
    board = core.dashboard(entries, today, horizon_days=60)
    by_reference = {a.reference: a for a in agreements}
    return render(
        request,
        "grants/dashboard.html",
        {
            **_feed(request),
            "authority": authority,
            "rows": rows,
            "today": today,
            "by_reference": by_reference,
            "without_agreement": _grants_without_agreement(authority),
            "overdue": [(by_reference[line.agreement], line) for line in board.overdue],
            "due_soon": [(by_reference[line.agreement], line) for line in board.due_soon],
        },
    )


def _grants_without_agreement(authority) -> list[dict]:
    """Grant deliberations (ACTES 7.5) with no agreement recorded: one is required above 23 000 €."""
    found = []
    deliberations = (
        Deliberation.objects.filter(
            authority=authority,
            status=Deliberation.PUBLISHED,
            actes_code__startswith="7.5",
            grant_agreements__isnull=True,
        )
        .select_related("item__meeting")
        .order_by("-year", "-sequence")
    )
    for deliberation in deliberations:
        read = grant_amount(deliberation.budget_line, deliberation.decision, deliberation.text)
        if read.amount is None:
            findings = [
                core.warning(
                    "grant.amount_unknown", f"{read.reason} Vérifiez si une convention est obligatoire."
                )
            ]
        else:
            findings = core.check_grant_without_agreement(read.amount, deliberation.meeting.date)
        found.append(
            {"deliberation": deliberation, "amount": read.amount, "source": read.source, "findings": findings}
        )
    return found


@grants_officer_required
def agreement_detail(request, pk):
    agreement = _officer_agreement(request, pk)
    context = _context(agreement)
    context.update(
        payment_form=forms.PaymentForm(agreement=agreement, initial={"amount": context["balance"]}),
        amendment_form=forms.AmendmentForm(agreement=agreement),
        repayment_form=forms.RepaymentForm(agreement=agreement),
        publication_form=forms.PublicationForm(),
        termination_form=forms.TerminationForm(),
    )
    return render(request, "grants/agreement.html", _with_review_forms(context))


# the heading of the error summary at the top of the agreement page, per form
REFUSED = {
    "payment_form": "Versement non enregistré",
    "amendment_form": "Avenant non enregistré",
    "repayment_form": "Reversement non enregistré",
    "termination_form": "Résiliation non enregistrée",
    "publication_form": "Publication non enregistrée",
}


def _redisplay(request, agreement, review=None, **bound):
    """The agreement page again, status 400: the refused form keeps its input and its errors, and
    a summary at the top of the page (focused) links to each field in error."""
    context = _context(agreement)
    context.update(
        payment_form=forms.PaymentForm(agreement=agreement),
        amendment_form=forms.AmendmentForm(agreement=agreement),
        repayment_form=forms.RepaymentForm(agreement=agreement),
        publication_form=forms.PublicationForm(),
        termination_form=forms.TerminationForm(),
    )
    context.update(bound)
    _with_review_forms(context, review)
    if review:
        context["refused"] = {"form": review[2], "title": "Examen non enregistré"}
    for name, form in bound.items():
        context["refused"] = {"form": form, "title": REFUSED[name]}
    return render(request, "grants/agreement.html", context, status=400)


def _apply(request, agreement, form, action, success: str, form_name: str):
    """Run a grants service on a valid form; a refusal by the rules goes to the form, in French."""
    if form.is_valid():
        try:
            action(**form.cleaned_data)
        except core.GrantRefused as refused:
            forms.add_refusal(form, refused)
        else:
            messages.success(request, success)
            return redirect("grants:agreement", pk=agreement.pk)
    return _redisplay(request, agreement, **{form_name: form})


@require_POST
@grants_officer_required
def record_payment(request, pk):
    agreement = _officer_agreement(request, pk)
    return _apply(
        request,
        agreement,
        forms.PaymentForm(request.POST, agreement=agreement),
        lambda **data: services.record_payment(agreement, user=request.user, **data),
        "Versement enregistré.",
        "payment_form",
    )


@require_POST
@grants_officer_required
def add_amendment(request, pk):
    agreement = _officer_agreement(request, pk)
    return _apply(
        request,
        agreement,
        forms.AmendmentForm(request.POST, agreement=agreement),
        lambda **data: services.add_amendment(agreement, **data),
        "Avenant enregistré.",
        "amendment_form",
    )


@require_POST
@grants_officer_required
def record_repayment(request, pk):
    agreement = _officer_agreement(request, pk)
    return _apply(
        request,
        agreement,
        forms.RepaymentForm(request.POST, agreement=agreement),
        lambda **data: services.record_repayment(agreement, **data),
        "Reversement enregistré.",
        "repayment_form",
    )


@require_POST
@grants_officer_required
def terminate(request, pk):
    agreement = _officer_agreement(request, pk)
    return _apply(
        request,
        agreement,
        forms.TerminationForm(request.POST),
        lambda **data: services.terminate(agreement, **data),
        "Résiliation enregistrée.",
        "termination_form",
    )


@require_POST
@grants_officer_required
def record_publication(request, pk):
    agreement = _officer_agreement(request, pk)
    form = forms.PublicationForm(request.POST)
    if form.is_valid():
        agreement.published_on = form.cleaned_data["published_on"]
        agreement.save(update_fields=["published_on"])
        messages.success(request, "Publication des données essentielles enregistrée.")
        return redirect("grants:agreement", pk=agreement.pk)
    return _redisplay(request, agreement, publication_form=form)


@grants_officer_required
def edit_budget(request, pk):
    agreement = _officer_agreement(request, pk)
    lines = [
        {"side": line.side, "funder": line.funder, "label": line.label, "amount": line.amount}
        for line in agreement.budget_lines.all()
    ]
    totals_initial = {name: getattr(agreement, name) for name in forms.BudgetTotalsForm.base_fields}
    if request.method == "POST":
        formset = forms.BudgetLineFormSet(request.POST, prefix="lines")
        totals = forms.BudgetTotalsForm(request.POST)
        if formset.is_valid() and totals.is_valid():
            kept = [
                f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            budget = core.ForecastBudget(
                expenses=tuple(
                    core.ExpenseLine(d["label"], d["amount"]) for d in kept if d["side"] == "expense"
                ),
                revenues=tuple(
                    core.RevenueLine(d["label"], d["amount"], core.Funder(d["funder"]))
                    for d in kept
                    if d["side"] == "revenue"
                ),
                stated=core.StatedTotals(
                    *(
                        totals.cleaned_data[n]
                        for n in ("stated_expenses", "stated_public", "stated_private", "stated_revenues")
                    )
                ),
                year=agreement.financial_year,
            )
            try:
                services.save_budget(agreement, budget)
            except core.GrantRefused as refused:
                for finding in refused.violations:
                    formset._non_form_errors = formset.non_form_errors() + [finding.message]
            else:
                messages.success(request, "Budget prévisionnel enregistré.")
                return redirect("grants:agreement", pk=agreement.pk)
        status = 400
    else:
        formset = forms.BudgetLineFormSet(initial=lines, prefix="lines")
        totals = forms.BudgetTotalsForm(initial=totals_initial)
        status = 200
    return render(
        request,
        "grants/budget_form.html",
        {
            "agreement": agreement,
            "formset": formset,
            "totals": totals,
            "error_total": formset.total_error_count() + error_count(totals) if formset.is_bound else 0,
        },
        status=status,
    )


def _review(request, item, agreement, kind):
    form = forms.ReviewForm(request.POST, auto_id=f"id_{kind}{item.pk}_%s")
    if form.is_valid():
        services.review(
            item,
            accept=form.cleaned_data["decision"] == "accept",
            comment=form.cleaned_data["comment"],
            user=request.user,
        )
        messages.success(request, "Examen enregistré.")
        return redirect("grants:agreement", pk=agreement.pk)
    return _redisplay(request, agreement, review=(kind, item.pk, form))


@require_POST
@grants_officer_required
def review_submission(request, pk):
    submission = get_object_or_404(
        models.Submission, pk=pk, agreement__authority=authority_scope(request.user)
    )
    return _review(request, submission, submission.agreement, "s")


@require_POST
@grants_officer_required
def review_indicators(request, pk):
    report = get_object_or_404(
        models.IndicatorReport, pk=pk, agreement__authority=authority_scope(request.user)
    )
    return _review(request, report, report.agreement, "i")


@grants_officer_required
def create_agreement(request):
    authority = authority_scope(request.user)
    form = forms.AgreementForm(request.POST or None, authority=authority)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        share = data["share_at_signature"] / 100
        record = core.GrantAgreement(
            reference=data["reference"],
            grantor=core.Party(authority.name),
            beneficiary=core.Party(data["beneficiary_name"], data["beneficiary_siret"] or None),
            object=data["object"],
            amount=data["amount"],
            cap=data["cap"],
            deliberation=data["deliberation"].number,
            deliberation_date=data["deliberation"].meeting.date,
            budget_line=data["budget_line"],
            financial_year=data["financial_year"],
            signed_on=data["signed_on"],
            transmitted_on=data["transmitted_on"],
            valid_until=data["valid_until"],
            tranches=(core.Tranche(core.Trigger.SIGNATURE, share=share),) if share else (),
            indicators=(),
        )
        blocking = [
            f
            for f in core.check_agreement(record, siret_validator=is_valid_siret)
            if f.severity is core.Severity.VIOLATION
        ]
        if blocking:
            forms.add_refusal(form, core.GrantRefused(blocking))
        else:
            with transaction.atomic():
                beneficiary, _ = models.Beneficiary.objects.get_or_create(
                    authority=authority,
                    name=data["beneficiary_name"].strip(),
                    defaults={"siret": data["beneficiary_siret"]},
                )
                agreement = store_agreement(
                    record, authority=authority, beneficiary=beneficiary, deliberation=data["deliberation"]
                )
            messages.success(request, "Convention enregistrée : saisissez son budget prévisionnel.")
            return redirect("grants:agreement", pk=agreement.pk)
    return render(request, "grants/create.html", {"form": form}, status=400 if form.errors else 200)


@grants_officer_required
def officer_calendar(request):
    agreements = models.Agreement.objects.filter(authority=authority_scope(request.user)).select_related(
        "beneficiary"
    )
    return calendar_response(agreements, f"Subventions — {authority_scope(request.user)}")


@authenticated
def download(request, pk):
    submission = get_object_or_404(models.Submission.objects.select_related("agreement"), pk=pk)
    user = request.user
    allowed = (user.is_grants_officer and submission.agreement.authority_id == authority_scope(user).pk) or (
        user.is_beneficiary and submission.agreement.beneficiary.accounts.filter(pk=user.pk).exists()
    )
    if not allowed:
        raise Http404
    return FileResponse(
        submission.file.open("rb"),
        as_attachment=True,
        filename=submission.original_name,
        content_type=submission.content_type,
    )


# -- beneficiary portal -----------------------------------------------------------------


@beneficiary_required
def portal(request):
    today = timezone.localdate()
    agreements = models.Agreement.objects.filter(beneficiary__accounts=request.user).select_related(
        "authority", "beneficiary"
    )
    rows = [
        {
            "agreement": a,
            "obligations": [
                line for line in obligation_lines(a, today) if line.obligation.kind.by_beneficiary
            ],
        }
        for a in agreements
    ]
    return render(request, "grants/portal.html", {"rows": rows, "today": today, **_feed(request)})


@beneficiary_required
def portal_agreement(request, pk):
    agreement = _own_agreement(request, pk)
    context = _context(agreement)
    context.update(
        submission_form=forms.SubmissionForm(initial={"year": agreement.financial_year}),
        results_form=forms.ResultsForm(
            objectives=agreement.objectives.all(), initial={"year": agreement.financial_year}
        ),
    )
    return render(request, "grants/portal_agreement.html", context)


@beneficiary_required
def submit_document(request, pk):
    agreement = _own_agreement(request, pk)
    if request.method == "POST":
        form = forms.SubmissionForm(request.POST, request.FILES)
        if form.is_valid():
            services.submit_document(
                agreement,
                kind=form.cleaned_data["kind"],
                year=form.cleaned_data["year"],
                upload=form.cleaned_data["file"],
                content_type=form.content_type,
                user=request.user,
            )
            messages.success(request, "Document transmis au service des subventions.")
            return redirect("grants:portal_agreement", pk=agreement.pk)
        status = 400
    else:
        form, status = forms.SubmissionForm(initial={"year": agreement.financial_year}), 200
    return render(
        request, "grants/submit_document.html", {"agreement": agreement, "form": form}, status=status
    )


@beneficiary_required
def submit_indicators(request, pk):
    agreement = _own_agreement(request, pk)
    indicators = [indicator_of(i) for i in agreement.indicators]
    if request.method == "POST":
        form = forms.IndicatorsForm(request.POST, indicators=indicators)
        if form.is_valid():
            try:
                _report, warnings = services.submit_indicators(
                    agreement, year=form.cleaned_data["year"], values=form.values, user=request.user
                )
            except core.GrantRefused as refused:
                for finding in refused.violations:
                    form.add_error(None, finding.message)
            else:
                messages.success(request, f"Indicateurs {form.cleaned_data['year']} transmis.")
                for warning in warnings:
                    messages.warning(request, warning.message)
                return redirect("grants:portal_agreement", pk=agreement.pk)
        status = 400
    else:
        form, status = (
            forms.IndicatorsForm(indicators=indicators, initial={"year": agreement.financial_year}),
            200,
        )
    return render(
        request, "grants/submit_indicators.html", {"agreement": agreement, "form": form}, status=status
    )


@require_POST
@beneficiary_required
def submit_results(request, pk):
    agreement = _own_agreement(request, pk)
    form = forms.ResultsForm(request.POST, objectives=agreement.objectives.all())
    if form.is_valid():
        try:
            findings = services.submit_results(
                agreement, year=form.cleaned_data["year"], results=form.results, user=request.user
            )
        except core.GrantRefused as refused:
            forms.add_refusal(form, refused)
        else:
            messages.success(request, "Résultats transmis.")
            for finding in findings:
                messages.warning(request, finding.message)
            return redirect("grants:portal_agreement", pk=agreement.pk)
    context = _context(agreement)
    context.update(
        submission_form=forms.SubmissionForm(initial={"year": agreement.financial_year}), results_form=form
    )
    return render(request, "grants/portal_agreement.html", context, status=400)


@beneficiary_required
def portal_calendar(request):
    agreements = models.Agreement.objects.filter(beneficiary__accounts=request.user).select_related(
        "beneficiary"
    )
    return calendar_response(agreements, "Mes conventions de subvention", beneficiary_only=True)


def _feed(request) -> dict:
    link = feed_token(request.user)
    return {
        "feed_url": request.build_absolute_uri(reverse("grants:calendar_feed", args=[link.token])),
        "feed_expires": link.expires_on,
    }


@require_POST
@authenticated
def revoke_calendar_links(request):
    """Every subscription link this person was given stops working; the page shows a new one."""
    user = request.user
    if not (user.is_grants_officer or user.is_beneficiary):
        raise PermissionDenied
    revoke_feed_tokens(user)
    messages.success(
        request,
        "Les anciennes adresses d'abonnement ne fonctionnent plus : abonnez votre agenda à la nouvelle.",
    )
    return redirect("grants:dashboard" if user.is_grants_officer else "grants:portal")


@public
def calendar_feed(request, token):
    """Subscription URL for calendar applications, which cannot log in: a signed personal token
    stands for the account; a forged or revoked token answers 404."""
    user = user_of_token(token)
    if user is None:
        raise Http404
    if user.is_grants_officer:
        agreements = models.Agreement.objects.filter(authority=authority_scope(user))
        return calendar_response(
            agreements.select_related("beneficiary"), f"Subventions — {authority_scope(user)}"
        )
    if user.is_beneficiary:
        agreements = models.Agreement.objects.filter(beneficiary__accounts=user).select_related("beneficiary")
        return calendar_response(agreements, "Mes conventions de subvention", beneficiary_only=True)
    raise Http404
