"""E-mail reminders of what is due: the core decides when, Django's mail backend sends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from registre.core import grants as core
from registre.core.grants.dates import format_date
from registre.web.accounts.models import User

from . import models
from .conversion import obligation_lines


@dataclass
class Sent:
    agreement: models.Agreement
    obligation: core.Obligation
    state: core.State
    recipients: list[str]


def _beneficiary_recipients(agreement: models.Agreement) -> list[str]:
    emails = [agreement.beneficiary.email] + [u.email for u in agreement.beneficiary.accounts.all()]
    return sorted({e for e in emails if e})


def _officer_recipients(agreement: models.Agreement) -> list[str]:
    users = User.objects.with_role(User.GRANTS_OFFICER).filter(authority=agreement.authority, is_active=True)
    return sorted({u.email for u in users if u.email})


def _message(agreement: models.Agreement, obligation: core.Obligation, state: core.State) -> tuple[str, str]:
    when = format_date(obligation.due_on)
    if state is core.State.LATE:
        subject = f"En retard : {obligation.label} — convention {agreement.reference}"
        lead = f"L'échéance du {when} est dépassée."
    else:
        subject = f"À produire avant le {when} : {obligation.label} — convention {agreement.reference}"
        lead = f"Échéance : {when}."
    body = (
        f"Bonjour,\n\n{lead}\n\n"
        f"Convention : {agreement.reference} — {agreement.object[:200]}\n"
        f"Attribuant : {agreement.authority}\nBénéficiaire : {agreement.beneficiary}\n"
        f"Obligation : {obligation.label}{(' (' + obligation.note + ')') if obligation.note else ''}\n\n"
        "Les documents se transmettent depuis le portail des bénéficiaires de Registre.\n"
    )
    return subject, body


def send_reminders(
    today: dt.date, *, lead_days: int = 30, repeat_days: int = 7, dry_run: bool = False
) -> list[Sent]:
    sent: list[Sent] = []
    agreements = models.Agreement.objects.filter(terminated_on__isnull=True).select_related(
        "authority", "beneficiary"
    )
    for agreement in agreements:
        for line in obligation_lines(agreement, today):
            obligation = line.obligation
            last = (
                models.ReminderSent.objects.filter(
                    agreement=agreement, kind=obligation.kind.value, due_on=obligation.due_on
                )
                .values_list("sent_on", flat=True)
                .first()
            )
            if not core.needs_reminder(
                obligation,
                today,
                received_on=line.received_on,
                last_sent=last,
                lead_days=lead_days,
                repeat_days=repeat_days,
            ):
                continue
            recipients = (
                _beneficiary_recipients(agreement)
                if obligation.kind.by_beneficiary
                else _officer_recipients(agreement)
            )
            if not recipients:
                continue
            if not dry_run:
                subject, body = _message(agreement, obligation, line.state)
                with transaction.atomic():
                    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
                    models.ReminderSent.objects.create(
                        agreement=agreement,
                        kind=obligation.kind.value,
                        due_on=obligation.due_on,
                        sent_on=today,
                        recipients=recipients,
                    )
            sent.append(Sent(agreement, obligation, line.state, recipients))
    return sent
