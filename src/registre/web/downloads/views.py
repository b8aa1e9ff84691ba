"""Download buttons: the register's documents as files. Every view declares its permission.

The public gets published deliberations only (anything else is 404); a clerk gets any
state, scoped to their authority (another authority's record is 404); a grant agreement
goes to the grants officers of its authority and to its beneficiary's accounts.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from registre.documents import MEDIA_TYPES, document, render_agreement
from registre.web.accounts.permissions import authenticated, authority_scope, clerk_required, public
from registre.web.grants.conversion import to_core
from registre.web.grants.models import Agreement
from registre.web.register.models import Deliberation, Meeting, PublishedAct

from .records import meeting_record, published_record

DOCUMENT_FORMATS = ("pdf", "docx")


def _check_format(format: str) -> None:
    if format not in DOCUMENT_FORMATS:
        raise Http404("format inconnu")


def _attachment(content: bytes, file_name: str, media_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Content-Length"] = str(len(content))
    return response


def _send(kind, record, format, deliberation=None) -> HttpResponse:
    rendered = document(kind, record, format, deliberation=deliberation)
    return _attachment(rendered.content, rendered.file_name, rendered.media_type)


def _act_extract(act: PublishedAct, format: str):
    if act.data.get("item") is None:
        raise Http404("acte repris de données ouvertes importées : pas d'extrait du registre")
    return _send("extract", published_record([act]), format, act.number)


@public
def public_extract(request, pk: int, format: str):
    _check_format(format)
    act = get_object_or_404(PublishedAct.objects.select_related("deliberation"), deliberation_id=pk)
    return _act_extract(act, format)


@public
def public_list(request, pk: int, format: str):
    _check_format(format)
    meeting = get_object_or_404(Meeting.objects.select_related("council__authority"), pk=pk)
    published = list(
        PublishedAct.objects.filter(deliberation__item__meeting=meeting).select_related("deliberation")
    )
    if not published or not any(act.data.get("item") for act in published):
        raise Http404("aucune délibération publiée pour cette séance")
    return _send("list", published_record(published), format)


@clerk_required
def clerk_extract(request, pk: int, format: str):
    _check_format(format)
    deliberation = get_object_or_404(
        Deliberation.objects.select_related("item__meeting__council__authority"),
        pk=pk,
        authority=authority_scope(request.user),
    )
    if deliberation.is_published:
        return _act_extract(deliberation.act, format)
    return _send("extract", meeting_record(deliberation.item.meeting), format, deliberation.number)


@clerk_required
def clerk_meeting_document(request, pk: int, kind: str, format: str):
    _check_format(format)
    if kind not in ("list", "minutes"):
        raise Http404("document inconnu")
    meeting = get_object_or_404(
        Meeting.objects.select_related("council__authority"),
        pk=pk,
        council__authority=authority_scope(request.user),
    )
    return _send(kind, meeting_record(meeting), format)


@authenticated
def agreement(request, pk: int, format: str):
    """The grants officers of the agreement's authority, and its beneficiary's accounts; anyone else: 404."""
    _check_format(format)
    user = request.user
    agreements = Agreement.objects.select_related("authority", "beneficiary")
    if user.is_grants_officer and authority_scope(user) is not None:
        found = get_object_or_404(agreements, pk=pk, authority=authority_scope(user))
    elif user.is_beneficiary:
        found = get_object_or_404(agreements, pk=pk, beneficiary__accounts=user)
    else:
        raise Http404("convention inconnue")
    council = found.deliberation.item.meeting.council.name if found.deliberation_id else "Conseil"
    content = render_agreement(to_core(found), format, council=council)
    name = f"convention_{found.reference.replace('/', '-')}.{format}"
    return _attachment(content, name, MEDIA_TYPES[format])
