"""Clerk back office: only the clerk's own authority."""

from __future__ import annotations

from django.shortcuts import render

from registre.web.accounts.permissions import authority_scope, clerk_required
from registre.web.register.models import Meeting


@clerk_required
def dashboard(request):
    authority = authority_scope(request.user)
    meetings = Meeting.objects.filter(council__authority=authority).select_related("council")
    return render(request, "clerk/dashboard.html", {"authority": authority, "meetings": meetings})
