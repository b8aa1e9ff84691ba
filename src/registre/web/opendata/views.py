"""The public portal's open-data page and downloads (/donnees/): the SCDL files, streamed, always
answering (a row that fails a check is left out), with one report per file of the rows it leaves
out and why; the chain of published acts; and the pages where a grants officer or a clerk
completes the imported rows kept with findings (/donnees/historique/)."""

from __future__ import annotations

import io
import os
import tempfile

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from registre.opendata.schemas import DELIBERATIONS, GRANTS, official_schema
from registre.web.accounts.permissions import (
    authority_scope,
    authority_staff_required,
    clerk_required,
    public,
)
from registre.web.register.models import Authority

from . import history
from .exports import chain_rows, export_scdl, file_report, left_out_count, write_chain_csv
from .forms import CompletionForm
from .models import ImportedDeliberation, ImportedGrant

PAGE_ROWS = 50
REPORTS = {DELIBERATIONS: "opendata:report-deliberations", GRANTS: "opendata:report-subventions"}


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
    return report_download(DELIBERATIONS, request.GET.get("authority"), request.build_absolute_uri("/"))


@public
def grants_report(request):
    return report_download(GRANTS, request.GET.get("authority"), request.build_absolute_uri("/"))


def _authority(slug: str | None):
    if not slug:
        return None, None
    authority = Authority.objects.filter(slug=slug).first()
    if authority is None:
        return None, JsonResponse({"detail": f"Collectivité inconnue : « {slug} »."}, status=404)
    return authority, None


def _file_name(kind: str, authority) -> str:
    return f"{kind}{'-' + authority.slug if authority else ''}.csv"


def _export(kind: str, authority, base_url: str):
    """Export to a temporary file (validated row by row, invalid rows left out); the open handle
    outlives the file, so the response streams it in constant memory."""
    handle, path = tempfile.mkstemp(prefix="scdl-", suffix=".csv")
    os.close(handle)
    try:
        result = export_scdl(kind, path, authority=authority, base_url=base_url, skip_invalid=True)
        stream = open(path, "rb")
    finally:
        if os.path.exists(path):
            os.unlink(path)
    return result, stream


def report_download(kind: str, authority_slug: str | None, base_url: str):
    """The report beside the public file: the rows it leaves out (imported with findings not
    lifted, or failing a check of the schema), each with its field and rule."""
    authority, missing = _authority(authority_slug)
    if missing:
        return missing
    result, stream = _export(kind, authority, base_url)
    stream.close()
    report = file_report(kind, result, authority)
    return JsonResponse(report.as_dict(), json_dumps_params={"ensure_ascii": False, "indent": 1})


def scdl_download(kind: str, authority_slug: str | None, base_url: str):
    """The file always answers: a row that fails a check is left out and named in the report."""
    authority, missing = _authority(authority_slug)
    if missing:
        return missing
    result, stream = _export(kind, authority, base_url)
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=_file_name(kind, authority),
        content_type="text/csv; charset=utf-8",
    )
    response["X-Registre-Lignes-Ecartees"] = str(left_out_count(kind, result, authority))
    report = reverse(REPORTS[kind]) + (f"?authority={authority.slug}" if authority else "")
    response["Link"] = f'<{report}>; rel="describedby"'
    return response


@public
def chain_csv(request):
    """Rank, number, date, fingerprint and previous fingerprint of every published act."""
    authority, missing = _authority(request.GET.get("authority"))
    if missing:
        return missing
    text = io.StringIO()
    write_chain_csv(text, chain_rows(authority, request.build_absolute_uri("/")))
    response = HttpResponse(text.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    name = "chaine-des-actes" + (f"-{authority.slug}" if authority else "") + ".csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


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
