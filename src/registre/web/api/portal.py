"""The public portal's open-data page and downloads (/donnees/): the SCDL files, streamed."""

from __future__ import annotations

from django.shortcuts import render

from registre.opendata.schemas import DELIBERATIONS, GRANTS, official_schema
from registre.web.accounts.permissions import public
from registre.web.register.models import Authority

from .views import scdl_download


@public
def index(request):
    return render(
        request,
        "api/opendata.html",
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
