"""The public portal's open-data page and downloads (/donnees/): the SCDL files, streamed, and the
report of the imported rows they leave out; and the pages where a grants officer or a clerk
completes the imported rows kept with findings (/donnees/historique/)."""

from __future__ import annotations

import os
import tempfile

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from registre.opendata.findings import PublicationBlocked
from registre.opendata.schemas import DELIBERATIONS, GRANTS, official_schema
from registre.web.accounts.permissions import (
    authority_scope,
    authority_staff_required,
    clerk_required,
    public,
)
from registre.web.register.models import Authority

from . import history
from .exports import export_scdl
from .forms import CompletionForm
from .models import ImportedDeliberation, ImportedGrant

PAGE_ROWS = 50


@public
def index(request):
    return render(
        request,
        "opendata/index.html",
        {
            "authorities": Authority.objects.order_by("name"),
            "deliberations": official_schema(DELIBERATIONS),
            "grants": official_schema(GRANTS),
            "reports": [
                (kind, official_schema(kind).title, history.left_out_groups(kind))
                for kind in (GRANTS, DELIBERATIONS)
            ],
        },
    )


@public
def deliberations_csv(request):
    return scdl_download(DELIBERATIONS, request.GET.get("authority"), request.build_absolute_uri("/"))


@public
def grants_csv(request):
    return scdl_download(GRANTS, request.GET.get("authority"), request.build_absolute_uri("/"))


@public
def deliberations_report(request):
    return report_download(DELIBERATIONS, request.GET.get("authority"))


@public
def grants_report(request):
    return report_download(GRANTS, request.GET.get("authority"))


def _authority(slug: str | None):
    if not slug:
        return None, None
    authority = Authority.objects.filter(slug=slug).first()
    if authority is None:
        return None, JsonResponse({"detail": f"Collectivité inconnue : « {slug} »."}, status=404)
    return authority, None


def report_download(kind: str, authority_slug: str | None):
    """The report beside the public file: the imported rows it leaves out, and why."""
    authority, missing = _authority(authority_slug)
    if missing:
        return missing
    report = history.left_out_report(kind, authority)
    return JsonResponse(report.as_dict(), json_dumps_params={"ensure_ascii": False, "indent": 1})


def scdl_download(kind: str, authority_slug: str | None, base_url: str):
    """Export to a temporary file (validated row by row), then stream it: constant memory."""
    authority, missing = _authority(authority_slug)
    if missing:
        return missing
    handle, path = tempfile.mkstemp(prefix="scdl-", suffix=".csv")
    os.close(handle)
    try:
        export_scdl(kind, path, authority=authority, base_url=base_url)
        stream = open(path, "rb")
    except PublicationBlocked as blocked:
        return JsonResponse(
            {"detail": str(blocked), "findings": [f.as_dict() for f in blocked.findings]}, status=409
        )
    finally:
        if os.path.exists(path):
            os.unlink(path)  # the open handle keeps the data readable until the response is sent
    name = f"{kind}{'-' + authority.slug if authority else ''}.csv"
    return FileResponse(stream, as_attachment=True, filename=name, content_type="text/csv; charset=utf-8")


# ----- the imported history to complete (grants officer, clerk) -----


@authority_staff_required
def history_list(request):
    authority = authority_scope(request.user)
    kind = DELIBERATIONS if request.GET.get("type") == "deliberations" else GRANTS
    rows = history.pending(kind, authority)
    page = Paginator(rows, PAGE_ROWS).get_page(request.GET.get("page"))
    for row in page:
        row.label = history.label(row)
    return render(
        request,
        "opendata/history.html",
        {
            "authority": authority,
            "kind": kind,
            "page": page,
            "counts": {k: history.pending(k, authority).count() for k in (GRANTS, DELIBERATIONS)},
            "can_complete": kind == GRANTS or request.user.is_clerk,
        },
    )


@authority_staff_required
def complete_grant(request, pk):
    row = get_object_or_404(ImportedGrant, pk=pk, authority=authority_scope(request.user))
    return _complete(request, row, GRANTS)


@clerk_required
def complete_deliberation(request, pk):
    row = get_object_or_404(ImportedDeliberation, pk=pk, authority=authority_scope(request.user))
    return _complete(request, row, DELIBERATIONS)


def _complete(request, row, kind):
    form = CompletionForm(kind, request.POST or None, initial=history.current_cells(row))
    if request.method == "POST" and form.is_valid():
        try:
            history.complete_imported_row(row, form.cells(), request.user)
        except history.CompletionRefused as refused:
            form.refuse(refused.findings)
        else:
            messages.success(
                request,
                f"Ligne {row.source_line} de {row.source_file} complétée : elle est publiée "
                "dans les données ouvertes.",
            )
            return redirect(f"{reverse('opendata:history')}?type={kind}")
    return render(
        request,
        "opendata/complete.html",
        {
            "row": row,
            "kind": kind,
            "form": form,
            "label": history.label(row),
            "completions": row.completions.select_related("completed_by"),
        },
    )
