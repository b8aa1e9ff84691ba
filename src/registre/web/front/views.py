"""Public portal: only published deliberations exist here."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from registre.web.accounts.permissions import public
from registre.web.register.models import Deliberation
from registre.web.register.presentation import item_attendance


def published():
    return Deliberation.objects.filter(status=Deliberation.PUBLISHED).select_related("authority", "item__meeting")


@public
def home(request):
    page = Paginator(published().order_by("-published_at", "-pk"), 25).get_page(request.GET.get("page"))
    return render(request, "front/home.html", {"page": page})


@public
def deliberation_detail(request, authority, year, sequence):
    deliberation = get_object_or_404(published(), authority__slug=authority, year=year, sequence=sequence)
    return render(request, "front/deliberation.html", {
        "deliberation": deliberation,
        "attendance": item_attendance(deliberation.item),
    })
