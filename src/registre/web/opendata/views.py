"""The public portal's open-data page and downloads (/donnees/): the SCDL files, streamed."""

from __future__ import annotations

import os
import tempfile

from django.http import FileResponse, JsonResponse
from django.shortcuts import render

from registre.opendata.findings import PublicationBlocked
from registre.opendata.schemas import DELIBERATIONS, GRANTS, official_schema
from registre.web.accounts.permissions import public
from registre.web.register.models import Authority

from .exports import export_scdl


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


def scdl_download(kind: str, authority_slug: str | None, base_url: str):
    """Export to a temporary file (validated row by row), then stream it: constant memory."""
    authority = None
    if authority_slug:
        authority = Authority.objects.filter(slug=authority_slug).first()
        if authority is None:
            return JsonResponse({"detail": f"Collectivité inconnue : « {authority_slug} »."}, status=404)
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
