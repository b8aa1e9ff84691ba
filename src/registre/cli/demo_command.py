"""`registre demo`: load the demo data into the configured database (idempotent).

The demo's accounts have a published password: afterwards `registre serve` runs only with
--demo, until their passwords are changed or the accounts deactivated."""

from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="charger les données de démonstration (sans effet si déjà chargées)"
    )
    parser.set_defaults(handler=run)


def run(args) -> int:
    from registre.web.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from registre.web.register.demo import demo_logins, load_demo

    context = load_demo()
    print(f"Démonstration chargée : {context['authority']}, délibération n°{context['deliberation'].number}.")
    print("Comptes de démonstration (mode démonstration uniquement, lancez : registre serve --demo) :")
    for username, password, description in demo_logins():
        print(f"  {username:24} {password:16} {description}")
    return 0
