"""The obligations calendar as an iCalendar feed."""

import datetime as dt

from icalendar import Calendar


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_the_officer_feed_lists_every_due_date(officer, agreement):
    events = _events(officer.get("/subventions/calendrier.ics"))
    by_start = {summary.split(" — ")[0]: e.decoded("dtstart") for summary, e in events.items()}
    assert by_start["Rapport d'activité (2 exemplaires)"] == dt.date(2021, 12, 31)
    assert by_start["Compte-rendu financier (2 exemplaires)"] == dt.date(2021, 12, 31)
    assert by_start["Fin de validité de la convention"] == dt.date(2022, 11, 1)
    assert by_start["Fin de conservation des pièces justificatives"] == dt.date(2032, 11, 1)
    assert by_start["Publication des données essentielles (SCDL)"] == dt.date(2022, 1, 15)
    report = next(e for s, e in events.items() if s.startswith("Rapport d'activité"))
    assert "État : en retard" in str(report["description"])
    assert str(report["uid"]) == f"{agreement.pk}-activity_report-2021@registre"


def test_the_beneficiary_feed_leaves_out_the_authoritys_own_duties(beneficiary, agreement):
    events = _events(beneficiary.get("/subventions/portail/calendrier.ics"))
    assert not any(s.startswith("Publication") for s in events)
    assert any(s.startswith("Indicateurs territoriaux 2021") for s in events)


def _feed_url(client, path):
    import re

    html = client.get(path).content.decode()
    return re.search(r'value="http://testserver(/subventions/agenda/[^"]+\.ics)"', html).group(1)


def test_a_calendar_application_subscribes_with_a_personal_token(
    client, officer, beneficiary, other_client, agreement, other_agreement
):
    url = _feed_url(officer, "/subventions/")
    events = _events(client.get(url))  # no session: a calendar application
    assert any(other_agreement.reference in s for s in events) and any(
        agreement.reference in s for s in events
    )
    mine = _events(client.get(_feed_url(other_client, "/subventions/portail/")))
    assert all(other_agreement.reference in s for s in mine) and mine


def test_a_forged_or_revoked_token_answers_404(client, beneficiary, demo):
    url = _feed_url(beneficiary, "/subventions/portail/")
    assert client.get(url.replace(".ics", "x.ics")).status_code == 404
    user = demo["users"]["pole-microtechniques"]
    user.set_password("nouveau-mot-de-passe")
    user.save()
    assert client.get(url).status_code == 404
