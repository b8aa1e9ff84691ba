from pathlib import Path

import pytest

from registre.demo import EXAMPLE_EXTRACT
from tests.shared_data import SHARED  # noqa: F401  (one lookup for the shared data)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE_EXTRACT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE_EXTRACT


# ----- the database: the demo loaded once per test database, for every test that uses one -----


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher():
    """Tests log in with known passwords: a fast hasher instead of PBKDF2's deliberate cost."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def flush_without_triggers():
    """The database refuses to delete published acts and the audit trail (register.immutability):
    the flush that follows a committing test wipes everything, so it runs without those triggers."""
    from django.core.management.commands import flush
    from django.db import connections

    from registre.web.register import immutability

    original = flush.Command.handle

    def handle(self, **options):
        connection = connections[options.get("database") or "default"]
        with immutability.suspended(connection):
            return original(self, **options)

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


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
def live_demo(transactional_db):
    """The demo in a committed database, for a live server in another thread (browser tests)."""
    from registre.web.register.demo import load_demo

    return load_demo()
