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
EXAMPLE_SIRET = "24250036100017"  # demo value: see web/opendata/demo.py (SCDL requires one to publish)
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
    (
        "subventions-voisine",
        "grants_officer",
        "Commune de Voisine-sur-Doubs",
        "service des subventions d'une autre collectivité",
    ),
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
        deliberation.save()
    if not deliberation.is_published:
        deliberation = _publish_example(deliberation)
    context = {"authority": authority, "deliberation": deliberation, "users": _accounts()}
    for module in _app_demo_modules():
        module.load_demo(context)
    return context


def _app_demo_modules():
    for config in apps.get_app_configs():
        if config.name.startswith("registre.web.") and config.name != __package__:
            try:
                yield importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise


def _publish_example(deliberation: Deliberation) -> Deliberation:
    """Through the publication service, like any act: the demo accepts the example's warnings
    (how its attendance lists were read), and the act records that they were accepted."""
    from . import services

    if not deliberation.authority.siret:
        deliberation.authority.siret = EXAMPLE_SIRET
        deliberation.authority.save(update_fields=["siret"])
    review = services.review(deliberation)
    act = services.publish(deliberation, acknowledged=review.warning_keys())
    return act.deliberation


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


def demo_accounts() -> list[tuple[str, str]]:
    """(username, description) of every account the demo creates, the apps' (``DEMO_ACCOUNTS`` of
    their demo module) included: they exist only in demo mode, with the published password."""
    accounts = [(username, description) for username, _r, _a, description in DEMO_ACCOUNTS]
    for module in _app_demo_modules():
        accounts += list(getattr(module, "DEMO_ACCOUNTS", ()))
    return accounts


def demo_usernames() -> list[str]:
    return [username for username, _description in demo_accounts()]


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, password, description) for the demo accounts `registre serve --demo` prints."""
    User = get_user_model()

    present = set(User.objects.filter(username__in=demo_usernames()).values_list("username", flat=True))
    return [(u, DEMO_PASSWORD, d) for u, d in demo_accounts() if u in present]
