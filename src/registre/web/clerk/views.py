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
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from registre.web.accounts.permissions import authority_scope, clerk_required
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
from registre.web.register.numbering import next_number
from registre.web.register.presentation import item_attendance

from . import forms

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
        "vote_form": bound.get("vote_form") or forms.VoteForm(instance=item),
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
    form = forms.VoteForm(request.POST, instance=item)
    return _item_submit(request, item, form, "vote_form", "Vote enregistré.")


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


# -- deliberations: numbering, publication, correction ----------------------------------------


def _numbered(authority, year: int, **fields) -> Deliberation:
    """A new deliberation with the next number of the authority's year (the unique constraint guards races)."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                year, sequence, number = next_number(authority, year)
                return Deliberation.objects.create(
                    authority=authority, year=year, sequence=sequence, number=number, **fields
                )
        except IntegrityError:
            continue
    raise IntegrityError("numérotation concurrente")


@clerk_required
def deliberation_create(request, pk, number):
    item = _item(request, pk, number)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    existing = item.deliberations.filter(corrects__isnull=True).first()
    if existing:
        messages.error(request, f"Cette question a déjà sa délibération n°{existing.number}.")
        return redirect("clerk:deliberation", existing.pk)
    form = forms.DeliberationForm(request.POST)
    if not form.is_valid():
        return _item_page(request, item, status=400, deliberation_form=form)
    deliberation = _numbered(
        item.meeting.council.authority, item.meeting.date.year, item=item, **form.cleaned_data
    )
    messages.success(request, f"Délibération n°{deliberation.number} créée (brouillon).")
    return redirect("clerk:deliberation", deliberation.pk)


@clerk_required
def deliberation_detail(request, pk):
    deliberation = _deliberation(request, pk)
    form = forms.DeliberationForm(request.POST or None, instance=deliberation)
    if request.method == "POST":
        if deliberation.is_published:
            messages.error(
                request,
                "Cette délibération est publiée : elle n'est plus modifiable. "
                "Pour la rectifier, créez une délibération de correction.",
            )
            return redirect("clerk:deliberation", deliberation.pk)
        if form.is_valid():
            with transaction.atomic():
                form.save()
            messages.success(request, "Délibération enregistrée.")
            return redirect("clerk:deliberation", deliberation.pk)
    return render(
        request,
        "clerk/deliberation.html",
        {
            **_item_tally_context(deliberation.item),
            "deliberation": deliberation,
            "form": form,
            "corrections": deliberation.corrections.order_by("year", "sequence"),
        },
        status=400 if form.errors else 200,
    )


@clerk_required
def deliberation_publish(request, pk):
    deliberation = _deliberation(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if deliberation.is_published:
        messages.error(request, f"La délibération n°{deliberation.number} est déjà publiée.")
        return redirect("clerk:deliberation", deliberation.pk)
    item_tally = tally(deliberation.item.meeting).for_item(deliberation.item.number)
    if item_tally is None or (deliberation.item.vote_kind != "no_vote" and item_tally.adopted is None):
        messages.error(
            request,
            "Le résultat du vote n'est pas déterminé : saisissez le vote "
            "(et, en cas de partage, le vote du président) avant de publier.",
        )
        return redirect("clerk:deliberation", deliberation.pk)
    with transaction.atomic():
        deliberation.publish()
        deliberation.save(update_fields=["status", "published_at"])  # front indexes it (post_save)
    messages.success(request, f"Délibération n°{deliberation.number} publiée : elle n'est plus modifiable.")
    return redirect("clerk:deliberation", deliberation.pk)


@clerk_required
def deliberation_correct(request, pk):
    """A correction is a new deliberation, with its own number, linked to the original (unchanged)."""
    original = _deliberation(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not original.is_published:
        messages.error(
            request,
            "Une délibération en brouillon se modifie directement : "
            "la correction ne concerne que les délibérations publiées.",
        )
        return redirect("clerk:deliberation", original.pk)
    correction = _numbered(
        original.authority,
        original.year,
        item=original.item,
        corrects=original,
        title=original.title,
        decision=original.decision,
        text=original.text,
        budget_line=original.budget_line,
        actes_code=original.actes_code,
    )
    messages.success(
        request,
        f"Délibération de correction n°{correction.number} créée (brouillon) : "
        f"la délibération n°{original.number} reste inchangée.",
    )
    return redirect("clerk:deliberation", correction.pk)
