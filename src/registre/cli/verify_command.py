"""`registre verify [--authority SLUG]`: recompute every link of the chains of published acts.

Each act's stored canonical JSON is hashed again (SHA-256) and compared with its fingerprint and
with the link the next act holds; the columns that lists and exports read are compared with the
act's words. Exit status 0 and a one-line summary when intact; 1 naming each act whose content
or link no longer matches; 2 on bad arguments.
"""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("verify", help="vérifier la chaîne des actes publiés (empreintes SHA-256)")
    parser.add_argument(
        "--authority", metavar="COLLECTIVITE", help="identifiant de la collectivité (toutes sinon)"
    )
    parser.set_defaults(handler=run)


def run(args) -> int:
    from registre.web.bootstrap import setup_django

    setup_django()
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        print(f"Erreur : base de données inaccessible : {error}", file=sys.stderr)
        return 2
    if pending:
        print("Erreur : la base n'est pas à jour (lancez « registre manage migrate »).", file=sys.stderr)
        return 2
    from registre.web.register.chain import verify_register
    from registre.web.register.models import Authority

    authority = None
    if args.authority:
        authority = Authority.objects.filter(slug=args.authority).first()
        if authority is None:
            print(f"Erreur : collectivité inconnue : « {args.authority} ».", file=sys.stderr)
            return 2
    report = verify_register(authority)
    if report.intact:
        print(
            f"Chaîne intacte : {report.acts} acte(s) publié(s) de {report.authorities} collectivité(s), "
            "chaque empreinte et chaque lien recalculés."
        )
        return 0
    for slug, number, problem in report.problems:
        print(f"{slug} : acte n°{number} : {problem}", file=sys.stderr)
    acts = len({(slug, number) for slug, number, _problem in report.problems})
    print(f"Chaîne rompue : {acts} acte(s) sur {report.acts} ne correspondent plus.", file=sys.stderr)
    return 1
