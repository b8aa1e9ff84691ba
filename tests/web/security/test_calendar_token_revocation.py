"""Finding 6 (calendar): subscription tokens never expired and could not be revoked. They now
expire after CALENDAR_TOKEN_DAYS, their owner revokes them all in one click, and only a grants
officer's or a beneficiary's token opens a feed. (Kept out of the logs: see the loopback test.)"""

import datetime as dt
import re
import time
from unittest import mock

from django.utils import timezone

from registre.web.grants.calendar import feed_token


def _feed_path(client, page):
    html = client.get(page).content.decode()
    return re.search(r'value="http://testserver(/subventions/agenda/[^"]+\.ics)"', html).group(1), html


def test_the_owner_revokes_every_link(client_for, client, demo):
    officer = client_for("subventions")
    old, html = _feed_path(officer, "/subventions/")
    expires = timezone.localdate() + dt.timedelta(days=365)
    assert f"Valable jusqu'au {expires.day} " in html.replace("&#x27;", "'")
    assert client.get(old).status_code == 200
    response = officer.post("/subventions/agenda/revoquer/", follow=True)
    assert response.redirect_chain[-1][0] == "/subventions/"
    assert "Les anciennes adresses d&#x27;abonnement ne fonctionnent plus" in response.content.decode()
    assert client.get(old).status_code == 404
    new, _html = _feed_path(officer, "/subventions/")
    assert new != old and client.get(new).status_code == 200


def test_the_beneficiary_revokes_its_own_links(client_for, client, demo):
    beneficiary = client_for("pole-microtechniques")
    old, _html = _feed_path(beneficiary, "/subventions/portail/")
    officer_feed, _html = _feed_path(client_for("subventions"), "/subventions/")
    response = beneficiary.post("/subventions/agenda/revoquer/")
    assert response["Location"] == "/subventions/portail/"
    assert client.get(old).status_code == 404
    assert client.get(officer_feed).status_code == 200  # someone else's links are untouched


def test_a_token_expires(client, demo, settings):
    officer = demo["users"]["subventions"]
    issued = time.time() - (settings.CALENDAR_TOKEN_DAYS + 1) * 86400
    with mock.patch("time.time", return_value=issued):
        stale = feed_token(officer).token
    assert client.get(f"/subventions/agenda/{stale}.ics").status_code == 404
    assert client.get(f"/subventions/agenda/{feed_token(officer).token}.ics").status_code == 200


def test_a_clerks_token_opens_no_feed(client, demo):
    token = feed_token(demo["users"]["greffe"]).token
    assert client.get(f"/subventions/agenda/{token}.ics").status_code == 404


def test_a_clerk_has_no_links_to_revoke(client_for, demo):
    assert client_for("greffe").post("/subventions/agenda/revoquer/").status_code == 403
