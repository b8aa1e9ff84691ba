"""A clerk creates a meeting, its agenda and its order of passage; bad input gets a French
message at its field and writes nothing."""

from registre.web.register.models import Council, Item, Meeting

from .conftest import member

GOOD = {
    "date": "2024-05-16",
    "place": "Salle du conseil",
    "convened_on": "2024-05-10",
    "opened_at": "18:30",
    "closed_at": "21:45",
    "members_in_office": "7",
}


def test_clerk_creates_a_meeting(greffe, council):
    chair, secretary = member(council, "VIGNOT"), member(council, "PRESSE")
    response = greffe.post(
        "/greffe/seances/nouvelle/",
        {**GOOD, "council": council.pk, "chair": chair.pk, "secretary": secretary.pk},
    )
    meeting = Meeting.objects.get(council=council)
    assert response.status_code == 302 and response["Location"] == f"/greffe/seances/{meeting.pk}/"
    assert (meeting.place, meeting.chair, meeting.secretary, meeting.members_in_office) == (
        "Salle du conseil",
        chair,
        secretary,
        7,
    )
    assert str(meeting.convened_on) == "2024-05-10" and meeting.opened_at.hour == 18
    assert "Séance du 16\u00a0mai 2024" in greffe.get("/greffe/").content.decode()


def test_bad_dates_and_times_get_french_messages_at_their_fields(greffe, council):
    before = Meeting.objects.count()
    response = greffe.post(
        "/greffe/seances/nouvelle/",
        {**GOOD, "council": council.pk, "date": "32/13/2024", "opened_at": "25:99"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Saisissez une date valide" in page and "Saisissez une heure valide" in page
    assert 'aria-invalid="true"' in page
    response = greffe.post(
        "/greffe/seances/nouvelle/",
        {**GOOD, "council": council.pk, "convened_on": "2024-06-01", "closed_at": "17:00"},
    )
    page = response.content.decode()
    assert "La convocation ne peut pas être postérieure à la séance." in page
    assert "La clôture doit suivre l&#x27;ouverture." in page
    response = greffe.post("/greffe/seances/nouvelle/", {"members_in_office": "-3"})
    page = response.content.decode()
    assert "Choisissez l&#x27;assemblée." in page and "Saisissez la date de la séance." in page
    assert "Saisissez un nombre positif ou nul." in page
    assert Meeting.objects.count() == before


def test_a_council_or_a_chair_of_another_authority_is_refused(greffe, council, demo):
    from registre.web.register.models import Authority, Member

    neighbour = Authority.objects.get(name="Commune de Voisine-sur-Doubs")
    other = Council.objects.create(authority=neighbour, name="Conseil municipal")
    stranger = Member.objects.create(council=other, first_name="Jean", last_name="VOISIN")
    response = greffe.post("/greffe/seances/nouvelle/", {**GOOD, "council": other.pk})
    assert response.status_code == 400
    assert "Choisissez une assemblée de la liste." in response.content.decode()
    response = greffe.post("/greffe/seances/nouvelle/", {**GOOD, "council": council.pk, "chair": stranger.pk})
    assert "Choisissez un conseiller de la liste." in response.content.decode()
    demo_member = Member.objects.filter(council__authority=demo["authority"]).exclude(council=council).first()
    response = greffe.post(
        "/greffe/seances/nouvelle/", {**GOOD, "council": council.pk, "chair": demo_member.pk}
    )
    assert "Ce conseiller n&#x27;appartient pas à l&#x27;assemblée choisie." in response.content.decode()
    assert not Meeting.objects.filter(council__in=[council, other]).exists()


def test_agenda_items_and_order_of_passage(greffe, meeting):
    url = f"/greffe/seances/{meeting.pk}/"
    response = greffe.post(
        url + "questions/ajouter/",
        {
            "number": "4",
            "title": "Subvention au club de kayak",
            "rapporteur": "M. Nicolas BODIN",
            "committee": "Sports",
        },
    )
    assert response.status_code == 302
    item = Item.objects.get(meeting=meeting, number=4)
    assert (item.position, item.rapporteur, item.committee) == (4, "M. Nicolas BODIN", "Sports")
    duplicate = greffe.post(url + "questions/ajouter/", {"number": "4", "title": "Autre"})
    assert (
        duplicate.status_code == 400
        and "La question n°4 existe déjà dans cette séance." in duplicate.content.decode()
    )
    assert greffe.post(url + "ordre-de-passage/", {"order": "4, 1, 3, 2"}).status_code == 302
    assert list(meeting.items.order_by("position").values_list("number", flat=True)) == [4, 1, 3, 2]
    for order, message in (
        ("4, 1, 3", "La question n°2 manque dans l&#x27;ordre de passage."),
        ("4, 1, 3, 2, 9", "La question n°9 n&#x27;est pas à l&#x27;ordre du jour de la séance."),
        ("4, 1, 1, 3, 2", "La question n°1 figure deux fois."),
        ("quatre, un", "Seuls des numéros de questions"),
    ):
        response = greffe.post(url + "ordre-de-passage/", {"order": order})
        assert response.status_code == 400 and message in response.content.decode(), order
    assert list(meeting.items.order_by("position").values_list("number", flat=True)) == [4, 1, 3, 2]


def test_the_meeting_page_shows_the_tally_of_each_item_from_the_core(greffe, meeting):
    from registre.web.register.conversion import tally

    page = greffe.get(f"/greffe/seances/{meeting.pk}/").content.decode()
    expected = tally(meeting).for_item(1)
    assert f'<td class="number" data-figure="present">{expected.present_count}</td>' in page
    assert "atteint (5/4)" in page
