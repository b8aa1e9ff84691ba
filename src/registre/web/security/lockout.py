"""The page a locked-out login gets (django-axes calls this instead of its English message)."""

from __future__ import annotations

from django.shortcuts import render


def _duration(delta) -> str:
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} heure{'s' if hours > 1 else ''}"
    return f"{minutes} minute{'s' if minutes > 1 else ''}"


def locked_out(request, original_response=None, credentials=None):
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    context = {"cooloff": _duration(cool_off) if cool_off else ""}
    return render(request, "accounts/locked_out.html", context, status=429)
