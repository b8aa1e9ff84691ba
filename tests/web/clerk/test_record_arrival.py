"""Live attendance: an arrival (present from item n) and a departure (present until item n),
in the order of passage; the figures shown are the core's."""

from registre.web.register.conversion import tally
from registre.web.register.models import Attendance

from .conftest import figures, item_url, member


def _present(meeting, number):
    return tally(meeting).for_item(number).present_count


def test_a_late_arrival_counts_from_its_item_on(greffe, meeting):
    ghezali = member(meeting.council, "GHEZALI")
    response = greffe.post(
        item_url(meeting, 2, "arrivee"), {"arrival-member": ghezali.pk, "arrival-from_item": 2}
    )
    assert response.status_code == 302
    line = Attendance.objects.get(meeting=meeting, member=ghezali)
    assert (line.present, line.from_item, line.until_item) == (True, 2, None)
    assert [_present(meeting, n) for n in (1, 2, 3)] == [5, 6, 6]
    page = greffe.get(item_url(meeting, 2)).content.decode()
    assert figures(page)["present"] == "6"


def test_arrival_follows_the_order_of_passage_not_the_numbering(greffe, meeting):
    greffe.post(f"/greffe/seances/{meeting.pk}/ordre-de-passage/", {"order": "3, 1, 2"})
    ghezali = member(meeting.council, "GHEZALI")
    greffe.post(item_url(meeting, 1, "arrivee"), {"arrival-member": ghezali.pk, "arrival-from_item": 1})
    assert [_present(meeting, n) for n in (3, 1, 2)] == [5, 6, 6]


def test_a_departure_counts_until_its_item_included(greffe, meeting):
    bodin = member(meeting.council, "BODIN")
    response = greffe.post(
        item_url(meeting, 2, "depart"), {"departure-member": bodin.pk, "departure-until_item": 2}
    )
    assert response.status_code == 302
    assert [_present(meeting, n) for n in (1, 2, 3)] == [5, 5, 4]
    assert figures(greffe.get(item_url(meeting, 3)).content.decode())["present"] == "4"


def test_arrival_then_departure_make_one_window(greffe, meeting):
    ghezali = member(meeting.council, "GHEZALI")
    greffe.post(item_url(meeting, 2, "arrivee"), {"arrival-member": ghezali.pk, "arrival-from_item": 2})
    greffe.post(item_url(meeting, 2, "depart"), {"departure-member": ghezali.pk, "departure-until_item": 2})
    assert [_present(meeting, n) for n in (1, 2, 3)] == [5, 6, 5]
    bad = greffe.post(item_url(meeting, 3, "arrivee"), {"arrival-member": ghezali.pk, "arrival-from_item": 3})
    assert bad.status_code == 302  # back after leaving: present from the return on
    assert [_present(meeting, n) for n in (1, 2, 3)] == [5, 5, 6]


def test_the_preview_shows_the_figures_and_writes_nothing(greffe, meeting):
    ghezali = member(meeting.council, "GHEZALI")
    response = greffe.post(
        item_url(meeting, 2, "arrivee"),
        {"arrival-member": ghezali.pk, "arrival-from_item": 2, "_preview": "1"},
    )
    assert response.status_code == 200
    assert figures(response.content.decode())["present"] == "6"
    assert _present(meeting, 2) == 5
    assert not Attendance.objects.filter(meeting=meeting, member=ghezali, present=True).exists()


def test_bad_input_gets_a_french_message_and_no_server_error(greffe, meeting):
    bodin, ghezali = member(meeting.council, "BODIN"), member(meeting.council, "GHEZALI")
    cases = [
        ({"arrival-member": "", "arrival-from_item": 2}, "Choisissez le conseiller.", "arrivee"),
        (
            {"arrival-member": "999999", "arrival-from_item": 2},
            "Choisissez un conseiller de la liste.",
            "arrivee",
        ),
        (
            {"arrival-member": "abc", "arrival-from_item": 2},
            "Choisissez un conseiller de la liste.",
            "arrivee",
        ),
        (
            {"arrival-member": bodin.pk, "arrival-from_item": 42},
            "Choisissez une question de l&#x27;ordre du jour.",
            "arrivee",
        ),
        (
            {"departure-member": ghezali.pk, "departure-until_item": 2},
            "n&#x27;est pas noté présent",
            "depart",
        ),
    ]
    for data, message, action in cases:
        response = greffe.post(item_url(meeting, 2, action), data)
        assert response.status_code == 400, data
        assert message in response.content.decode(), data
    greffe.post(item_url(meeting, 3, "arrivee"), {"arrival-member": ghezali.pk, "arrival-from_item": 3})
    response = greffe.post(
        item_url(meeting, 2, "depart"), {"departure-member": ghezali.pk, "departure-until_item": 2}
    )
    assert response.status_code == 400
    assert "son départ ne peut pas la précéder" in response.content.decode()
    assert [_present(meeting, n) for n in (1, 2, 3)] == [5, 5, 6]


def test_the_attendance_records_present_and_absent_members(greffe, meeting):
    members = list(meeting.council.members.order_by("pk"))
    response = greffe.post(
        f"/greffe/seances/{meeting.pk}/presences/", {"present": [m.pk for m in members[:6]]}
    )
    assert response.status_code == 302
    assert _present(meeting, 1) == 6
    assert Attendance.objects.filter(meeting=meeting, present=False).count() == 1
    response = greffe.post(f"/greffe/seances/{meeting.pk}/presences/", {"present": ["nimporte"]})
    assert (
        response.status_code == 400
        and "Choisissez des conseillers" not in ""
        and "Erreur" in response.content.decode()
    )
