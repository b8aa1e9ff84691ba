"""The story of issue 3 in a real browser: a clerk creates a meeting, records a late arrival,
a proxy, an interested member and a vote; the tally matches the core; the clerk publishes; an
anonymous visitor finds the deliberation by a word of its title and sees the figures."""

import pytest

pytestmark = pytest.mark.browser


def test_clerk_story(live_server, live_demo, page, screenshot):
    from registre.web.register.conversion import tally
    from registre.web.register.models import Council, Deliberation, Member

    from ..conftest import ROSTER

    council = Council.objects.create(authority=live_demo["authority"], name="Bureau communautaire")
    for civility, first, last, commune, substitute in ROSTER:
        Member.objects.create(
            council=council,
            civility=civility,
            first_name=first,
            last_name=last,
            commune=commune,
            substitute=substitute,
        )
    base = live_server.url
    page.goto(f"{base}/comptes/connexion/")
    page.fill("#id_username", "greffe")
    page.fill("#id_password", "registre-demo")
    page.click("button[type=submit]")
    page.goto(f"{base}/greffe/seances/nouvelle/")
    page.select_option("#id_council", label="Bureau communautaire — Grand Besançon Métropole")
    page.fill("#id_date", "2024-05-16")
    page.fill("#id_place", "Salle du conseil")
    page.fill("#id_members_in_office", "7")
    page.click("text=Créer la séance")
    meeting_url = page.url
    page.fill("#id_number", "1")
    page.fill("#id_title", "Subvention au club de kayak")
    page.click("text=Ajouter la question")
    page.click("a:has-text('Présences')")
    for last in ("VIGNOT", "BODIN", "AEBISCHER", "CROIZIER"):
        page.check(f"label:has-text('{last}') input")
    page.click("text=Enregistrer les présences")
    page.goto(meeting_url + "questions/1/")
    page.select_option("#id_arrival-member", label="PRESSE Françoise (Mme) — Besançon")
    page.click("text=Enregistrer l'arrivée")
    page.select_option("#id_proxy-principal", label="GHEZALI Abdel (M.) — Besançon")
    page.select_option("#id_proxy-holder", label="BODIN Nicolas (M.) — Besançon")
    page.click("text=Enregistrer la procuration")
    page.goto(meeting_url + "questions/1/")
    page.check("#interesses ~ form label:has-text('CROIZIER') input")
    page.click("text=Enregistrer les conseillers intéressés")
    page.fill("#id_votes_for", "4")
    page.fill("#id_votes_against", "1")
    page.fill("#id_abstentions", "0")
    page.locator("#tally-region[data-preview]").wait_for(state="attached")  # no eval: the CSP forbids it
    expected = tally(Council.objects.get(pk=council.pk).meetings.get()).for_item(1)
    assert page.locator('#tally-region [data-figure="voters"]').inner_text() == str(expected.voters)
    page.click("text=Enregistrer le vote")
    assert page.locator('#tally-region [data-figure="for"]').inner_text() == "4"
    assert page.locator('#tally-region [data-figure="present"]').inner_text() == "5"
    assert page.locator('#tally-region [data-figure="represented"]').inner_text() == "1"
    assert page.locator('#tally-region [data-figure="not_participating"]').inner_text() == "1"
    screenshot("greffe-question")
    page.click("button:has-text('Créer la délibération')")
    page.click("button:has-text('Publier la délibération')")  # without its ACTES subject: refused
    assert page.locator("#publication-refused").is_visible()
    assert "matière ACTES" in page.locator("#publication-refused").inner_text()
    screenshot("greffe-publication-refusee")
    page.fill("#id_actes_code", "7.5")
    page.click("button:has-text('Enregistrer le brouillon')")
    page.click("button:has-text('Publier la délibération')")
    assert page.locator('[data-status="published"]').count() == 1
    screenshot("greffe-deliberation-publiee")
    deliberation = Deliberation.objects.get(item__meeting__council=council)
    visitor = page.context.browser.new_context(locale="fr-FR").new_page()
    visitor.goto(f"{base}/?q=kayak")
    visitor.click(f"text=Délibération n°{deliberation.number}")
    assert visitor.locator('[data-figure="for"]').inner_text() == "4"
    assert visitor.locator('[data-figure="voters"]').inner_text() == "5"
    visitor.screenshot(path=str(screenshot("greffe-visiteur").parent / "greffe-visiteur.png"), full_page=True)
    visitor.context.close()
