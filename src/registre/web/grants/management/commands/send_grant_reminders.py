"""`registre manage send_grant_reminders`: e-mail what is due or late on grant agreements.

Run it daily (cron, systemd timer): each obligation is reminded from 30 days before its
due date, then weekly until it is received.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from registre.web.grants.reminders import send_reminders


class Command(BaseCommand):
    help = "Envoie les rappels d'échéances des conventions de subvention."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="date du jour à retenir (AAAA-MM-JJ), par défaut aujourd'hui")
        parser.add_argument(
            "--lead-days", type=int, default=30, help="premier rappel, en jours avant l'échéance"
        )
        parser.add_argument("--repeat-days", type=int, default=7, help="intervalle entre deux rappels")
        parser.add_argument("--dry-run", action="store_true", help="afficher sans envoyer")

    def handle(self, *args, **options):
        try:
            today = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError:
            raise CommandError(f"date invalide : « {options['date']} » (attendu AAAA-MM-JJ)") from None
        sent = send_reminders(
            today,
            lead_days=options["lead_days"],
            repeat_days=options["repeat_days"],
            dry_run=options["dry_run"],
        )
        verb = "à envoyer" if options["dry_run"] else "envoyé(s)"
        for item in sent:
            self.stdout.write(
                f"{item.agreement.reference} — {item.obligation.label} ({item.state.label}) → "
                + ", ".join(item.recipients)
            )
        self.stdout.write(f"{len(sent)} rappel(s) {verb}.")
