"""`registre import FILE_OR_DIR... [--json] [--into-db] [--jobs N]`: read register extracts.

Documents are read by N processes (``--jobs``, default: every core); what they read is written,
or stored, in the order of the files. With ``--into-db``, each document is stored in one short
transaction (register.storing.store_document), by this process alone: a file that fails, or a
process killed midway, leaves nothing half-written, and a re-import changes nothing. One
summary line per file: read, partial, unchanged or refused, and why.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from registre.importer import DocumentError, DocumentReport, import_path

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
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help="nombre de processus de lecture (par défaut : un par cœur)",
    )
    parser.set_defaults(handler=run)


def _jobs(value: str) -> int:
    import argparse

    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {value} » n'est pas un nombre de processus") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("il faut au moins un processus")
    return jobs


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


def _read(path: Path) -> DocumentReport | DocumentError:
    """One document, read in a worker; what it returns crosses back to this process."""
    try:
        report = import_path(path)
    except DocumentError as error:
        return error
    report.document.stated.page.memo.clear()  # the readers' working notes: not needed, not picklable
    return report


def read_all(files: list[Path], jobs: int) -> Iterator[tuple[Path, DocumentReport | DocumentError]]:
    """Each file and what it gave, in the files' order, read by ``jobs`` processes."""
    if jobs == 1 or len(files) < 2:
        for path in files:
            yield path, _read(path)
        return
    # a fresh interpreter forks the workers: they share no database connection with this process
    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), mp_context=context) as pool:
        yield from zip(files, pool.map(_read, files, chunksize=4), strict=True)


def run(args) -> int:
    if args.into_db:
        return run_into_db(args)
    status = 0
    for path, outcome in read_all(expand(args.files), args.jobs):
        if isinstance(outcome, DocumentError):
            print(f"Erreur : {outcome.describe()}", file=sys.stderr)
            status = 2
            continue
        data = outcome.data
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
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
    for path, outcome in read_all(expand(args.files), args.jobs):
        try:
            if isinstance(outcome, DocumentError):
                raise outcome
            result = store_document(outcome, authority)  # one transaction per document
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
        unnamed = (
            ""
            if authority or outcome.document.stated.authority
            else " (collectivité non identifiée dans le texte : précisez-la avec --authority)"
        )
        print(f"{path} : {_summary(result)}{unnamed}")
    return status


def _summary(result) -> str:
    created = ", ".join(d.number for d in result.created)
    skipped = ", ".join(result.skipped)
    if result.created and result.skipped:
        return f"partiel — enregistrée(s) : {created} ; déjà au registre : {skipped}."
    if result.created:
        return f"lu — enregistrée(s) : {created}."
    if result.meeting_created or result.rows.get("attendance") or result.rows.get("item"):
        return "lu — séance et présences enregistrées, aucune délibération."
    return f"inchangé — déjà au registre : {skipped or 'la séance et ses présences'}."
