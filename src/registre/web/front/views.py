"""Public portal: only published deliberations exist here, whoever asks.

A published act is read from its frozen snapshot (register.PublishedAct): words, names and
figures as they were published, computed once by the rules core; never from the live rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from registre.opendata import actes
from registre.web.accounts.permissions import public
from registre.web.register.models import Deliberation, Meeting, PublishedAct
from registre.web.register.presentation import published_act_view

from .forms import SearchForm
from .search import RANK_LIMIT, match_count, search, significant

PAGE_SIZE = 25
LISTED = (
    "number",
    "year",
    "sequence",
    "title",
    "actes_code",
    "published_at",
    "authority__slug",
    "act__authority_name",
    "act__meeting_date",
)  # what a result shows, from the frozen act: the long texts stay in the database


def published():
    return Deliberation.objects.filter(status=Deliberation.PUBLISHED)


@dataclass
class Results:
    rows: list
    number: int
    has_next: bool
    count: int | None  # known only when everything fits on the first page
    base_query: str = ""
    by_date: bool = False  # a search too broad to rank: most recent first

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.rows) - 1

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def first_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1

    def page_url(self, number: int) -> str:
        return "?" + (self.base_query + "&" if self.base_query else "") + f"page={number}"

    @property
    def first_url(self) -> str:
        return self.page_url(1)

    @property
    def previous_url(self) -> str:
        return self.page_url(self.number - 1)

    @property
    def next_url(self) -> str:
        return self.page_url(self.number + 1)


def _filtered(form: SearchForm, ranked: bool = True):
    data = form.cleaned_data
    deliberations = published()
    if data.get("date_from"):
        deliberations = deliberations.filter(item__meeting__date__gte=data["date_from"])
    if data.get("date_to"):
        deliberations = deliberations.filter(item__meeting__date__lte=data["date_to"])
    if data.get("authority"):
        deliberations = deliberations.filter(authority__slug=data["authority"])
    if data.get("meeting"):
        deliberations = deliberations.filter(item__meeting_id=data["meeting"])
    if data.get("subject"):
        code = data["subject"]
        deliberations = deliberations.filter(Q(actes_code=code) | Q(actes_code__startswith=code + "."))
    if data.get("q"):
        others = any(data.get(name) for name in ("date_from", "date_to", "authority", "meeting", "subject"))
        return search(deliberations, data["q"], ranked=ranked, filtered=others)
    return deliberations.order_by("-published_at", "-pk")


def _results(form: SearchForm) -> Results:
    """One page of results, read as PAGE_SIZE + 1 rows: the extra row tells whether a next page
    exists, so no COUNT(*) runs over a large set (a total is given only when it fits on page 1)."""
    number = form.cleaned_data.get("page") or 1
    query = form.cleaned_data.get("q")
    ranked = not query or match_count(query) <= RANK_LIMIT
    deliberations = _filtered(form, ranked)
    start = (number - 1) * PAGE_SIZE
    rows = list(deliberations.select_related("authority", "act").only(*LISTED)[start : start + PAGE_SIZE + 1])
    count = len(rows) if number == 1 and len(rows) <= PAGE_SIZE else None
    params = {k: v for k, v in form.data.items() if k != "page" and k in form.fields and v}
    return Results(
        rows=rows[:PAGE_SIZE],
        number=number,
        has_next=len(rows) > PAGE_SIZE,
        count=count,
        base_query=urlencode(params),
        by_date=bool(query) and not ranked,
    )


def _active_filters(form: SearchForm) -> list[str]:
    """Plain-French reminder of what narrows the list (read by screen readers after a search)."""
    data, active = form.cleaned_data, []
    if data.get("q"):
        active.append(f"mots « {data['q']} »")
    if data.get("date_from"):
        active.append(f"séances à partir du {data['date_from']:%d/%m/%Y}")
    if data.get("date_to"):
        active.append(f"séances jusqu'au {data['date_to']:%d/%m/%Y}")
    if data.get("authority"):
        active.append(dict(form.fields["authority"].choices).get(data["authority"], data["authority"]))
    if data.get("subject"):
        active.append("matière " + dict(form.fields["subject"].choices)[data["subject"]].strip())
    return active


@public
@require_safe
def home(request):
    """The published deliberations: full-text search, filters, pages."""
    form = SearchForm(request.GET or None)
    context = {"form": form, "results": None, "meeting": None, "not_significant": False}
    if form.is_bound and not form.is_valid():
        return _render_home(request, context, status=400)
    if not form.is_bound:
        form = SearchForm({})
        form.is_valid()
        context["form"] = form
    if form.cleaned_data.get("meeting"):
        context["meeting"] = _published_meeting(form.cleaned_data["meeting"], missing=None)
        if context["meeting"] is None:
            form.add_error("meeting", "Cette séance n'a aucune délibération publiée.")
            return _render_home(request, context, status=404)
    query = form.cleaned_data.get("q")
    if query and not significant(query):
        context["not_significant"] = True
    context["results"] = _results(form)
    context["filters"] = _active_filters(form)
    context["rank_limit"] = f"{RANK_LIMIT:_}".replace("_", "\u00a0")
    return _render_home(request, context)


def _render_home(request, context, status=200):
    form = context["form"]
    context["form_options_authority"] = form.options("authority")
    context["form_options_subject"] = form.options("subject")
    return render(request, "front/home.html", context, status=status)


def _published_meeting(pk: int, missing=Http404):
    meeting = (
        Meeting.objects.select_related("council__authority")
        .filter(pk=pk, items__deliberations__status=Deliberation.PUBLISHED)
        .first()
    )
    if meeting is None and missing is Http404:
        raise Http404("Séance sans délibération publiée")
    return meeting


@public
@require_safe
def deliberation_detail(request, authority, year, sequence):
    act = get_object_or_404(
        PublishedAct.objects.select_related("authority", "deliberation", "corrects"),
        authority__slug=authority,
        year=year,
        sequence=sequence,
    )
    view = published_act_view(act)
    return render(
        request,
        "front/deliberation.html",
        {
            "act": act,
            "view": view,
            "deliberation": act.deliberation,  # its transmission, recorded after publication
            "meeting_pk": act.deliberation.item.meeting_id,
            "subject": _subject_label(act.actes_code),
        },
    )


@public
@require_safe
def act_json(request, authority, year, sequence):
    """The act exactly as frozen and fingerprinted: its SHA-256 is the fingerprint of the chain."""
    content = get_object_or_404(
        PublishedAct.objects.values_list("content", flat=True),
        authority__slug=authority,
        year=year,
        sequence=sequence,
    )
    response = HttpResponse(content.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="acte-{authority}-{year}-{sequence}.json"'
    return response


@public
@require_safe
def meeting_detail(request, pk):
    meeting = _published_meeting(pk)
    acts = list(
        PublishedAct.objects.filter(deliberation__item__meeting=meeting)
        .select_related("authority")
        .order_by("deliberation__item__position", "pk")
    )
    first = published_act_view(acts[0])
    return render(request, "front/meeting.html", {"meeting": meeting, "acts": acts, "first": first})


def _subject_label(code: str) -> str:
    if not code:
        return ""
    known = actes.subject(code)
    return f"{code} {known.parent_title} / {known.title}" if known else code
