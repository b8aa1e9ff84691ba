"""A visitor reads a published deliberation: its vote figures from the rules core, who was present,
represented and absent at that item, the interested members and the rules applied."""

import re

from registre.core import tally_meeting
from registre.web.register.conversion import meeting_to_core
from registre.web.register.models import Deliberation

from ..conftest import publish_accepting_warnings

EXAMPLE = "/deliberations/grand-besancon-metropole/2021/5795/"


def _figures(html: str) -> dict:
    return dict(re.findall(r'data-figure="(\w+)">([^<]+)<', html))


def test_the_page_shows_the_figures_of_the_rules_core(client, demo):
    html = client.get(EXAMPLE).content.decode()
    item = demo["deliberation"].item
    tally = tally_meeting(meeting_to_core(item.meeting)).for_item(item.number)
    assert _figures(html) == {
        "present": str(tally.present_count),
        "represented": str(tally.represented_count),
        "not_participating": str(tally.not_participating),
        "voters": str(tally.voters),
        "for": str(tally.votes_for),
        "against": str(tally.votes_against),
        "abstain": str(tally.abstentions),
    }


def test_the_page_lists_present_represented_absent_and_interested_members(client, demo):
    html = client.get(EXAMPLE).content.decode().replace("&#x27;", "'")
    item = demo["deliberation"].item
    meeting = meeting_to_core(item.meeting)
    tally = tally_meeting(meeting).for_item(item.number)
    name = meeting.display_name
    assert f"Présents à cette question ({tally.present_count})" in html
    assert f"Représentés ({tally.represented_count})" in html
    assert f"Absents ({len(tally.absent)})" in html
    for key in (*tally.present, *tally.absent, *item.interested_members.values_list("key", flat=True)):
        assert f"<li>{name(key)}</li>" in html
    for proxy in tally.represented:
        assert f"<li>{name(proxy.principal)}, pouvoir à {name(proxy.holder)}</li>" in html
    assert "Conseillers intéressés" in html and item.interested_members.exists()
    assert "Règles appliquées : " + tally_meeting(meeting).rules.source in html


def test_the_page_links_its_meeting_and_names_its_subject(client, demo):
    html = client.get(EXAMPLE).content.decode()
    meeting = demo["deliberation"].item.meeting
    assert f'href="/seances/{meeting.pk}/"' in html
    assert "7.5" in html and "Subventions" in html
    assert "Grand Besançon Métropole" in html and "7\u00a0octobre 2021" in html


def test_a_correction_is_announced_on_both_pages_once_published(client, register):
    example = register["example"]
    correction = Deliberation.objects.create(
        authority=example.authority,
        item=example.item,
        kind=Deliberation.RECTIFICATION,
        reason="Erreur de plume dans l'objet.",
        title="Rectification d'une erreur matérielle",
        actes_code="7.5",
        corrects=example,
    )
    assert "rectifiée par" not in client.get(EXAMPLE).content.decode()  # a draft correction stays hidden
    act = publish_accepting_warnings(correction)
    page = f"/deliberations/grand-besancon-metropole/{act.year}/{act.sequence}/"
    original = client.get(EXAMPLE).content.decode()
    assert f'rectifiée par <a href="{page}">n°{act.number}</a>' in original
    assert 'data-in-force="non"' in original
    assert EXAMPLE in client.get(page).content.decode()


def test_an_unpublished_or_unknown_deliberation_is_a_french_404(client, register):
    for url in (
        "/deliberations/grand-besancon-metropole/2021/5798/",  # draft
        "/deliberations/commune-de-voisine-sur-doubs/2021/13/",  # draft of another authority
        "/deliberations/grand-besancon-metropole/2021/5795999/",
        "/deliberations/inconnue/2021/5795/",
        "/deliberations/grand-besancon-metropole/2021/000012/",
    ):  # another authority's number
        response = client.get(url)
        assert response.status_code == 404, url
        html = response.content.decode()
        assert "Page introuvable" in html and 'lang="fr"' in html and "Secret" not in html
