"""The public portal's open-data page and downloads (/donnees/): the SCDL files, streamed, with
the report of the rows they leave out; the chain of published acts."""

from __future__ import annotations

import io
import os
import tempfile

from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from registre.opendata.schemas import DELIBERATIONS, GRANTS, official_schema
from registre.web.accounts.permissions import public
from registre.web.register.models import Authority

from .exports import chain_rows, export_scdl, left_out_report, write_chain_csv

REPORTS = {DELIBERATIONS: "opendata:scdl-deliberations-report", GRANTS: "opendata:scdl-grants-report"}


@public
def index(request):
    return render(
        request,
        "opendata/index.html",
        {
            "authorities": Authority.objects.order_by("name"),
            "deliberations": official_schema(DELIBERATIONS),
            "grants": official_schema(GRANTS),
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
    return scdl_report(DELIBERATIONS, request.GET.get("authority"), request.build_absolute_uri("/"))


@public
def grants_report(request):
    return scdl_report(GRANTS, request.GET.get("authority"), request.build_absolute_uri("/"))


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
    """Export to a temporary file, invalid rows left out; the open handle outlives the file."""
    handle, path = tempfile.mkstemp(prefix="scdl-", suffix=".csv")
    os.close(handle)
    try:
        result = export_scdl(kind, path, authority=authority, base_url=base_url, skip_invalid=True)
        stream = open(path, "rb")
    finally:
        if os.path.exists(path):
            os.unlink(path)
    return result, stream


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
    response["X-Registre-Lignes-Ecartees"] = str(len(result.left_out))
    report = reverse(REPORTS[kind]) + (f"?authority={authority.slug}" if authority else "")
    response["Link"] = f'<{report}>; rel="describedby"'
    return response


def scdl_report(kind: str, authority_slug: str | None, base_url: str):
    authority, missing = _authority(authority_slug)
    if missing:
        return missing
    result, stream = _export(kind, authority, base_url)
    stream.close()
    report = left_out_report(result, _file_name(kind, authority))
    return JsonResponse(report, json_dumps_params={"ensure_ascii": False, "indent": 1})


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
