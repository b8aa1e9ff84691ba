import dataclasses
import datetime as dt

from registre.core.grants import ObligationKind, State, dashboard, needs_reminder, obligations_of

from .example import EXAMPLE

D = dt.date


def _by_kind(agreement=EXAMPLE):
    return {o.kind: o for o in obligations_of(agreement)}


def test_the_example_calendar():
    calendar = _by_kind()
    assert calendar[ObligationKind.FINANCIAL_REPORT].due_on == D(2021, 12, 31)
    assert calendar[ObligationKind.ACTIVITY_REPORT].due_on == D(2021, 12, 31)
    assert calendar[ObligationKind.ACTIVITY_REPORT].copies == 2
    assert calendar[ObligationKind.ACTIVITY_REPORT].label == "Rapport d'activité (2 exemplaires)"
    assert calendar[ObligationKind.INDICATORS].label == "Indicateurs territoriaux 2021"
    assert calendar[ObligationKind.PUBLICATION].due_on == D(2022, 1, 20)
    assert calendar[ObligationKind.END_OF_VALIDITY].due_on == D(2022, 11, 1)
    assert calendar[ObligationKind.END_OF_RETENTION].due_on == D(2032, 11, 1)
    dates = [o.due_on for o in obligations_of(EXAMPLE)]
    assert dates == sorted(dates)


def test_states_due_received_late_and_milestones():
    report = _by_kind()[ObligationKind.ACTIVITY_REPORT]
    assert report.state(D(2021, 12, 31)) is State.DUE
    assert report.state(D(2022, 1, 1)) is State.LATE
    assert report.state(D(2022, 1, 1), received_on=D(2022, 1, 5)) is State.RECEIVED
    end = _by_kind()[ObligationKind.END_OF_VALIDITY]
    assert end.state(D(2022, 10, 31)) is State.UPCOMING
    assert end.state(D(2022, 11, 1)) is State.PASSED
    assert State.LATE.label == "en retard"


def test_unsigned_agreement_has_no_publication_deadline():
    kinds = _by_kind(dataclasses.replace(EXAMPLE, signed_on=None))
    assert ObligationKind.PUBLICATION not in kinds


def test_dashboard_across_agreements():
    other = dataclasses.replace(
        EXAMPLE,
        reference="2022/000001",
        financial_year=2022,
        valid_until=D(2023, 11, 1),
        signed_on=D(2022, 3, 1),
    )
    received = {("2021/005795", ObligationKind.ACTIVITY_REPORT): D(2022, 1, 3)}
    entries = [
        (a.reference, o, received.get((a.reference, o.kind)))
        for a in (EXAMPLE, other)
        for o in obligations_of(a)
    ]
    board = dashboard(entries, D(2022, 11, 15), horizon_days=30)
    assert [(line.agreement, line.obligation.kind) for line in board.overdue] == [
        ("2021/005795", ObligationKind.FINANCIAL_REPORT),
        ("2021/005795", ObligationKind.INDICATORS),
        ("2021/005795", ObligationKind.PUBLICATION),
        ("2022/000001", ObligationKind.PUBLICATION),
    ]
    assert board.overdue[0].days == -319
    assert {line.obligation.kind for line in board.later} == {
        ObligationKind.FINANCIAL_REPORT,
        ObligationKind.ACTIVITY_REPORT,
        ObligationKind.INDICATORS,
    }
    assert board.due_soon == ()
    soon = dashboard(entries, D(2022, 11, 15), horizon_days=60)
    assert len(soon.due_soon) == 3


def test_reminders_start_30_days_before_and_repeat_weekly_until_received():
    report = _by_kind()[ObligationKind.ACTIVITY_REPORT]
    assert not needs_reminder(report, D(2021, 11, 30))
    assert needs_reminder(report, D(2021, 12, 1))
    assert not needs_reminder(report, D(2021, 12, 5), last_sent=D(2021, 12, 1))
    assert needs_reminder(report, D(2021, 12, 8), last_sent=D(2021, 12, 1))
    assert needs_reminder(report, D(2022, 3, 1), last_sent=D(2022, 2, 1))
    assert not needs_reminder(report, D(2022, 3, 1), received_on=D(2022, 2, 1))
    assert not needs_reminder(_by_kind()[ObligationKind.END_OF_VALIDITY], D(2022, 10, 30))
