"""`send_grant_reminders`: e-mails (Django's in-memory backend in tests), then weekly until received."""

from io import StringIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from registre.web.grants.models import ReminderSent

from .conftest import pdf_bytes


def _run(date, *extra):
    out = StringIO()
    call_command("send_grant_reminders", "--date", date, *extra, stdout=out)
    return out.getvalue()


def test_reminders_a_month_before_then_weekly(agreement):
    assert _run("2021-11-30").endswith("0 rappel(s) envoyé(s).\n")
    output = _run("2021-12-01")
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "À produire avant le 31 décembre 2021 : Compte-rendu financier (2 exemplaires) — convention 2021/005795",
        "À produire avant le 31 décembre 2021 : Indicateurs territoriaux 2021 — convention 2021/005795",
        "À produire avant le 31 décembre 2021 : Rapport d'activité (2 exemplaires) — convention 2021/005795",
    ]
    assert mail.outbox[0].to == ["contact@pole-microtechniques.example"]
    assert "3 rappel(s) envoyé(s)." in output
    assert _run("2021-12-05").endswith("0 rappel(s) envoyé(s).\n")
    _run("2021-12-08")
    assert len(mail.outbox) == 6
    assert ReminderSent.objects.count() == 6


def test_late_and_received(beneficiary, agreement):
    beneficiary.post(
        f"/subventions/portail/conventions/{agreement.pk}/document/",
        {"kind": "activity_report", "year": "2021", "file": SimpleUploadedFile("r.pdf", pdf_bytes())},
    )
    _run("2022-01-10")
    subjects = [m.subject for m in mail.outbox]
    assert "En retard : Compte-rendu financier (2 exemplaires) — convention 2021/005795" in subjects
    assert not any("Rapport d'activité" in s for s in subjects)


def test_the_publication_deadline_goes_to_the_grants_officers(agreement, demo):
    officer = demo["users"]["subventions"]
    officer.email = "subventions@grandbesancon.example"
    officer.save()
    _run("2022-01-10")
    publication = [m for m in mail.outbox if "Publication des données essentielles" in m.subject]
    assert [m.to for m in publication] == [["subventions@grandbesancon.example"]]


def test_dry_run_sends_nothing(agreement):
    assert "3 rappel(s) à envoyer." in _run("2021-12-01", "--dry-run")
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_a_bad_date_is_a_french_error(db):
    with pytest.raises(CommandError, match="date invalide"):
        _run("31/12/2021")
