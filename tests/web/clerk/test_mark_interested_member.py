"""Interested members (L2131-11) neither vote nor carry the vote of a proxy they hold, and do
not count for the quorum: the figures shown are the core's."""

from registre.web.register.conversion import tally

from .conftest import figures, item_url, member


def test_an_interested_member_does_not_vote(greffe, meeting):
    bodin = member(meeting.council, "BODIN")
    response = greffe.post(item_url(meeting, 2, "interesses"), {"interested": [bodin.pk]})
    assert response.status_code == 302
    assert list(meeting.items.get(number=2).interested_members.all()) == [bodin]
    item_tally = tally(meeting).for_item(2)
    assert (item_tally.not_participating, item_tally.voters, item_tally.quorum_count) == (1, 4, 4)
    page = greffe.get(item_url(meeting, 2)).content.decode()
    assert figures(page)["not_participating"] == "1" and figures(page)["voters"] == "4"
    assert "Quorum : 4 requis, 4 comptés" in page
    assert figures(greffe.get(item_url(meeting, 1)).content.decode())["voters"] == "5"


def test_an_interested_holder_does_not_carry_the_proxy(greffe, meeting):
    council = meeting.council
    bodin = member(council, "BODIN")
    greffe.post(
        f"/greffe/seances/{meeting.pk}/procurations/",
        {"proxy-principal": member(council, "GHEZALI").pk, "proxy-holder": bodin.pk},
    )
    greffe.post(item_url(meeting, 2, "interesses"), {"interested": [bodin.pk]})
    page = greffe.get(item_url(meeting, 2)).content.decode()
    assert figures(page)["not_participating"] == "2" and figures(page)["voters"] == "4"


def test_an_interested_member_who_votes_by_roll_call_is_flagged(greffe, meeting):
    bodin = member(meeting.council, "BODIN")
    greffe.post(item_url(meeting, 2, "interesses"), {"interested": [bodin.pk]})
    greffe.post(item_url(meeting, 2, "scrutin-public"), {f"m{bodin.pk}": "for"})
    page = greffe.get(item_url(meeting, 2)).content.decode()
    assert 'data-code="interested_member_voted"' in page
    assert "M. Nicolas BODIN, intéressé à l&#x27;affaire, est porté votant à la question n°2." in page


def test_unknown_members_are_refused_in_french(greffe, meeting):
    response = greffe.post(item_url(meeting, 2, "interesses"), {"interested": ["999999"]})
    assert response.status_code == 400
    assert "Choisissez des conseillers de la liste." in response.content.decode()
    response = greffe.post(item_url(meeting, 2, "interesses"), {"interested": ["abc"]})
    assert response.status_code == 400
    assert not meeting.items.get(number=2).interested_members.exists()
