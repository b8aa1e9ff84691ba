"""The vote: totals, unanimity, roll-call, secret ballot, chair's casting vote; the core judges."""

from html import unescape

import pytest

from registre.web.register.models import Item

from .conftest import figures, item_url, member


def _vote(greffe, meeting, **data):
    return greffe.post(item_url(meeting, 2, "vote"), {"vote_kind": "show_of_hands", **data})


def test_show_of_hands_totals_are_checked_by_the_core(greffe, meeting):
    assert _vote(greffe, meeting, votes_for="4", votes_against="1", abstentions="0").status_code == 302
    page = greffe.get(item_url(meeting, 2)).content.decode()
    assert figures(page)["for"] == "4" and 'data-result="adopted"' in page


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"votes_for": "20", "votes_against": "0", "abstentions": "0"},
            "votes_for",
            "20 voix « pour » pour 5 votants",
        ),
        (
            {"votes_for": "3", "votes_against": "1", "abstentions": "0"},
            "abstentions",
            "pour 3 + contre 1 + abstentions 0 = 4, pour 5 votants",
        ),
        ({"votes_for": "4", "votes_against": "3"}, "votes_against", "7 voix saisies pour 5 votants"),
        (
            {"unanimous": "on", "votes_for": "4", "votes_against": "1", "abstentions": "0"},
            "unanimous",
            "Unanimité cochée, mais 1 voix contre",
        ),
        (
            {"votes_for": "5", "votes_against": "0", "abstentions": "0"},
            "unanimous",
            "Les totaux donnent l'unanimité",
        ),
    ],
)
def test_impossible_totals_are_refused_at_the_field(greffe, meeting, fields, field, message):
    response = _vote(greffe, meeting, **fields)
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert message in html and f'href="#id_{field}"' in html
    item = Item.objects.get(meeting=meeting, number=2)
    assert (item.votes_for, item.votes_against, item.abstentions, item.unanimous) == (None, None, None, False)


def test_unanimity_and_preview(greffe, meeting):
    response = _vote(greffe, meeting, unanimous="on", _preview="1")
    assert figures(response.content.decode())["for"] == "5"
    assert Item.objects.get(meeting=meeting, number=2).unanimous is False
    _vote(greffe, meeting, unanimous="on")
    assert figures(greffe.get(item_url(meeting, 2)).content.decode())["for"] == "5"


def test_roll_call_and_chair_casting_vote(greffe, meeting):
    council = meeting.council
    ballots = {
        "VIGNOT": "for",
        "BODIN": "against",
        "AEBISCHER": "for",
        "CROIZIER": "against",
        "VUILLEMIN": "abstain",
    }
    greffe.post(
        item_url(meeting, 2, "scrutin-public"), {f"m{member(council, k).pk}": v for k, v in ballots.items()}
    )
    page = greffe.get(item_url(meeting, 2)).content.decode()
    assert (figures(page)["for"], figures(page)["against"], figures(page)["abstain"]) == ("2", "2", "1")
    assert 'data-result="adopted"' in page  # the chair (VIGNOT) voted for


def test_bad_vote_input_gets_french_messages(greffe, meeting):
    page = _vote(greffe, meeting, votes_for="-1", votes_against="abc").content.decode()
    assert "Saisissez un nombre positif ou nul." in page and "Saisissez un nombre entier." in page
    response = greffe.post(
        item_url(meeting, 2, "vote"),
        {"vote_kind": "secret_ballot", "votes_for": "3", "votes_against": "2", "chair_ballot": "for"},
    )
    assert response.status_code == 400
    assert "Au scrutin secret, le président n&#x27;a pas de voix prépondérante." in response.content.decode()
    assert Item.objects.get(meeting=meeting, number=2).votes_for is None
