"""In a real browser: the grants officer finds on the dashboard the imported rows to complete, gives the
exact SIRET of a row whose SIRET was damaged upstream, and the row leaves the report of rows left out."""

import pytest

pytestmark = pytest.mark.browser

ROWS = (
    "nomAttribuant;idAttribuant;dateConvention;referenceDecision;nomBeneficiaire;idBeneficiaire;objet;"
    "montant;nature;conditionsVersement;datesPeriodeVersement;idRAE;notificationUE;pourcentageSubvention\n"
    "Grand Besançon Métropole;24250036100000.0;17/07/2023;DEL-2023-07;Club de l'exemple;99990010300014;"
    "Fonctionnement 2023;2 500,00;aide en numéraire;unique;2023-09-01;;non;1\n"
)


def test_grants_officer_completes_a_damaged_siret(live_server, live_demo, page, screenshot, tmp_path):
    from registre.web.opendata.models import ImportedGrant
    from registre.web.opendata.scdl_import import import_scdl_file

    path = tmp_path / "subventions-2023.csv"
    path.write_text(ROWS, encoding="utf-8")
    import_scdl_file(path, authority=live_demo["authority"])
    base = live_server.url
    page.goto(f"{base}/comptes/connexion/")
    page.fill("#id_username", "subventions")
    page.fill("#id_password", "registre-demo")
    page.click("button[type=submit]")
    page.goto(f"{base}/subventions/")
    page.click("text=Historique importé à compléter : 1 ligne(s)")
    page.wait_for_url("**/donnees/historique/")
    assert page.locator('[data-finding="french-siret-value"]').count() == 1
    page.click("td a:has-text('Compléter')")
    page.wait_for_url("**/donnees/historique/subventions/*/")
    assert page.input_value("#id_idAttribuant") == "24250036100000.0"  # as read, not repaired
    screenshot("historique-a-completer")
    page.fill("#id_idAttribuant", "24250036100018")  # one digit wrong
    page.click("text=Enregistrer et publier")
    assert "clé de contrôle" in page.locator(".error-summary").inner_text()
    page.fill("#id_idAttribuant", "24250036100017")
    page.click("text=Enregistrer et publier")
    page.wait_for_url("**/donnees/historique/?type=subventions")
    assert "complétée : elle est publiée" in page.locator(".messages").inner_text()
    assert ImportedGrant.objects.get().status == "completed"
    page.goto(f"{base}/donnees/scdl-subventions.rapport.json")
    assert '"left_out": []' in page.content()
