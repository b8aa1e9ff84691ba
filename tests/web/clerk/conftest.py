"""The clerks' clients and helpers (the clerks' test council and meeting: tests/web/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def greffe(client_for):
    return client_for("greffe")


@pytest.fixture
def voisine(client_for):
    return client_for("greffe-voisine")


def member(council, last_name):
    return council.members.get(last_name=last_name)


def item_url(meeting, number, action=""):
    return f"/greffe/seances/{meeting.pk}/questions/{number}/{action + '/' if action else ''}"


def figures(html: str) -> dict[str, str]:
    """data-figure values of the tally fragment."""
    import re

    return dict(re.findall(r'data-figure="(\w+)">([^<]*)<', html))
