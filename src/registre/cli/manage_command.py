"""`registre manage ...`: Django's management commands (migrate, createsuperuser, send_grant_reminders…)."""

from __future__ import annotations

import argparse


def register(subparsers) -> None:
    parser = subparsers.add_parser("manage", help="commandes d'administration Django", add_help=False)
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from registre.web.bootstrap import setup_django

    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["registre manage", *args.arguments])
    return 0
