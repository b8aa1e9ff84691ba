"""Clerk back office: only the clerk's own authority.

Every view is ``@clerk_required`` and looks its records up through the clerk's
authority (``authority_scope``): another authority's record answers 404. Every
change is one transaction; published records refuse changes (model-level guard,
and a French message here). The figures come from the rules core through
``register.presentation`` / ``register.conversion``: nothing is counted here.

A form posted with ``_preview=1`` (clerk.js, on each change) is applied inside a
transaction that is then rolled back: the answer is the tally fragment as it would
be, computed by the core from the same records. Without JavaScript, the submit
button saves and the page shows the new tally.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from registre.web.accounts.permissions import administrator_required, authority_scope, clerk_required
from registre.web.register import services
from registre.web.register.audit import entries_for, trail
from registre.web.register.conversion import tally
from registre.web.register.models import (
    Council,
    Deliberation,
    Item,
    Meeting,
    Member,
    Proxy,
    PublishedRecordError,
)
from registre.web.register.presentation import item_attendance

from . import forms

AUDIT_PAGE = 100  # entries per page of the audit trail

# -- lookups: always through the clerk's authority --------------------------------------------


def _authority(request):
    authority = authority_scope(request.user)
    if authority is None:  # clerk_required guarantees one; never widen the scope
        raise Http404
    return authority


def _council(request, pk) -> Council:
    return get_object_or_404(Council, pk=pk, authority=_authority(request))


def _member(request, pk) -> Member:
    return get_object_or_404(
        Member.objects.select_related("council"), pk=pk, council__authority=_authority(request)
    )


def _meeting(request, pk) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("council__authority", "chair", "secretary"),
        pk=pk,
        council__authority=_authority(request),
    )


def _item(request, meeting_pk, number) -> Item:
    return get_object_or_404(
        Item.objects.select_related("meeting__council__authority"),
        meeting__pk=meeting_pk,
        number=number,
        meeting__council__authority=_authority(request),
    )


def _deliberation(request, pk) -> Deliberation:
    return get_object_or_404(
        Deliberation.objects.select_related("item__meeting__council", "authority", "corrects"),
        pk=pk,
        authority=_authority(request),
    )


# -- tally fragments --------------------------------------------------------------------------


def _item_tally_context(item: Item) -> dict:
    return {"item": item, "attendance": item_attendance(item), "meeting": item.meeting}


def _meeting_tally_context(meeting: Meeting) -> dict:
    meeting_tally = tally(meeting)
    titles = dict(meeting.items.values_list("number", "title"))
    rows = [(t, titles.get(t.item, "")) for t in meeting_tally.items]
    return {"meeting": meeting, "meeting_tally": meeting_tally, "rows": rows}


def _fragment(request, template: str, context: dict) -> str:
    return render_to_string(template, context, request=request)


def _preview(request, form, fragment) -> HttpResponse:
    """Apply the form, render the tally it would give, roll everything back."""
    with transaction.atomic():
        note = ""
        if form.is_valid():
            try:
                form.save()
            except PublishedRecordError as error:
                note = error.messages[0]
        else:
            note = "Saisie incomplète ou incorrecte : décompte actuel, sans cette saisie."
        html = fragment()
        transaction.set_rollback(True)
    if note:
        html = f'<p class="notice" role="status">{note}</p>' + html
    return HttpResponse(html)


def _submit(request, form, *, fragment, done, success: str, page):
    """The one path of every edit: preview, or save in one transaction and go back, or show the errors."""
    if request.POST.get("_preview"):
        return _preview(request, form, fragment)
    if form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except PublishedRecordError as error:
            messages.error(request, error.messages[0])
            return redirect(done)
        messages.success(request, success)
        return redirect(done)
    return page(form, status=400)


# -- dashboard --------------------------------------------------------------------------------


@clerk_required
def dashboard(request):
    authority = _authority(request)
    meetings = Meeting.objects.filter(council__authority=authority).select_related("council")[:50]
    councils = Council.objects.filter(authority=authority).order_by("name")
    drafts = Deliberation.objects.filter(authority=authority, status=Deliberation.DRAFT).select_related(
        "item"
    )[:50]
    published = Deliberation.objects.filter(authority=authority, status=Deliberation.PUBLISHED)[:20]
    return render(
        request,
        "clerk/dashboard.html",
        {
            "authority": authority,
            "meetings": meetings,
            "councils": councils,
            "drafts": drafts,
            "published": published,
        },
    )


# -- councils and members ---------------------------------------------------------------------


@clerk_required
def council_create(request):
    authority = _authority(request)
    form = forms.CouncilForm(request.POST or None, authority=authority)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            council = form.save()
        messages.success(request, f"Assemblée « {council.name} » créée.")
        return redirect("clerk:council", council.pk)
    return render(
        request,
        "clerk/council_form.html",
        {"form": form, "authority": authority},
        status=400 if form.errors else 200,
    )


@clerk_required
def council_detail(request, pk):
    council = _council(request, pk)
    return _council_page(request, council)


def _council_page(request, council, *, status=200, **bound):
    context = {
        "council": council,
        "members": council.members.all(),
        "member_form": bound.get("member_form") or forms.MemberForm(council=council),
        "roster_form": bound.get("roster_form") or forms.RosterImportForm(council=council),
        "council_form": bound.get("council_form")
        or forms.CouncilForm(instance=council, authority=council.authority),
    }
    return render(request, "clerk/council.html", context, status=status)


@clerk_required
def council_edit(request, pk):
    council = _council(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = forms.CouncilForm(request.POST, instance=council, authority=council.authority)
    if form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, "Assemblée renommée.")
        return redirect("clerk:council", council.pk)
    return _council_page(request, council, status=400, council_form=form)


@clerk_required
def member_create(request, pk):
    council = _council(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = forms.MemberForm(request.POST, council=council)
    if form.is_valid():
        with transaction.atomic():
            member = form.save()
        messages.success(request, f"{member} ajouté à la liste des conseillers.")
        return redirect("clerk:council", council.pk)
    return _council_page(request, council, status=400, member_form=form)


@clerk_required
def member_edit(request, pk):
    member = _member(request, pk)
    form = forms.MemberForm(request.POST or None, instance=member, council=member.council)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, f"Fiche de {member} enregistrée.")
        return redirect("clerk:council", member.council_id)
    return render(
        request,
        "clerk/member_form.html",
        {"form": form, "member": member},
        status=400 if form.errors else 200,
    )


@clerk_required
def roster_import(request, pk):
    council = _council(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = forms.RosterImportForm(request.POST, request.FILES, council=council)
    if form.is_valid():
        added, known = form.save()
        messages.success(
            request, f"Liste importée : {added} conseiller(s) ajouté(s), {known} déjà inscrit(s)."
        )
        return redirect("clerk:council", council.pk)
    return _council_page(request, council, status=400, roster_form=form)


# -- meetings and agenda ----------------------------------------------------------------------


@clerk_required
def meeting_create(request):
    authority = _authority(request)
    form = forms.MeetingForm(request.POST or None, authority=authority)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            meeting = form.save()
        messages.success(
            request, f"Séance du {meeting.date:%d/%m/%Y} créée. Ajoutez les questions de l'ordre du jour."
        )
        return redirect("clerk:meeting", meeting.pk)
    return render(
        request,
        "clerk/meeting_form.html",
        {"form": form, "authority": authority},
        status=400 if form.errors else 200,
    )


@clerk_required
def meeting_edit(request, pk):
    meeting = _meeting(request, pk)
    form = forms.MeetingForm(request.POST or None, instance=meeting, authority=meeting.council.authority)
    if request.method == "POST":
        if meeting.is_locked:
            messages.error(
                request, "Une délibération de cette séance est publiée : la séance n'est plus modifiable."
            )
            return redirect("clerk:meeting", meeting.pk)
        if form.is_valid():
            with transaction.atomic():
                form.save()
            messages.success(request, "Séance enregistrée.")
            return redirect("clerk:meeting", meeting.pk)
    return render(
        request,
        "clerk/meeting_form.html",
        {"form": form, "meeting": meeting},
        status=400 if form.errors else 200,
    )


@clerk_required
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    return _meeting_page(request, meeting)


def _meeting_page(request, meeting, *, status=200, **bound):
    context = {
        **_meeting_tally_context(meeting),
        "items": meeting.items.order_by("position").prefetch_related("deliberations"),
        "item_form": bound.get("item_form") or forms.ItemForm(meeting=meeting),
        "order_form": bound.get("order_form") or forms.OrderOfPassageForm(meeting=meeting),
        "locked": meeting.is_locked,
    }
    return render(request, "clerk/meeting.html", context, status=status)


@clerk_required
def item_create(request, pk):
    meeting = _meeting(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = forms.ItemForm(request.POST, meeting=meeting)
    if form.is_valid():
        with transaction.atomic():
            item = form.save()
        messages.success(request, f"Question n°{item.number} ajoutée à l'ordre du jour.")
        return redirect("clerk:meeting", meeting.pk)
    return _meeting_page(request, meeting, status=400, item_form=form)


@clerk_required
def order_of_passage(request, pk):
    meeting = _meeting(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if meeting.is_locked:
        messages.error(
            request,
            "Une délibération de cette séance est publiée : l'ordre de passage n'est plus modifiable.",
        )
        return redirect("clerk:meeting", meeting.pk)
    form = forms.OrderOfPassageForm(request.POST, meeting=meeting)
    return _submit(
        request,
        form,
        success="Ordre de passage enregistré.",
        done=reverse("clerk:meeting", args=[meeting.pk]),
        fragment=lambda: _fragment(request, "clerk/_meeting_tally.html", _meeting_tally_context(meeting)),
        page=lambda form, status: _meeting_page(request, meeting, status=status, order_form=form),
    )


@clerk_required
def item_edit(request, pk, number):
    item = _item(request, pk, number)
    form = forms.ItemForm(request.POST or None, instance=item, meeting=item.meeting)
    if request.method == "POST":
        if item.is_locked:
            messages.error(
                request, "La délibération de cette question est publiée : la question n'est plus modifiable."
            )
            return redirect("clerk:item", pk, item.number)
        if form.is_valid():
            with transaction.atomic():
                item = form.save()
            messages.success(request, "Question enregistrée.")
            return redirect("clerk:item", pk, item.number)
    return render(
        request,
        "clerk/item_form.html",
        {"form": form, "item": item, "meeting": item.meeting},
        status=400 if form.errors else 200,
    )


# -- attendance -------------------------------------------------------------------------------


@clerk_required
def attendance(request, pk):
    """Who is present at the opening; the others are recorded absent."""
    meeting = _meeting(request, pk)
    form = forms.AttendanceForm(request.POST or None, meeting=meeting)

    def page(form, status=200):
        return render(
            request,
            "clerk/attendance.html",
            {
                **_meeting_tally_context(meeting),
                "form": form,
                "locked": meeting.is_locked,
                "lines": meeting.attendance.select_related("member").order_by(
                    "member__last_name", "member__first_name"
                ),
            },
            status=status,
        )

    if request.method != "POST":
        return page(form)
    return _submit(
        request,
        form,
        success="Présences enregistrées.",
        done=reverse("clerk:attendance", args=[meeting.pk]),
        fragment=lambda: _fragment(request, "clerk/_meeting_tally.html", _meeting_tally_context(meeting)),
        page=page,
    )


def _item_submit(request, item, form, name: str, success: str):
    return _submit(
        request,
        form,
        success=success,
        done=reverse("clerk:item", args=[item.meeting_id, item.number]),
        fragment=lambda: _fragment(request, "clerk/_item_tally.html", _item_tally_context(item)),
        page=lambda form, status: _item_page(request, item, status=status, **{name: form}),
    )


@clerk_required
def record_arrival(request, pk, number):
    item = _item(request, pk, number)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = forms.ArrivalForm(request.POST, meeting=item.meeting, item=item)
    return _item_submit(request, item, form, "arrival_form", "Arrivée enregistrée.")


@clerk_required
def record_departure(request, pk, number):
    item = _item(request, pk, number)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = forms.DepartureForm(request.POST, meeting=item.meeting, item=item)
    return _item_submit(request, item, form, "departure_form", "Départ enregistré.")


@clerk_required
def proxies(request, pk):
    meeting = _meeting(request, pk)
    form = forms.ProxyForm(request.POST or None, meeting=meeting)

    def page(form, status=200):
        return render(
            request,
            "clerk/proxies.html",
            {
                **_meeting_tally_context(meeting),
                "form": form,
                "locked": meeting.is_locked,
                "proxies": meeting.proxies.select_related("principal", "holder").order_by("pk"),
            },
            status=status,
        )

    if request.method != "POST":
        return page(form)
    return _submit(
        request,
        form,
        success="Procuration enregistrée.",
        done=reverse("clerk:proxies", args=[meeting.pk]),
        fragment=lambda: _fragment(request, "clerk/_meeting_tally.html", _meeting_tally_context(meeting)),
        page=page,
    )


@clerk_required
def proxy_delete(request, pk, proxy_pk):
    meeting = _meeting(request, pk)
    proxy = get_object_or_404(Proxy, pk=proxy_pk, meeting=meeting)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        with transaction.atomic():
            proxy.delete()
    except PublishedRecordError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Procuration supprimée.")
    return redirect("clerk:proxies", meeting.pk)


# -- per item: the live page, interested members, the vote ------------------------------------


@clerk_required
def item_detail(request, pk, number):
    return _item_page(request, _item(request, pk, number))


def _item_page(request, item, *, status=200, **bound):
    meeting = item.meeting
    order = list(meeting.items.order_by("position").values_list("number", flat=True))
    index = order.index(item.number)
    context = {
        **_item_tally_context(item),
        "locked": item.is_locked,
        "meeting_locked": meeting.is_locked,
        "previous": order[index - 1] if index > 0 else None,
        "next": order[index + 1] if index + 1 < len(order) else None,
        "arrival_form": bound.get("arrival_form") or forms.ArrivalForm(meeting=meeting, item=item),
        "departure_form": bound.get("departure_form") or forms.DepartureForm(meeting=meeting, item=item),
        "proxy_form": forms.ProxyForm(meeting=meeting, initial={"from_item": item.number}),
        "interested_form": bound.get("interested_form") or forms.InterestedMembersForm(item=item),
        "vote_form": bound.get("vote_form") or forms.VoteForm(instance=item, voters=_voters(item)),
        "deliberations": item.deliberations.order_by("year", "sequence"),
        "deliberation_form": bound.get("deliberation_form")
        or forms.DeliberationForm(initial={"title": item.title}),
    }
    return render(request, "clerk/item.html", context, status=status)


@clerk_required
def item_tally(request, pk, number):
    """The tally fragment as stored (clerk.js refreshes with it; also readable alone)."""
    item = _item(request, pk, number)
    return render(request, "clerk/_item_tally.html", _item_tally_context(item))


@clerk_required
def interested_members(request, pk, number):
    item = _item(request, pk, number)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = forms.InterestedMembersForm(request.POST, item=item)
    return _item_submit(request, item, form, "interested_form", "Conseillers intéressés enregistrés.")


@clerk_required
def record_vote(request, pk, number):
    item = _item(request, pk, number)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = forms.VoteForm(request.POST, instance=item, voters=_voters(item))
    return _item_submit(request, item, form, "vote_form", "Vote enregistré.")


def _voters(item: Item) -> int | None:
    """The item's voters as the core counts them from the record (for the vote form's checks)."""
    item_tally = tally(item.meeting).for_item(item.number)
    return item_tally.voters if item_tally else None


@clerk_required
def roll_call(request, pk, number):
    item = _item(request, pk, number)
    form = forms.RollCallForm(request.POST or None, item=item)

    def page(form, status=200):
        return render(
            request,
            "clerk/roll_call.html",
            {**_item_tally_context(item), "form": form, "locked": item.is_locked},
            status=status,
        )

    if request.method != "POST":
        return page(form)
    return _submit(
        request,
        form,
        success="Scrutin public enregistré.",
        done=reverse("clerk:roll_call", args=[pk, number]),
        fragment=lambda: _fragment(request, "clerk/_item_tally.html", _item_tally_context(item)),
        page=page,
    )


# -- deliberations: drafts, publication (register.services), correction ---------------------


@clerk_required
def deliberation_create(request, pk, number):
    item = _item(request, pk, number)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    existing = item.deliberations.filter(corrects__isnull=True).first()
    if existing:
        messages.error(request, f"Cette question a déjà sa délibération ({existing.label}).")
        return redirect("clerk:deliberation", existing.pk)
    form = forms.DeliberationForm(request.POST)
    if not form.is_valid():
        return _item_page(request, item, status=400, deliberation_form=form)
    with transaction.atomic():
        deliberation = Deliberation.objects.create(
            authority=item.meeting.council.authority, item=item, **form.cleaned_data
        )
    messages.success(request, "Brouillon de délibération créé : son numéro lui sera donné à la publication.")
    return redirect("clerk:deliberation", deliberation.pk)


def _deliberation_page(request, deliberation, *, form=None, refused=None, status=200):
    review = (
        None if deliberation.is_published else services.review(deliberation, request.build_absolute_uri("/"))
    )
    context = {
        **_item_tally_context(deliberation.item),
        "deliberation": deliberation,
        "form": form or forms.DeliberationForm(instance=deliberation),
        "corrections": deliberation.corrections.order_by("year", "sequence", "pk"),
        "review": review,
        "warnings": [(services.finding_key(w), w) for w in review.warnings] if review else [],
        "refused": refused,
        "acknowledged": set(request.POST.getlist("acknowledge")) if request.method == "POST" else set(),
    }
    return render(request, "clerk/deliberation.html", context, status=status)


@clerk_required
def deliberation_detail(request, pk):
    deliberation = _deliberation(request, pk)
    if request.method != "POST":
        return _deliberation_page(request, deliberation)
    if deliberation.is_published:
        messages.error(
            request,
            "Cette délibération est publiée : elle n'est plus modifiable. "
            "Pour la rectifier, créez une délibération de correction.",
        )
        return redirect("clerk:deliberation", deliberation.pk)
    form = forms.DeliberationForm(request.POST, instance=deliberation)
    if form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, "Délibération enregistrée.")
        return redirect("clerk:deliberation", deliberation.pk)
    return _deliberation_page(request, deliberation, form=form, status=400)


@clerk_required
def deliberation_publish(request, pk):
    """Publish through the service: refused with its reasons, or warnings to acknowledge one by one."""
    deliberation = _deliberation(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if deliberation.is_published:
        messages.error(request, f"La délibération n°{deliberation.number} est déjà publiée.")
        return redirect("clerk:deliberation", deliberation.pk)
    try:
        act = services.publish(
            deliberation,
            actor=request.user,
            acknowledged=request.POST.getlist("acknowledge"),
            base_url=request.build_absolute_uri("/"),
        )
    except services.PublicationRefused as refused:
        deliberation.refresh_from_db()
        return _deliberation_page(request, deliberation, refused=refused, status=400)
    messages.success(
        request,
        f"Délibération n°{act.number} publiée : elle n'est plus modifiable (empreinte {act.fingerprint[:16]}…).",
    )
    return redirect("clerk:deliberation", deliberation.pk)


@clerk_required
def deliberation_correct(request, pk):
    """A rectification or a withdrawal is a new act, with its own number, reason and question
    (the same one, or one of a later meeting whose vote decides it); the original stays public."""
    original = _deliberation(request, pk)
    if not original.is_published:
        messages.error(
            request,
            "Une délibération en brouillon se modifie directement : "
            "la correction ne concerne que les délibérations publiées.",
        )
        return redirect("clerk:deliberation", original.pk)
    form = forms.CorrectionForm(request.POST or None, original=original)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            correction = form.save()
        messages.success(
            request,
            f"{correction.get_kind_display()} de la délibération n°{original.number} créée (brouillon) : "
            f"la délibération n°{original.number} reste publiée et inchangée.",
        )
        return redirect("clerk:deliberation", correction.pk)
    return render(
        request,
        "clerk/correction_form.html",
        {"form": form, "original": original, "meeting": original.item.meeting, "item": original.item},
        status=400 if form.errors else 200,
    )


def _trail_page(request, entries, template: str, **context):
    page = Paginator(entries, AUDIT_PAGE).get_page(request.GET.get("page"))
    return render(request, template, {"page": page, "entries": trail(page.object_list), **context})


@clerk_required
def audit_trail(request):
    """Every change to the authority's records: who, when, which record, old and new values."""
    authority = _authority(request)
    return _trail_page(request, entries_for(authority), "clerk/audit.html", authority=authority)


@administrator_required
def audit_trail_all(request):
    """The administrator's view: every authority's trail (and the records attached to none)."""
    return _trail_page(request, entries_for(None), "clerk/audit_all.html")
