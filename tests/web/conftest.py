"""Fixtures for the web tests: the demo data, logged-in clients per role, and a
real browser (Playwright driving Debian's chromium) for the browser tests."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made
# by fixtures around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def second_deliberation(demo):
    """second_deliberation(**fields): another deliberation of the example meeting (another item),
    numbered 2021/005796: a draft unless ``fields`` say otherwise."""
    from registre.web.register.models import Deliberation

    def create(**fields):
        published = demo["deliberation"]
        item = published.item.meeting.items.exclude(pk=published.item_id).order_by("position").first()
        return Deliberation.objects.create(
            authority=published.authority, item=item, number="2021/005796", year=2021, sequence=5796, **fields
        )

    return create


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


def publish_accepting_warnings(deliberation, **options):
    """Publish through the service, as a clerk who accepts every warning shown (tests only)."""
    from registre.web.register import services

    review = services.review(deliberation)
    act = services.publish(deliberation, acknowledged=review.warning_keys(), **options)
    deliberation.refresh_from_db()
    return act


def small_meeting(authority, day, items: int, council_name: str = "Bureau"):
    """A council of three, all present, and ``items`` items adopted unanimously: publishable acts."""
    from registre.web.register.models import Attendance, Council, Item, Meeting, Member

    council, _ = Council.objects.get_or_create(authority=authority, name=council_name)
    if not council.members.exists():
        for n in range(3):
            Member.objects.create(council=council, first_name="Élu", last_name=f"MEMBRE{n}")
    meeting = Meeting.objects.create(council=council, date=day, members_in_office=3)
    for member in council.members.all():
        Attendance.objects.create(meeting=meeting, member=member, present=True)
    return [
        Item.objects.create(meeting=meeting, number=n, position=n, title=f"Rapport {n}", unanimous=True)
        for n in range(1, items + 1)
    ]


def legacy_act(deliberation):
    """An act published before acts were checked and frozen (migration 0005 froze it as it was):
    what imported history may hold, a row the SCDL checks may refuse."""
    from django.utils import timezone

    from registre.web.register import services
    from registre.web.register.models import Deliberation

    act = services.freeze_legacy(deliberation)
    Deliberation.objects.filter(pk=deliberation.pk).update(
        status=Deliberation.PUBLISHED, published_at=timezone.now()
    )
    deliberation.refresh_from_db()
    return act


@pytest.fixture
def draft_elsewhere(demo):
    """A draft of the demo's authority at a meeting with nothing published."""
    from registre.web.register.models import Deliberation

    item = small_meeting(demo["authority"], dt.date(2021, 12, 2), 1)[0]
    return Deliberation.objects.create(
        authority=demo["authority"], item=item, title="Projet de délibération", actes_code="8.3"
    )


@pytest.fixture
def client_for(client, demo):
    """client_for("greffe") -> a test client logged in as that demo account."""
    from django.test import Client

    def login(username: str) -> Client:
        logged = Client()
        logged.force_login(demo["users"][username] if username in demo["users"] else _user(username))
        return logged

    return login


def _user(username):
    from registre.web.accounts.models import User

    return User.objects.get(username=username)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium absent : installez le paquet Debian chromium (make test le fait en root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    """screenshot("name") saves var/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
