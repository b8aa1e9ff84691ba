"""A small council of Grand Besançon Métropole, a meeting of it, and the clerks' clients."""

from __future__ import annotations

import datetime as dt

import pytest

ROSTER = [
    ("Mme", "Anne", "VIGNOT", "Besançon", False),
    ("M.", "Nicolas", "BODIN", "Besançon", False),
    ("Mme", "Elise", "AEBISCHER", "Besançon", False),
    ("M.", "Laurent", "CROIZIER", "Besançon", False),
    ("M.", "Benoît", "VUILLEMIN", "Saône", False),
    ("Mme", "Françoise", "PRESSE", "Besançon", False),
    ("M.", "Abdel", "GHEZALI", "Besançon", False),
]


@pytest.fixture
def greffe(client_for):
    return client_for("greffe")


@pytest.fixture
def voisine(client_for):
    return client_for("greffe-voisine")


@pytest.fixture
def council(demo):
    from registre.web.register.models import Council, Member

    council = Council.objects.create(authority=demo["authority"], name="Bureau communautaire")
    for civility, first, last, commune, substitute in ROSTER:
        Member.objects.create(
            council=council,
            civility=civility,
            first_name=first,
            last_name=last,
            commune=commune,
            substitute=substitute,
        )
    return council


@pytest.fixture
def meeting(council):
    """7 in office, items 1-3 in passage 1, 2, 3; present at the opening: the first five."""
    from registre.web.register.models import Attendance, Item, Meeting

    members = list(council.members.order_by("pk"))
    meeting = Meeting.objects.create(
        council=council,
        date=dt.date(2024, 3, 14),
        place="Hôtel de ville",
        members_in_office=7,
        chair=members[0],
        secretary=members[5],
    )
    for number in (1, 2, 3):
        Item.objects.create(meeting=meeting, number=number, position=number, title=f"Rapport {number}")
    for member in members:
        Attendance.objects.create(meeting=meeting, member=member, present=member in members[:5])
    return meeting


def member(council, last_name):
    return council.members.get(last_name=last_name)


def item_url(meeting, number, action=""):
    return f"/greffe/seances/{meeting.pk}/questions/{number}/{action + '/' if action else ''}"


def figures(html: str) -> dict[str, str]:
    """data-figure values of the tally fragment."""
    import re

    return dict(re.findall(r'data-figure="(\w+)">([^<]*)<', html))
