"""Demo data: the example meeting imported through the importer, and demo accounts.

Idempotent: loading twice changes nothing. Other apps add their own demo data by
providing a ``demo`` module with ``load_demo(context)`` (context: the dict below).
"""

from __future__ import annotations

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction

from registre.demo import EXAMPLE_EXTRACT
from registre.importer import import_path

from .models import Authority, Deliberation
from .storing import authority_named, store_document

DEMO_PASSWORD = "registre-demo"
EXAMPLE_NUMBER = "2021/005795"
DEMO_ACCOUNTS = [
    # username, role, authority name (None: none), description shown by `registre serve`
    ("greffe", "clerk", "Grand Besançon Métropole", "secrétariat des assemblées de Grand Besançon Métropole"),
    (
        "subventions",
        "grants_officer",
        "Grand Besançon Métropole",
        "service des subventions de Grand Besançon Métropole",
    ),
    ("greffe-voisine", "clerk", "Commune de Voisine-sur-Doubs", "secrétariat d'une autre collectivité"),
    ("admin", "administrator", None, "administrateur"),
]


def database_is_empty() -> bool:
    return not Authority.objects.exists()


@transaction.atomic
def load_demo() -> dict:
    authority = authority_named("Grand Besançon Métropole", "epci")
    authority_named("Commune de Voisine-sur-Doubs", "commune")
    deliberation = Deliberation.objects.filter(authority=authority, number=EXAMPLE_NUMBER).first()
    if deliberation is None:
        result = store_document(import_path(EXAMPLE_EXTRACT), authority)
        deliberation = result.created[0]
        deliberation.actes_code = "7.5"
        deliberation.publish()
        deliberation.save()
    context = {"authority": authority, "deliberation": deliberation, "users": _accounts()}
    for config in apps.get_app_configs():
        if config.name.startswith("registre.web.") and config.name != __package__:
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise
                continue
            module.load_demo(context)
    return context


def _accounts() -> dict:
    User = get_user_model()  # the accounts app's model, named by the settings: no import of it
    users = {}
    for username, role, authority_name, _description in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            authority = Authority.objects.get(name=authority_name) if authority_name else None
            user = User.objects.create_user(
                username,
                password=DEMO_PASSWORD,
                role=role,
                authority=authority,
                is_staff=role == "administrator",
                is_superuser=role == "administrator",
            )
        users[username] = user
    return users


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, password, description) for the accounts `registre serve` prints."""
    User = get_user_model()
    logins = [(u, DEMO_PASSWORD, d) for u, _r, _a, d in DEMO_ACCOUNTS]
    known = {u for u, _p, _d in logins}
    for user in User.objects.filter(role=User.BENEFICIARY).exclude(username__in=known).order_by("username"):
        logins.append(
            (user.username, DEMO_PASSWORD, "bénéficiaire : " + (user.get_full_name() or user.username))
        )
    return logins
