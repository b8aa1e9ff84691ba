"""`make run` loads the example through the importer: the public page shows its figures."""

import re

from registre.web.register.demo import load_demo
from registre.web.register.models import Attendance, Deliberation, Item, Member, Proxy


def test_demo_is_the_example_meeting(demo):
    deliberation = demo["deliberation"]
    assert deliberation.number == "2021/005795" and deliberation.is_published
    meeting = deliberation.item.meeting
    assert meeting.members_in_office == 123
    assert Member.objects.filter(council=meeting.council).count() == 123
    assert list(Item.objects.filter(meeting=meeting).values_list("number", flat=True)) == list(range(1, 60))
    assert Attendance.objects.filter(meeting=meeting).count() == 130
    assert Proxy.objects.filter(meeting=meeting).count() == 22
    assert deliberation.item.number == 19


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (Deliberation.objects.count(), Member.objects.count(), Proxy.objects.count())
    load_demo()
    assert (Deliberation.objects.count(), Member.objects.count(), Proxy.objects.count()) == counts


def test_public_page_of_the_example_shows_the_vote(client, demo):
    response = client.get("/deliberations/grand-besancon-metropole/2021/5795/")
    assert response.status_code == 200
    figures = dict(re.findall(r'data-figure="(\w+)">(\d+)', response.content.decode()))
    assert figures == {
        "present": "91",
        "represented": "18",
        "not_participating": "5",
        "voters": "104",
        "for": "104",
        "against": "0",
        "abstain": "0",
    }
    html = response.content.decode()
    assert "Benoît VUILLEMIN, pouvoir à M. Laurent CROIZIER" in html
