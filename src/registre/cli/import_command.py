"""`registre import FILE_OR_DIR... --json`: one JSON object per document, one per line.

With ``--into-db``, each document read is stored in the database in one transaction
(register.storing.store_document): a file that fails, or a process killed midway,
leaves nothing half-written; numbers already in the register are skipped, so a
re-import changes nothing. One summary line per file: read, partial, unchanged or
refused, and why.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from registre.importer import DocumentError, import_path

SUFFIXES = (".txt", ".md", ".pdf")


def register(subparsers) -> None:
    parser = subparsers.add_parser("import", help="lire des extraits de registre (texte, Markdown, PDF)")
    parser.add_argument("files", nargs="+", metavar="FICHIER")
    parser.add_argument("--json", action="store_true", help="une ligne JSON par document (JSON Lines)")
    parser.add_argument(
        "--into-db",
        action="store_true",
        help="enregistrer chaque document dans la base (une transaction par document)",
    )
    parser.add_argument(
        "--authority",
        metavar="IDENTIFIANT",
        help="avec --into-db : la collectivité (identifiant) qui reçoit les documents",
    )
    parser.set_defaults(handler=run)


def expand(paths) -> list[Path]:
    """Files as given; directories walked for .txt, .md and .pdf files, in name order."""
    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            files.append(path)
    return files


def run(args) -> int:
    if args.into_db:
        return run_into_db(args)
    status = 0
    for path in expand(args.files):
        try:
            report = import_path(path)
        except DocumentError as error:
            print(f"Erreur : {error.describe()}", file=sys.stderr)
            status = 2
            continue
        if args.json:
            print(json.dumps(report.data, ensure_ascii=False))
        else:
            data = report.data
            numbers = ", ".join(d["number"] for d in data["deliberations"])
            print(
                f"{path} : {data['authority'] or '?'}, séance du {data['meeting']['date'] or '?'}, "
                f"{len(data['members'])} membres, délibération(s) {numbers}"
            )
    return status


def run_into_db(args) -> int:
    from registre.web.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from registre.web.register.models import Authority
    from registre.web.register.storing import store_document

    authority = None
    if args.authority:
        authority = Authority.objects.filter(slug=args.authority).first()
        if authority is None:
            print(f"Erreur : collectivité « {args.authority} » inconnue.", file=sys.stderr)
            return 2
    status = 0
    for path in expand(args.files):
        try:
            report = import_path(path)
            result = store_document(report, authority)  # one transaction per document
        except DocumentError as error:
            print(
                f"{path} : refusé — {error.reason}{' (' + error.hint + ')' if error.hint else ''} ; rien n'est enregistré."
            )
            status = 2
            continue
        except Exception as error:  # a database refusal: the document's transaction was rolled back
            print(
                f"{path} : refusé — enregistrement impossible ({error.__class__.__name__} : {error}) ; "
                "rien n'est enregistré."
            )
            status = 2
            continue
        created = ", ".join(d.number for d in result.created)
        skipped = ", ".join(result.skipped)
        if result.created and result.skipped:
            print(f"{path} : partiel — enregistrée(s) : {created} ; déjà au registre : {skipped}.")
        elif result.created:
            print(f"{path} : lu — enregistrée(s) : {created}.")
        else:
            print(f"{path} : inchangé — déjà au registre : {skipped or 'aucune délibération'}.")
    return status
