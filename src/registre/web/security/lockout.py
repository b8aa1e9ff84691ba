"""Login lock-outs (django-axes): the page a locked-out login gets, instead of axes' English
message, and the handler that gives an account and an address their own limits."""

from __future__ import annotations

import math

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
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


class RegistreAxesHandler(AxesDatabaseHandler):
    """django-axes' database handler with two limits: AXES_FAILURE_LIMIT failures for one account,
    REGISTRE_ADDRESS_FAILURE_LIMIT (higher) from one address, since an authority's offices often
    share one public address. The address's count is put on the account's scale, so that axes'
    single comparison with AXES_FAILURE_LIMIT applies both."""

    def get_failures(self, request, credentials=None) -> int:
        per_account, per_address = (
            attempts.aggregate(Sum("failures_since_start"))["failures_since_start__sum"] or 0
            for attempts in self.get_user_attempts(request, credentials)  # AXES_LOCKOUT_PARAMETERS' order
        )
        scale = settings.AXES_FAILURE_LIMIT / settings.REGISTRE_ADDRESS_FAILURE_LIMIT
        return max(per_account, math.floor(per_address * scale + 1e-9))
