"""Fixtures for the web tests: the demo data, logged-in clients per role, and a
real browser (Playwright driving Debian's chromium) for the browser tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made
# by fixtures around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher():
    """Tests log in with known passwords: a fast hasher instead of PBKDF2's deliberate cost."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session")
def django_db_setup(fast_password_hasher, django_db_setup, django_db_blocker):
    """Every test database holds the demo, loaded once: each test runs in a transaction that is
    rolled back after it, so the demo is as loaded at the start of every test."""
    from registre.web.register.demo import load_demo

    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(autouse=True)
def forget_cached_choices():
    """Process-wide caches outlive the rolled-back transaction of the previous test."""
    from registre.web.front.forms import forget_authorities

    forget_authorities()


@pytest.fixture
def demo(db):
    """The demo's records (already in the database: reading them back is cheap)."""
    from registre.web.register.demo import load_demo

    return load_demo()


def _commits(item: pytest.Item) -> bool:
    """Tests on a committed database (live server, several connections) are followed by a flush."""
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction", False)
    return bool(transactional) or not {"transactional_db", "live_server"}.isdisjoint(item.fixturenames)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the flush that follows a committing test, load the demo again for the next tests."""
    result = yield
    if nextitem is not None and _commits(item):
        from pytest_django.plugin import blocking_manager_key

        from registre.web.register.demo import load_demo

        with item.config.stash[blocking_manager_key].unblock():
            load_demo()
    return result


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


@pytest.fixture
def live_demo(transactional_db):
    """The demo in a committed database, for a live server in another thread (browser tests)."""
    from registre.web.register.demo import load_demo

    return load_demo()


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
