"""Explicit permissions: every view declares one of these decorators.

A clerk sees only their own authority's records: lookups go through
``authority_scope`` so that another authority's record answers 404, not 403,
and its existence is not revealed.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def public(view):
    """Open to everyone, including anonymous visitors: only published records may be shown."""
    view.permission = "public"
    return view


def _role_required(name: str, test):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.permission = name
        return wrapper

    return decorator


authenticated = _role_required("authenticated", lambda user: True)
clerk_required = _role_required("clerk", lambda user: user.is_clerk)
grants_officer_required = _role_required("grants_officer", lambda user: user.is_grants_officer)
# The authority's staff: its clerks and its grants officers (e.g. imported history either may complete).
authority_staff_required = _role_required(
    "authority_staff", lambda user: user.is_clerk or user.is_grants_officer
)
beneficiary_required = _role_required("beneficiary", lambda user: user.is_beneficiary)
administrator_required = _role_required("administrator", lambda user: user.is_administrator)


def authority_scope(user):
    """The authority whose records this user may change, or None."""
    if user.is_authenticated and user.authority_id and (user.is_clerk or user.is_grants_officer):
        return user.authority
    return None
