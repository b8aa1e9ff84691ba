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
