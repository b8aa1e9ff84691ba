"""`registre serve`: migrate, load the demo on an empty database, then serve with gunicorn."""

from __future__ import annotations

import os
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve", help="lancer l'application web (migre et charge la démo si la base est vide)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=3)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from registre.web.bootstrap import prepare_database, setup_django

    setup_django()
    prepare_database()
    from registre.web.register.demo import demo_logins

    print(f"Registre : http://{args.host}:{args.port}/")
    print("Comptes de démonstration (identifiant / mot de passe) :")
    for username, password, description in demo_logins():
        print(f"  {username:24} {password:16} {description}")
    sys.stdout.flush()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "registre.web.wsgi:application",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        "--access-logfile",
        "-",
        "--log-level",
        "warning",
    ]
    os.execv(sys.executable, command)
    return 0  # not reached
