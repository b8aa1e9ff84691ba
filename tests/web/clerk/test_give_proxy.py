"""Proxies with their window; what the law refuses is shown, in French, from the core."""

from registre.web.register.conversion import tally
from registre.web.register.models import Proxy

from .conftest import figures, item_url, member

URL = "/greffe/seances/{}/procurations/"


def _proxy(greffe, meeting, principal, holder, start="", end="", **extra):
    return greffe.post(
        URL.format(meeting.pk),
        {
            "proxy-principal": principal.pk,
            "proxy-holder": holder.pk,
            "proxy-from_item": start,
            "proxy-until_item": end,
            **extra,
        },
    )


def test_a_proxy_with_a_window_counts_only_inside_it(greffe, meeting):
    council = meeting.council
    response = _proxy(greffe, meeting, member(council, "GHEZALI"), member(council, "BODIN"), start=2)
    assert response.status_code == 302
    proxy = Proxy.objects.get(meeting=meeting)
    assert (proxy.from_item, proxy.until_item) == (2, None)
    meeting_tally = tally(meeting)
    assert [meeting_tally.for_item(n).represented_count for n in (1, 2, 3)] == [0, 1, 1]
    page = greffe.get(item_url(meeting, 2)).content.decode()
    assert figures(page)["represented"] == "1" and figures(page)["voters"] == "6"
    assert figures(greffe.get(item_url(meeting, 1)).content.decode())["represented"] == "0"


def test_a_proxy_whose_holder_is_absent_is_recorded_and_flagged(greffe, meeting):
    council = meeting.council
    response = _proxy(greffe, meeting, member(council, "GHEZALI"), member(council, "PRESSE"))
    assert response.status_code == 302
    page = greffe.get(item_url(meeting, 1)).content.decode()
    assert figures(page)["represented"] == "0"
    assert 'data-code="proxy_holder_absent"' in page
    assert "son mandataire Mme Françoise PRESSE est absent aux questions n°1 à n°3" in page


def test_one_proxy_per_holder_under_ordinary_rules(greffe, meeting):
    council = meeting.council
    _proxy(greffe, meeting, member(council, "GHEZALI"), member(council, "BODIN"))
    _proxy(greffe, meeting, member(council, "PRESSE"), member(council, "BODIN"))
    page = greffe.get(item_url(meeting, 1)).content.decode()
    assert figures(page)["represented"] == "1"
    assert 'data-code="proxy_holder_overloaded"' in page


def test_bad_proxies_are_refused_at_their_field(greffe, meeting):
    council = meeting.council
    bodin = member(council, "BODIN")
    response = _proxy(greffe, meeting, bodin, bodin)
    assert response.status_code == 400
    assert "Un conseiller ne peut pas se donner procuration à lui-même." in response.content.decode()
    response = _proxy(greffe, meeting, member(council, "GHEZALI"), bodin, start=3, end=1)
    assert (
        "La fin de la procuration précède son début dans l&#x27;ordre de passage."
        in response.content.decode()
    )
    response = greffe.post(
        URL.format(meeting.pk), {"proxy-principal": "x", "proxy-holder": "", "proxy-from_item": "99"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choisissez un conseiller de la liste." in page and "Choisissez le mandataire." in page
    assert "Choisissez une question de l&#x27;ordre du jour." in page
    assert not Proxy.objects.filter(meeting=meeting).exists()


def test_a_proxy_can_be_withdrawn(greffe, meeting):
    council = meeting.council
    _proxy(greffe, meeting, member(council, "GHEZALI"), member(council, "BODIN"))
    proxy = Proxy.objects.get(meeting=meeting)
    assert greffe.get(f"/greffe/seances/{meeting.pk}/procurations/{proxy.pk}/supprimer/").status_code == 405
    assert greffe.post(f"/greffe/seances/{meeting.pk}/procurations/{proxy.pk}/supprimer/").status_code == 302
    assert not Proxy.objects.filter(meeting=meeting).exists()
