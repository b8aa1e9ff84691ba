"""In a real browser, the grants officer: saves the budget without touching its blank rows; on the
agreement page, a refused payment shows a summary at the top, focused, whose link leads to the
field; every id of the page is unique; no select shows Django's "---------"."""

import collections

import pytest

pytestmark = pytest.mark.browser


def _login(page, url):
    page.goto(f"{url}/comptes/connexion/")
    page.get_by_label("Identifiant").fill("subventions")
    page.get_by_label("Mot de passe").fill("registre-demo")
    page.get_by_role("button", name="Se connecter").click()


def test_the_budget_saves_with_its_blank_rows_left_alone(live_server, live_demo, page):
    _login(page, live_server.url)
    page.goto(f"{live_server.url}/subventions/conventions/{live_demo['agreement'].pk}/budget/")
    page.get_by_role("button", name="Enregistrer le budget").click()
    assert page.get_by_role("status").inner_text() == "Budget prévisionnel enregistré."


def test_a_refused_payment_is_summarised_at_the_top(live_server, live_demo, page, screenshot):
    _login(page, live_server.url)
    page.goto(f"{live_server.url}/subventions/conventions/{live_demo['agreement'].pk}/")
    ids = page.evaluate("Array.from(document.querySelectorAll('[id]'), e => e.id)")
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    assert "---------" not in page.locator("main").inner_text()
    page.locator("#id_payment-amount").fill("10")
    page.get_by_role("button", name="Enregistrer le versement").click()
    summary = page.locator(".error-summary")
    assert summary.get_by_role("heading").inner_text() == "Versement non enregistré : 1 erreur"
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.evaluate("window.scrollY") < summary.bounding_box()["y"] + 10  # in view, at the top
    screenshot("agreement-refused-payment")
    summary.get_by_role("link", name="Versé le : Renseignez ce champ.").click()
    page.wait_for_function("location.hash === '#id_payment-paid_on'")
    assert page.locator("#id_payment-paid_on").get_attribute("aria-invalid") == "true"
