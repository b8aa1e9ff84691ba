"""A clerk rectifies or withdraws a published act: a new act with its own number, reason and (where
needed) vote, linked both ways; the original stays public, says so, and both are in the open data."""

import csv
import datetime as dt
import io
from html import unescape

from registre.web.register.models import Deliberation, Item

from ..conftest import legacy_act, small_meeting
from .conftest import item_url


def _published(greffe, meeting, title="Subvention au club de kayak (45 000 €)"):
    greffe.post(item_url(meeting, 2, "vote"), {"vote_kind": "show_of_hands", "unanimous": "on"})
    greffe.post(item_url(meeting, 2, "deliberation"), {"title": title, "actes_code": "7.5"})
    deliberation = Deliberation.objects.get(item__meeting=meeting, item__number=2)
    assert greffe.post(f"/greffe/deliberations/{deliberation.pk}/publier/").status_code == 302
    deliberation.refresh_from_db()
    return deliberation


def _correct(greffe, original, **data):
    return greffe.post(f"/greffe/deliberations/{original.pk}/corriger/", data)


def _scdl_rows(client):
    response = client.get("/donnees/scdl-deliberations.csv?authority=grand-besancon-metropole")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


def test_a_rectification_of_words_is_a_new_linked_act_and_both_stay_public(greffe, meeting, client):
    original = _published(greffe, meeting)
    form = greffe.get(f"/greffe/deliberations/{original.pk}/corriger/")
    assert form.status_code == 200 and "question de l&#x27;acte" in form.content.decode()
    response = _correct(
        greffe, original, kind="rectification", reason="Montant erroné : 4 500 €.", item=original.item_id
    )
    correction = Deliberation.objects.get(corrects=original)
    assert response["Location"] == f"/greffe/deliberations/{correction.pk}/"
    assert correction.status == "draft" and correction.number == "" and correction.kind == "rectification"
    greffe.post(
        f"/greffe/deliberations/{correction.pk}/",
        {"title": "Subvention au club de kayak (4 500 €)", "actes_code": "7.5"},
    )
    assert greffe.post(f"/greffe/deliberations/{correction.pk}/publier/").status_code == 302
    correction.refresh_from_db()
    original.refresh_from_db()
    assert correction.number == "2024/000002" and original.title == "Subvention au club de kayak (45 000 €)"

    old_page = unescape(
        client.get(f"/deliberations/grand-besancon-metropole/2024/{original.sequence}/").content.decode()
    )
    new_page = unescape(
        client.get(f"/deliberations/grand-besancon-metropole/2024/{correction.sequence}/").content.decode()
    )
    assert "Délibération rectifiée par" in old_page and f"n°{correction.number}</a>" in old_page
    assert 'data-in-force="non"' in old_page and "45 000 €" in old_page
    assert f"n°{original.number}</a> — motif : Montant erroné : 4 500 €." in new_page
    assert 'data-in-force="oui"' in new_page

    rows = {row["DELIB_ID"]: row for row in _scdl_rows(client)}
    assert {original.number, correction.number} <= set(rows)
    assert rows[correction.number]["DELIB_OBJET"] == "Subvention au club de kayak (4 500 €)"

    api = {
        d["number"]: d
        for d in client.get("/api/v1/deliberations/?authority=grand-besancon-metropole").json()["results"]
    }
    assert api[original.number]["in_force"] is False and api[original.number]["corrected_by"] == [
        correction.number
    ]
    assert api[correction.number]["in_force"] is True and api[correction.number]["kind"] == "rectification"
    detail = client.get(f"/api/v1/deliberations/{correction.pk}/").json()
    assert detail["corrects"] == original.number and detail["reason"] == "Montant erroné : 4 500 €."
    in_force = client.get("/api/v1/deliberations/?authority=grand-besancon-metropole&in_force=true").json()
    assert original.number not in [d["number"] for d in in_force["results"]]


def test_a_wrong_vote_is_rectified_by_a_new_vote_at_a_later_meeting(greffe, meeting, client):
    item = meeting.items.get(number=2)
    item.votes_for, item.votes_against, item.abstentions = 20, 0, 0  # "Pour : 20" for 5 voters
    item.save()
    wrong = Deliberation.objects.create(
        authority=meeting.council.authority, item=item, title="Subvention au club de kayak", actes_code="7.5"
    )
    legacy_act(wrong)  # published before the register refused such acts
    later = small_meeting(meeting.council.authority, dt.date(2024, 4, 11), 1)[0]
    response = _correct(
        greffe, wrong, kind="rectification", reason="Vote mal consigné : 5 pour.", item=later.pk
    )
    correction = Deliberation.objects.get(corrects=wrong)
    assert response.status_code == 302 and correction.item == later  # its own vote, not the locked one
    assert greffe.post(f"/greffe/deliberations/{correction.pk}/publier/").status_code == 302
    correction.refresh_from_db()
    assert correction.act.voters == 3 and correction.act.votes_for == 3

    rows = {row["DELIB_ID"]: row for row in _scdl_rows(client)}  # nothing blocks the file
    assert correction.number in rows and wrong.number not in rows
    report = client.get("/donnees/scdl-deliberations.rapport.json?authority=grand-besancon-metropole").json()
    assert [left["row"].split(" — ")[0] for left in report["left_out"]] == [f"n° {wrong.number}"]
    page = unescape(
        client.get(f"/deliberations/grand-besancon-metropole/2024/{wrong.sequence}/").content.decode()
    )
    assert "Délibération rectifiée par" in page


def test_a_withdrawal_needs_a_new_vote_and_a_reason(greffe, meeting):
    original = _published(greffe, meeting)
    response = _correct(greffe, original, kind="withdrawal", reason="", item=original.item_id)
    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Saisissez le motif" in html and "Un retrait est voté à nouveau" in html
    assert not Deliberation.objects.filter(corrects=original).exists()
    later = small_meeting(meeting.council.authority, dt.date(2024, 4, 11), 1)[0]
    Item.objects.filter(pk=later.pk).update(unanimous=False)  # no vote recorded yet
    _correct(greffe, original, kind="withdrawal", reason="Le club a renoncé.", item=later.pk)
    withdrawal = Deliberation.objects.get(corrects=original)
    refused = greffe.post(f"/greffe/deliberations/{withdrawal.pk}/publier/")
    assert refused.status_code == 400 and "vote non saisi" in unescape(refused.content.decode())


def test_only_a_published_act_is_corrected(greffe, meeting):
    greffe.post(item_url(meeting, 2, "deliberation"), {"title": "Brouillon"})
    draft = Deliberation.objects.get(item__meeting=meeting)
    response = greffe.post(f"/greffe/deliberations/{draft.pk}/corriger/", follow=True)
    assert "la correction ne concerne que les délibérations publiées" in unescape(response.content.decode())
    assert not Deliberation.objects.filter(corrects=draft).exists()
