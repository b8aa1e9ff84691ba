"""Start Django from the CLI or a script with the project's settings."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registre.web.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)


def prepare_database(verbose: bool = True, *, demo: bool = False) -> bool:
    """Migrate; in demo mode, load the demo on an empty database. Returns True when it was loaded."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from registre.web.register.demo import database_is_empty, load_demo

    if not database_is_empty():
        return False
    if demo:
        load_demo()
        if verbose:
            print("Base vide : données de démonstration chargées.")
        return True
    if verbose:
        print(
            "Base vide. Créez le premier administrateur : registre manage createsuperuser ; "
            "ou essayez l'application avec la démonstration : registre serve --demo."
        )
    return False
