"""A refused form speaks our French: the summary counts every message it lists, a number too
large or a text too long is named at its field, never in Django's own words."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from .conftest import item_url

DJANGO_WORDING = ("Assurez-vous", "9223372036854775807", "2147483647", "Ce champ est obligatoire")


def _summary(html: str) -> tuple[str, list[str]]:
    block = html[html.index('class="error-summary"') :]
    block = block[: block.index("</div>")]
    return re.search(r"<h2>(.*?)</h2>", block).group(1), re.findall(r"<li>(.*?)</li>", block, re.S)


def test_the_summary_counts_every_message(greffe, council):
    data = "civilité;prénom;nom;commune;suppléant\nDr;Paul;;X;non\nMme;;A;X;non\nM.;Luc;B;X;peut-être\n"
    response = greffe.post(
        f"/greffe/assemblees/{council.pk}/conseillers/importer/",
        {"file": SimpleUploadedFile("liste.csv", data.encode(), content_type="text/csv")},
    )
    heading, items = _summary(response.content.decode())
    assert len(items) >= 3 and heading == f"Le formulaire contient {len(items)} erreurs"


def test_a_number_too_large_is_named_in_our_words(greffe, council, meeting):
    response = greffe.post(
        "/greffe/seances/nouvelle/",
        {"council": council.pk, "date": "2024-05-16", "members_in_office": "99999999999999999999"},
    )
    html = response.content.decode()
    assert response.status_code == 400 and "Erreur : Ce nombre est trop grand." in html
    assert not any(words in html for words in DJANGO_WORDING)
    response = greffe.post(
        item_url(meeting, 2, "vote"), {"vote_kind": "show_of_hands", "votes_for": "9" * 20}
    )
    assert "Erreur : Ce nombre est trop grand." in response.content.decode()


def test_a_3000_character_title_is_refused_at_its_field(greffe, meeting):
    url = f"/greffe/seances/{meeting.pk}/questions/ajouter/"
    assert "maxlength" not in greffe.get(f"/greffe/seances/{meeting.pk}/").content.decode()  # no silent cut
    response = greffe.post(url, {"number": "9", "title": "x" * 3000})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_title_errors"><span>Erreur : L&#x27;objet compte 500 caractères au plus.' in html
    assert not meeting.items.filter(number=9).exists()


def test_a_long_place_gets_our_message(greffe, council):
    response = greffe.post(
        "/greffe/seances/nouvelle/", {"council": council.pk, "date": "2024-05-16", "place": "x" * 3000}
    )
    html = response.content.decode()
    assert "Erreur : 300 caractères au plus (vous en avez saisi 3000)." in html
    assert not any(words in html for words in DJANGO_WORDING)
