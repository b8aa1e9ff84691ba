"""A visitor narrows the list by meeting date, authority and ACTES subject, and pages through it;
bad input gets a French message at its field, never a server error."""

import datetime as dt
from html import unescape

import pytest

from .conftest import numbers, published_series


def test_filter_by_meeting_date_range(client, register):
    assert numbers(client.get("/", {"date_from": "2023-01-01"})) == ["2021/000012"]
    assert sorted(numbers(client.get("/", {"date_to": "2021-12-31"}))) == [
        "2021/005795",
        "2021/005796",
        "2021/005797",
    ]
    assert numbers(
        client.get("/", {"date_from": "07/10/2021", "date_to": "07/10/2021", "q": "sportives"})
    ) == ["2021/005796"]
    assert numbers(client.get("/", {"date_from": "2022-01-01", "date_to": "2022-12-31"})) == []


def test_filter_by_authority(client, register):
    assert numbers(client.get("/", {"authority": "commune-de-voisine-sur-doubs"})) == ["2021/000012"]
    html = client.get("/").content.decode()
    assert '<option value="grand-besancon-metropole"' in html


def test_an_authority_with_nothing_published_is_not_offered(client, demo):
    html = client.get("/").content.decode()
    assert "commune-de-voisine-sur-doubs" not in html


def test_filter_by_actes_subject_level_one_or_two(client, register):
    assert sorted(numbers(client.get("/", {"subject": "7"}))) == ["2021/005795", "2021/005796"]
    assert sorted(numbers(client.get("/", {"subject": "7.5"}))) == ["2021/005795", "2021/005796"]
    assert numbers(client.get("/", {"subject": "8.1"})) == ["2021/005797"]
    assert numbers(client.get("/", {"subject": "7.1"})) == []  # the only 7.1 is a draft


def test_pages_of_twenty_five_most_recent_first(client, register):
    example = register["example"]
    published_series(
        example.authority, dt.date(2022, 5, 5), [f"Délibération de série {n}" for n in range(1, 31)]
    )
    first = client.get("/")
    assert numbers(first)[:2] == ["2022/000030", "2022/000029"] and len(numbers(first)) == 25
    html = first.content.decode()
    assert "Délibérations 1 à 25" in html and 'rel="next"' in html and 'rel="prev"' not in html
    second = client.get("/", {"page": 2})
    assert (
        len(numbers(second)) == 9
        and "Délibérations 26 à 34" in second.content.decode()
        and 'rel="prev"' in second.content.decode()
    )
    assert "Aucune délibération sur cette page" in client.get("/", {"page": 3}).content.decode()


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"date_from": "abc"}, "date_from", "Saisissez une date valide"),
        ({"date_to": "2021-02-30"}, "date_to", "Saisissez une date valide"),
        (
            {"date_from": "2022-01-01", "date_to": "2021-01-01"},
            "date_to",
            "La date de fin doit être postérieure",
        ),
        ({"page": "zzz"}, "page", "Le numéro de page doit être un nombre entier"),
        ({"page": "0"}, "page", "Le numéro de page commence à 1"),
        ({"page": "99999999999999999999999"}, "page", "Les résultats s'arrêtent à la page"),
        ({"authority": "atlantide"}, "authority", "Choisissez une collectivité de la liste"),
        ({"subject": "99.9"}, "subject", "Choisissez une matière de la liste"),
        ({"meeting": "abc"}, "meeting", "La séance demandée n'existe pas"),
        ({"meeting": "-3"}, "meeting", "La séance demandée n'existe pas"),
        ({"q": "x" * 201}, "q", "Votre recherche est trop longue"),
        ({"q": "sub\x00vention"}, "q", "Le caractère nul n’est pas autorisé"),
    ],
)
def test_bad_input_gets_a_french_message_at_its_field(client, register, params, field, message):
    response = client.get("/", params)
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert message in html
    assert "La recherche n'a pas pu être faite" in html
    if field not in ("page", "meeting"):
        assert f'id="id_{field}_errors"' in html and 'aria-invalid="true"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "🙂"},
        {"q": "’"},
        {"q": " "},
        {"date_from": "0001-01-01"},
        {"date_to": "9999-12-31"},
        {"page": "400"},
        {"q": "é" * 200},
        {"subject": ""},
        {"inconnu": "x"},
        {"q": "a" * 200, "page": "2"},
    ],
)
def test_odd_but_valid_input_is_served(client, register, params):
    assert client.get("/", params).status_code == 200
