"""Whoever asks — anonymous visitor, clerk of another authority, even the authority's own clerk —
the public portal shows only published deliberations, and the same ones."""

import datetime as dt

import pytest

from registre.web.register.models import Deliberation

from ..conftest import publish_accepting_warnings
from .conftest import numbers, small_meeting

PUBLIC_PAGES = [
    "/",
    "/?q=subvention",
    "/?q=budget",
    "/?subject=7",
    "/?authority=grand-besancon-metropole",
    "/deliberations/grand-besancon-metropole/2021/5795/",
]
HIDDEN_WORDS = [
    "Projet confidentiel",
    "kayak",
    "Secret de brouillon",
    "Budget supplémentaire caché",
    "2021/005798",
    "2021/000013",
]


@pytest.fixture
def visitors(client, client_for):
    return {
        "anonyme": client,
        "greffe-voisine": client_for("greffe-voisine"),
        "greffe": client_for("greffe"),
        "subventions": client_for("subventions"),
        "admin": client_for("admin"),
    }


def test_everyone_sees_the_same_published_deliberations(visitors, register):
    seen = {}
    for name, visitor in visitors.items():
        for url in PUBLIC_PAGES + [
            f"/seances/{register['meeting'].pk}/",
            f"/seances/{register['other_meeting'].pk}/",
        ]:
            response = visitor.get(url)
            assert response.status_code == 200, (name, url)
            html = response.content.decode()
            for word in HIDDEN_WORDS:
                assert word not in html, (name, url, word)
            seen.setdefault(url, set()).add(tuple(numbers(response)))
    assert all(len(variants) == 1 for variants in seen.values())


def test_unpublished_pages_are_404_for_everyone(visitors, register):
    for name, visitor in visitors.items():
        for url in (
            "/deliberations/grand-besancon-metropole/2021/5798/",
            "/deliberations/commune-de-voisine-sur-doubs/2021/13/",
            f"/seances/{register['hidden_meeting'].pk}/",
        ):
            assert visitor.get(url).status_code == 404, (name, url)


def test_a_withdrawn_act_stays_public_and_says_so(client, register):
    example = register["example"]
    item = small_meeting(example.authority, dt.date(2021, 11, 18), 1)[0]
    withdrawal = Deliberation.objects.create(
        authority=example.authority,
        item=item,
        kind=Deliberation.WITHDRAWAL,
        corrects=example,
        reason="Convention non signée par le bénéficiaire.",
        title="Retrait de la délibération n°2021/005795",
        actes_code="7.5",
    )
    act = publish_accepting_warnings(withdrawal)
    for url in PUBLIC_PAGES[:-1] + [f"/seances/{register['meeting'].pk}/", "/?q=microtechniques"]:
        assert "2021/005795" in numbers(client.get(url)), url
    page = client.get(PUBLIC_PAGES[-1]).content.decode()
    assert (
        f'Délibération retirée par <a href="/deliberations/grand-besancon-metropole/{act.year}/{act.sequence}/">n°{act.number}</a>'
        in page
    )
    assert 'data-in-force="non"' in page


def test_the_front_views_are_public_and_write_nothing(client, register):
    from django.urls import resolve

    for url in ("/", "/seances/1/", "/deliberations/grand-besancon-metropole/2021/5795/"):
        assert resolve(url).func.permission == "public"
    for url in ("/", "/deliberations/grand-besancon-metropole/2021/5795/"):
        assert client.post(url, {"q": "x"}).status_code in (403, 405)  # CSRF or method: never a change
