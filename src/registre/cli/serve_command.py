"""`registre serve`: migrate, then serve with gunicorn.

Outside demo mode it refuses to start without REGISTRE_SECRET_KEY, or while accounts with the
demo's published password exist. `registre serve --demo` (what `make run` runs) loads the demo on
an empty database and prints its accounts; without a key of its own it keeps a random one in
the var directory.
"""

from __future__ import annotations

import os
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve", help="lancer l'application web (migre ; avec --demo, charge la démo si la base est vide)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="mode démonstration : comptes de démonstration au mot de passe connu, clé secrète générée",
    )
    parser.set_defaults(handler=run)


def run(args) -> int:
    if args.demo:
        _enter_demo_mode()
    from registre.web.bootstrap import prepare_database, setup_django
    from registre.web.security import deployment

    setup_django()
    if problem := deployment.key_problem():
        print(f"Démarrage refusé. {problem}", file=sys.stderr)
        return 2
    prepare_database(demo=args.demo)
    if problem := deployment.known_password_problem():
        print(f"Démarrage refusé. {problem}", file=sys.stderr)
        return 2
    print(f"Registre : http://{args.host}:{args.port}/")
    if args.demo:
        _print_demo_accounts()
    sys.stdout.flush()
    os.execv(sys.executable, _gunicorn(args))
    return 0  # not reached


def _enter_demo_mode() -> None:
    """Before Django reads its settings: gunicorn's workers inherit this environment."""
    from pathlib import Path

    from registre.web.security.deployment import demo_secret_key

    os.environ["REGISTRE_DEMO"] = "1"
    if not os.environ.get("REGISTRE_SECRET_KEY"):
        var_dir = Path(os.environ.get("REGISTRE_VAR_DIR", Path.cwd() / "var")).resolve()
        os.environ["REGISTRE_SECRET_KEY"] = demo_secret_key(var_dir)


def _print_demo_accounts() -> None:
    from registre.web.register.demo import demo_logins

    print("Mode démonstration : comptes de démonstration (identifiant / mot de passe) :")
    for username, password, description in demo_logins():
        print(f"  {username:24} {password:16} {description}")
    print(
        "Ces comptes n'existent qu'en démonstration : `registre serve` sans --demo refuse de démarrer avec eux."
    )


def _gunicorn(args) -> list[str]:
    return [
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
        "--logger-class",
        "registre.web.security.gunicorn_logging.RedactingLogger",
        "--log-level",
        "warning",
    ]
