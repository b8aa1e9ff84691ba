"""A visitor reads a published deliberation: its vote figures from the rules core, who was present,
represented and absent at that item, the interested members and the rules applied."""

import re

from registre.web.register.models import Deliberation
from registre.web.register.presentation import item_attendance

EXAMPLE = "/deliberations/grand-besancon-metropole/2021/5795/"


def _figures(html: str) -> dict:
    return dict(re.findall(r'data-figure="(\w+)">([^<]+)<', html))


def test_the_page_shows_the_figures_of_the_rules_core(client, demo):
    html = client.get(EXAMPLE).content.decode()
    attendance = item_attendance(demo["deliberation"].item)
    tally = attendance.tally
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
    html = client.get(EXAMPLE).content.decode()
    attendance = item_attendance(demo["deliberation"].item)
    assert f"Présents à cette question ({len(attendance.present)})" in html
    assert f"Représentés ({len(attendance.represented)})" in html
    assert f"Absents ({len(attendance.absent)})" in html
    for name in attendance.present + attendance.absent + attendance.interested_members:
        assert f"<li>{name}</li>" in html.replace("&#x27;", "'")
    for principal, holder in attendance.represented:
        assert f"<li>{principal}, pouvoir à {holder}</li>" in html.replace("&#x27;", "'")
    assert "Conseillers intéressés" in html and attendance.interested_members
    assert "Règles appliquées : " + attendance.rules_source.replace("'", "&#x27;") in html


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
        number="2021/006000",
        year=2021,
        sequence=6000,
        title="Correction d'une erreur matérielle",
        corrects=example,
    )
    assert "corrigée par" not in client.get(EXAMPLE).content.decode()  # a draft correction stays hidden
    correction.publish()
    correction.save()
    assert "/deliberations/grand-besancon-metropole/2021/6000/" in client.get(EXAMPLE).content.decode()
    assert EXAMPLE in client.get("/deliberations/grand-besancon-metropole/2021/6000/").content.decode()


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
