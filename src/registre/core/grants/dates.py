"""Calendar arithmetic for agreements: months and years, clamped to the month's end."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def format_date(day: dt.date | None) -> str:
    if day is None:
        return "—"
    months = (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    )
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {months[day.month - 1]} {day.year}"
