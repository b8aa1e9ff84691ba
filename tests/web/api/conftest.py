import pytest

from registre.web.api.models import ApiToken


@pytest.fixture
def token_for(demo):
    """token_for("greffe") -> the "Authorization" header value of a fresh token of that clerk."""

    def issue(username: str) -> str:
        _token, key = ApiToken.issue(demo["users"][username])
        return f"Token {key}"

    return issue


@pytest.fixture
def draft(second_deliberation):
    """A second deliberation of the example meeting, as a clerk would have prepared it: a draft."""
    deliberation = second_deliberation(title="Projet de délibération de test", budget_line="")
    item = deliberation.item
    item.unanimous = True  # the extract prints only item 19's vote: this one was adopted unanimously
    item.save()
    return deliberation


@pytest.fixture
def back_office_council(client_for):
    """A council the clerk builds in the back office, as a clerk would (no API, no import): five
    members, two meetings, each with a roll-call vote and its published deliberation."""
    from registre.web.register.models import Council, Deliberation

    greffe = client_for("greffe")
    assert greffe.post("/greffe/assemblees/nouvelle/", {"name": "Conseil municipal"}).status_code == 302
    council = Council.objects.get(name="Conseil municipal")
    for first, last in [("Anne", "VIGNOT"), ("Nicolas", "BODIN"), ("Elise", "AEBISCHER"), ("Luc", "PETIT")]:
        greffe.post(
            f"/greffe/assemblees/{council.pk}/conseillers/ajouter/",
            {"civility": "", "first_name": first, "last_name": last, "commune": ""},
        )
    members = {m.last_name: m for m in council.members.all()}
    ballots = {"VIGNOT": "for", "BODIN": "against", "AEBISCHER": "for", "PETIT": "abstain"}
    for day in ("2024-03-14", "2024-04-11"):
        greffe.post(
            "/greffe/seances/nouvelle/",
            {"council": council.pk, "date": day, "place": "salle du conseil", "chair": members["VIGNOT"].pk},
        )
        meeting = council.meetings.get(date=day)
        greffe.post(f"/greffe/seances/{meeting.pk}/questions/ajouter/", {"number": "1", "title": "Budget"})
        greffe.post(f"/greffe/seances/{meeting.pk}/presences/", {"present": [m.pk for m in members.values()]})
        item = f"/greffe/seances/{meeting.pk}/questions/1/"
        greffe.post(item + "scrutin-public/", {f"m{members[k].pk}": v for k, v in ballots.items()})
        # its ACTES subject too: a published act always has a valid open-data row
        greffe.post(item + "deliberation/", {"title": f"Budget — séance du {day}", "actes_code": "7.1"})
        deliberation = Deliberation.objects.get(item__meeting=meeting)
        assert greffe.post(f"/greffe/deliberations/{deliberation.pk}/publier/").status_code == 302
    assert Deliberation.objects.filter(item__meeting__council=council, status="published").count() == 2
    return council
