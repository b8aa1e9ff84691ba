"""`registre manage api_token USER [--label L]`: issue an API token for a clerk (shown once)."""

from django.core.management.base import BaseCommand, CommandError

from registre.web.accounts.models import User
from registre.web.api.models import ApiToken


class Command(BaseCommand):
    help = "Créer un jeton d'API pour un compte du secrétariat (limité à sa collectivité)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--label", default="")

    def handle(self, *args, username, label, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Compte inconnu : {username}")
        try:
            token, key = ApiToken.issue(user, label=label)
        except ValueError as error:
            raise CommandError(f"{username} : {error}") from None
        self.stdout.write(
            f"Jeton pour {user} ({token.authority}) — conservez-le, il ne sera plus affiché :\n{key}"
        )
