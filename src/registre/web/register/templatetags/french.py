"""Dates in words as the register writes them ("1er décembre 2021", never "1 décembre"), for
every template: ``{% load french %}{{ meeting.date|french_date }}``."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from registre.documents.wording import french_date as _french_date
from registre.documents.wording import french_time

register = template.Library()


def _day(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def french_date(value: dt.date | dt.datetime | None, style: str = "") -> str:
    """ "1er décembre 2021"; ``|french_date:"weekday"``: "mercredi 1er décembre 2021"."""
    if not value:
        return ""
    return _french_date(_day(value), weekday=style == "weekday")


@register.filter
def french_datetime(value: dt.datetime | None) -> str:
    """ "1er décembre 2021 à 18h30", in the local time zone."""
    if not value:
        return ""
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{_french_date(moment.date())} à {french_time(moment.time())}"
