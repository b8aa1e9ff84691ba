"""Finding 2 on a real server: a bounded brute force over loopback against `registre serve --demo`
(gunicorn, the real password hasher) is throttled per account and per address; and the calendar
token is kept out of gunicorn's access log and Django's log (finding 6)."""

import re
import time

import pytest

from registre.web.register.demo import DEMO_PASSWORD

from .loopback import Browser, start_demo_server

MAX_ATTEMPTS = 20  # the attack is bounded in count...
MAX_SECONDS = 120  # ...and in time


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = start_demo_server(tmp_path_factory.mktemp("serveur"))
    yield running
    running.stop()


def _brute_force(server, username, addresses):
    """Wrong passwords until the server throttles; the statuses seen."""
    statuses, started = [], time.monotonic()
    for attempt in range(MAX_ATTEMPTS):
        address = addresses[attempt % len(addresses)]
        statuses.append(Browser(server.port, address).login(username, f"devine-{attempt}").status)
        if statuses[-1] == 429 or time.monotonic() - started > MAX_SECONDS:
            break
    return statuses


def test_one_account_is_throttled_whatever_the_address(server):
    addresses = [f"127.0.0.{n}" for n in range(20, 30)]
    statuses = _brute_force(server, "greffe", addresses)
    assert statuses == [200, 200, 200, 200, 429]
    right = Browser(server.port, "127.0.0.31").login("greffe", DEMO_PASSWORD)
    assert right.status == 429 and "Connexion suspendue" in right.body
    assert "sessionid" not in Browser(server.port, "127.0.0.32").cookies


def test_one_address_is_throttled_whatever_the_account(server):
    statuses, started = [], time.monotonic()
    for attempt in range(MAX_ATTEMPTS + 10):
        statuses.append(Browser(server.port, "127.0.0.50").login(f"agent-{attempt}", "devine").status)
        if statuses[-1] == 429 or time.monotonic() - started > MAX_SECONDS:
            break
    assert statuses == [200] * 19 + [429]  # 20 from one address (offices share one)
    assert Browser(server.port, "127.0.0.50").login("subventions", DEMO_PASSWORD).status == 429
    elsewhere = Browser(server.port, "127.0.0.51")
    assert elsewhere.login("subventions", DEMO_PASSWORD).status == 302
    assert elsewhere.get("/subventions/").status == 200


def test_the_calendar_token_stays_out_of_the_logs(server):
    officer = Browser(server.port, "127.0.0.60")
    assert officer.login("subventions", DEMO_PASSWORD).status == 302
    url = re.search(
        r'value="http://[^/]+(/subventions/agenda/[^"]+\.ics)"', officer.get("/subventions/").body
    ).group(1)
    token = url.removeprefix("/subventions/agenda/").removesuffix(".ics")
    calendar = Browser(server.port, "127.0.0.61")  # a calendar application: no session
    assert calendar.get(url).status == 200
    assert calendar.get(url.replace(".ics", "x.ics")).status == 404  # Django logs this one
    time.sleep(1)  # gunicorn writes its access log line after the response
    log = server.log.read_text()
    assert "/subventions/agenda/[jeton masqué].ics" in log
    assert token not in log and token[:20] not in log
