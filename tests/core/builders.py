"""Short ways to write a meeting in a test: members are named by their last name."""

from __future__ import annotations

import datetime as dt

from registre.core import (
    WHOLE_MEETING,
    Attendance,
    Authority,
    Item,
    Meeting,
    Member,
    Proxy,
    Vote,
    Window,
    member_key,
)

ORDINARY_DAY = dt.date(2023, 3, 1)


def key(last: str) -> str:
    return member_key("Prénom", last)


def members(*lasts: str, commune: str | None = None, substitute: bool = False) -> tuple[Member, ...]:
    return tuple(Member("Prénom", last, "M.", commune, substitute) for last in lasts)


def names(count: int, prefix: str = "M") -> list[str]:
    return [f"{prefix}{index:03d}" for index in range(count)]


def present(last: str, window: Window = WHOLE_MEETING) -> Attendance:
    return Attendance(key(last), True, window)


def absent(last: str, window: Window = WHOLE_MEETING) -> Attendance:
    return Attendance(key(last), False, window)


def proxy(principal: str, holder: str, window: Window = WHOLE_MEETING) -> Proxy:
    return Proxy(key(principal), key(holder), window)


def meeting(
    roster,
    attendance,
    proxies=(),
    items=(),
    order=None,
    day=ORDINARY_DAY,
    in_office=None,
    chair=None,
) -> Meeting:
    items = tuple(items) or (Item(1, "Question", vote=Vote(unanimous=True)),)
    order = tuple(order) if order else tuple(sorted(i.number for i in items))
    return Meeting(
        authority=Authority("Commune de Test"),
        date=day,
        members=tuple(roster),
        order_of_passage=order,
        items=items,
        attendance=tuple(attendance),
        proxies=tuple(proxies),
        members_in_office=in_office,
        chair=key(chair) if chair else None,
    )


def item(number: int = 1, *, interested=(), vote: Vote | None = None) -> Item:
    return Item(
        number, f"Question {number}", frozenset(key(n) for n in interested), vote or Vote(unanimous=True)
    )


def codes(findings) -> list[str]:
    return [f.code for f in findings]
