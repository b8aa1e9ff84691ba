"""In a real browser: the beneficiary logs in, submits the 2021 indicators and the activity
report; the grants officer sees them and the obligations turn "received"."""

import pytest

from .conftest import pdf_bytes

pytestmark = pytest.mark.browser

INDICATORS = {
    "Effectifs — Entreprises du territoire adhérentes": "11000",
    "Chiffre d'affaires (€) — Entreprises du territoire adhérentes": "1360000000",
    "Chercheurs concernés par les programmes — Laboratoires du territoire": "450",
    "Publications — Laboratoires du territoire": "85",
    "Brevets déposés dans le cadre de ces programmes — Laboratoires du territoire": "6",
}


def _login(page, url, username):
    page.goto(f"{url}/comptes/connexion/")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill("registre-demo")
    page.get_by_role("button", name="Se connecter").click()


def _state(page, kind):
    return page.locator(f'tr[data-obligation="{kind}"]').get_attribute("data-state")


def test_beneficiary_submits_and_the_officer_sees_it_received(
    live_server, live_demo, page, screenshot, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    report = tmp_path / "rapport-activite-2021.pdf"
    report.write_bytes(pdf_bytes())

    _login(page, live_server.url, "pole-microtechniques")
    assert page.get_by_role("heading", level=1).inner_text() == "Mes conventions de subvention"
    page.get_by_role("link", name="Convention 2021/005795 — Grand Besançon Métropole").click()
    assert _state(page, "activity_report") == "late"
    assert _state(page, "indicators") == "late"

    page.get_by_role("link", name="Transmettre les indicateurs territoriaux").click()
    page.get_by_label("Année").fill("2021")
    for label, value in INDICATORS.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Emplois créés ou maintenus, par entreprise impliquée").fill(
        "Microtech SA ; 4\nHorlogerie Comtoise ; 2"
    )
    page.get_by_role("button", name="Transmettre les indicateurs").click()
    assert "Indicateurs 2021 transmis." in page.locator(".messages").inner_text()

    page.get_by_role("link", name="Transmettre un rapport ou un document").click()
    page.get_by_label("Document").select_option("activity_report")
    page.get_by_label("Fichier").set_input_files(str(report))
    page.get_by_role("button", name="Transmettre").click()
    assert "Document transmis au service des subventions." in page.locator(".messages").inner_text()
    assert _state(page, "activity_report") == "received"
    assert _state(page, "indicators") == "received"
    assert _state(page, "financial_report") == "late"
    screenshot("subventions-portail-beneficiaire")
    page.get_by_role("button", name="Se déconnecter (pole-microtechniques)").click()

    _login(page, live_server.url, "subventions")
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Conventions de subvention — Grand Besançon Métropole"
    )
    overdue = page.locator('table[data-list="overdue"]').inner_text()
    assert "Compte-rendu financier" in overdue and "Rapport d'activité" not in overdue
    page.get_by_role("link", name="2021/005795", exact=True).click()
    assert _state(page, "activity_report") == "received"
    assert _state(page, "indicators") == "received"
    assert (
        "Rapport d'activité — rapport-activite-2021.pdf"
        in page.locator('tr[data-submission="activity_report"]').inner_text()
    )
    indicators = page.locator('table[data-indicators="2021"]').inner_text()
    assert (
        "Horlogerie Comtoise" in indicators
        and "Brevets déposés dans le cadre de ces programmes" in indicators
    )
    assert "50,2" in page.locator('[data-finding="programme.private_share_below_objective"]').inner_text()
    assert screenshot("subventions-convention-agent").stat().st_size > 10_000
