"""The obligations calendar as an iCalendar feed (RFC 5545), with the icalendar library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from icalendar import Calendar, Event

from registre.web.accounts.models import User

from .conversion import obligation_lines


def build_calendar(
    agreements, name: str, *, beneficiary_only: bool = False, today: dt.date | None = None
) -> bytes:
    today = today or timezone.localdate()
    calendar = Calendar()
    calendar.add("prodid", "-//Registre//Conventions de subvention//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for agreement in agreements:
        for line in obligation_lines(agreement, today):
            obligation = line.obligation
            if beneficiary_only and not obligation.kind.by_beneficiary and obligation.kind.submitted:
                continue
            event = Event()
            event.add("uid", f"{agreement.pk}-{obligation.kind.value}-{obligation.year or ''}@registre")
            event.add("dtstamp", stamp)
            event.add("dtstart", obligation.due_on)
            event.add("dtend", obligation.due_on + dt.timedelta(days=1))
            event.add("summary", f"{obligation.label} — {agreement.beneficiary} ({agreement.reference})")
            event.add("description", f"État : {line.state.label}. {obligation.note}".strip())
            event.add("categories", [obligation.kind.label])
            calendar.add_component(event)
    return calendar.to_ical()


def calendar_response(agreements, name: str, **options) -> HttpResponse:
    response = HttpResponse(
        build_calendar(agreements, name, **options), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="conventions.ics"'
    return response


_SALT = "registre.grants.calendar"


@dataclass(frozen=True)
class FeedLink:
    token: str
    expires_on: dt.date


def feed_token(user) -> FeedLink:
    """A personal subscription token, valid CALENDAR_TOKEN_DAYS; revoking the person's links
    (or changing the password) ends every token issued before."""
    token = signing.dumps({"u": user.pk, "v": _version(user), "p": _stamp(user)}, salt=_SALT, compress=True)
    return FeedLink(token, timezone.localdate() + dt.timedelta(days=settings.CALENDAR_TOKEN_DAYS))


def revoke_feed_tokens(user) -> None:
    from .models import CalendarAccess

    with transaction.atomic():
        access, _ = CalendarAccess.objects.select_for_update().get_or_create(user=user)
        access.version += 1
        access.revoked_at = timezone.now()
        access.save()


def _version(user) -> int:
    from .models import CalendarAccess

    return CalendarAccess.objects.filter(user=user).values_list("version", flat=True).first() or 1


def _stamp(user) -> str:
    """Bound to the password without revealing any of its hash."""
    return salted_hmac(_SALT, f"{user.pk}:{user.password}").hexdigest()[:20]


def user_of_token(token: str):
    """The account a valid token stands for; None when forged, expired or revoked."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=dt.timedelta(days=settings.CALENDAR_TOKEN_DAYS))
    except signing.BadSignature:  # SignatureExpired included
        return None
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or _stamp(user) != data.get("p") or _version(user) != data.get("v"):
        return None
    return user
