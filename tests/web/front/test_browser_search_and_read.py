"""In a real browser, an anonymous visitor searches a word of the example's title with the keyboard
only and opens the deliberation page, which shows the vote figures."""

import pytest

pytestmark = pytest.mark.browser


def test_visitor_searches_then_reads_the_figures(live_server, live_demo, page, screenshot):
    from registre.web.register.presentation import item_attendance

    tally = item_attendance(live_demo["deliberation"].item).tally
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"  # first stop: the skip link
    page.get_by_label("Rechercher dans les délibérations publiées").fill("microtechnique")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=microtechnique*")
    result = page.get_by_role("link", name="Délibération n°2021/005795", exact=False)
    assert result.count() == 1
    screenshot("portail-recherche")
    result.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/deliberations/grand-besancon-metropole/2021/5795/")
    assert page.locator('[data-figure="present"]').inner_text() == str(tally.present_count)
    assert page.locator('[data-figure="represented"]').inner_text() == str(tally.represented_count)
    assert page.locator('[data-figure="not_participating"]').inner_text() == str(tally.not_participating)
    assert page.locator('[data-figure="for"]').inner_text() == str(tally.votes_for)
    assert page.get_by_role("heading", name="Présents à cette question").is_visible()
    outline = page.evaluate("""() => { const a = document.querySelector('main a'); a.focus();
                                       return getComputedStyle(a).outlineStyle; }""")
    assert outline == "solid"  # keyboard focus is visible
    assert screenshot("portail-deliberation").stat().st_size > 10_000
