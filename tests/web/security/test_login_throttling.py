"""Finding 2: 300 wrong passwords were tried and the right one then accepted. Now, after 5
failures for one account, or 20 from one address, logins are refused for the cool-off (a French
429 page), the right password included; the attempts are logged (account and address, never
the password) and an administrator lifts the lock."""

import logging

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client

from registre.web.register.demo import DEMO_PASSWORD

LOGIN = "/comptes/connexion/"


@pytest.fixture(autouse=True)
def real_attempts(settings):
    settings.AXES_FAILURE_LIMIT, settings.REGISTRE_ADDRESS_FAILURE_LIMIT = 5, 20


def _login(username, password, address="127.0.0.1"):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password})


def test_an_account_is_locked_after_five_failures_from_anywhere(demo, caplog):
    with caplog.at_level(logging.INFO, logger="axes"):
        statuses = [_login("greffe", f"essai-{n}", f"127.0.0.{10 + n}").status_code for n in range(5)]
        refused = _login("greffe", DEMO_PASSWORD, "127.0.0.30")
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Connexion suspendue" in html and "pendant 15 minutes" in html
    assert "_auth_user_id" not in refused.client.session
    assert "Locking out" in caplog.text and "greffe" in caplog.text
    assert "essai-" not in caplog.text  # passwords are never logged
    attempts = AccessAttempt.objects.filter(username="greffe")
    assert sum(a.failures_since_start for a in attempts) >= 5
    assert not any("essai-" in a.post_data for a in attempts)
    assert AccessFailureLog.objects.filter(username="greffe").count() >= 5


def test_an_address_is_locked_after_twenty_failures_on_any_accounts(demo):
    """An authority's offices often share one address: it gets more tries than one account."""
    statuses = [_login(f"agent-{n}", "mauvais", "127.0.0.40").status_code for n in range(20)]
    assert statuses == [200] * 19 + [429]
    assert _login("subventions", DEMO_PASSWORD, "127.0.0.40").status_code == 429
    assert _login("subventions", DEMO_PASSWORD, "127.0.0.41").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(demo):
    for _ in range(4):
        _login("greffe", "mauvais", "127.0.0.50")
    assert _login("greffe", DEMO_PASSWORD, "127.0.0.50").status_code == 302
    for _ in range(4):
        assert _login("greffe", "mauvais", "127.0.0.50").status_code == 200  # counting from zero again
    assert _login("greffe", DEMO_PASSWORD, "127.0.0.50").status_code == 302


def test_the_administrator_lifts_the_lock(demo, client_for):
    for attempt in range(5):
        _login("greffe", "mauvais", f"127.0.0.{60 + attempt}")
    assert _login("greffe", DEMO_PASSWORD, "127.0.0.70").status_code == 429
    admin = client_for("admin")
    listing = admin.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "greffe" in listing.content.decode()
    pks = [str(pk) for pk in AccessAttempt.objects.filter(username="greffe").values_list("pk", flat=True)]
    response = admin.post(
        "/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": pks, "post": "yes"}
    )
    assert response.status_code == 302
    assert _login("greffe", DEMO_PASSWORD, "127.0.0.70").status_code == 302


def test_the_lock_is_lifted_from_the_command_line_too(demo):
    from django.core.management import call_command

    for attempt in range(5):
        _login("greffe", "mauvais", f"127.0.0.{80 + attempt}")
    assert _login("greffe", DEMO_PASSWORD).status_code == 429
    call_command("axes_reset_username", "greffe", verbosity=0)
    assert _login("greffe", DEMO_PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(demo):
    for attempt in range(5):
        Client(REMOTE_ADDR="127.0.0.90").post(
            "/admin/login/", {"username": "admin", "password": f"essai-{attempt}"}
        )
    response = Client(REMOTE_ADDR="127.0.0.91").post(
        "/admin/login/", {"username": "admin", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 429
