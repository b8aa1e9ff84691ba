"""A real browser opens the public page of the example deliberation."""

import pytest

pytestmark = pytest.mark.browser


def test_public_page_in_a_browser(live_server, live_demo, page, screenshot):
    page.goto(f"{live_server.url}/deliberations/grand-besancon-metropole/2021/5795/")
    assert page.locator('[data-figure="present"]').inner_text() == "91"
    assert page.locator('[data-figure="for"]').inner_text() == "104"
    assert screenshot("deliberation-publique").stat().st_size > 10_000
