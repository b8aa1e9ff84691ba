"""A refused action is a French page, never a 500.

Model guards (a published deliberation is read-only, a protected record cannot be deleted)
raise from deep inside Django's admin and forms; whatever view did not catch the refusal,
the visitor gets the reason in French, in the site's layout, and nothing is written (the
request's transaction, if any, is rolled back by the exception)."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import render

log = logging.getLogger("registre.security")


class RefusalMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ValidationError):
            reason, status = " ".join(exception.messages), 400
        elif isinstance(exception, ProtectedError | RestrictedError):
            reason = (
                "Cet enregistrement est utilisé par d'autres (séances, délibérations, conventions…) : "
                "il ne peut pas être supprimé."
            )
            status = 409
        else:
            return None
        log.warning("Action refusée (%s) : %s %s — %s", status, request.method, request.path, reason)
        return render(request, "400.html", {"refusal": reason}, status=status)
