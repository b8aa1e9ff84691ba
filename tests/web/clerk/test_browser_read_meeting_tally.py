"""On a 1280 px screen, the clerk reads the whole tally of a 59-item meeting: no column is cut
(no horizontal scroll), and a very long title wraps instead of widening the page."""

import pytest

pytestmark = pytest.mark.browser


def test_the_meeting_tally_fits_a_1280_px_screen(live_server, live_demo, page, screenshot):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/comptes/connexion/")
    page.fill("#id_username", "greffe")
    page.fill("#id_password", "registre-demo")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/greffe/seances/{live_demo['deliberation'].item.meeting_id}/")
    wrap = page.locator(".tally .table-wrap")
    scroll, visible = wrap.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll <= visible, (scroll, visible)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert wrap.get_by_role("columnheader", name="Irrégularités").is_visible()
    screenshot("clerk-meeting-tally-1280")
