"""`registre export scdl-deliberations|scdl-subventions --out F` and `registre import-scdl FILE...`.

Export: the database's published deliberations (or grants) as an SCDL CSV file, streamed and
validated row by row against the official schema (frictionless) and its custom checks; an
invalid row blocks the publication (nothing written) and is named with its field and rule.
The report beside the file (``<name>.rapport.json``) names the imported rows it leaves out
(kept with findings, not yet completed) and why.
Import: an authority's existing SCDL files, one transaction per file; every row is kept as the
authority's history, with its findings (field, rule) summarised; only what is not a row is
refused, with line, field and reason. Exit status 0: done; 1: publication blocked or rows
refused; 2: unreadable file or bad arguments.
"""

from __future__ import annotations

import sys

KINDS = ("scdl-deliberations", "scdl-subventions")


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help="exporter les données ouvertes au format SCDL (CSV)")
    parser.add_argument("kind", choices=KINDS, metavar="FORMAT", help=" ou ".join(KINDS))
    parser.add_argument("--out", required=True, metavar="FICHIER", help="fichier CSV à écrire")
    parser.add_argument(
        "--authority", metavar="COLLECTIVITE", help="identifiant de la collectivité (toutes sinon)"
    )
    parser.add_argument("--base-url", metavar="URL", help="adresse publique du portail, pour DELIB_URL")
    parser.set_defaults(handler=run_export)

    importer = subparsers.add_parser(
        "import-scdl", help="importer des fichiers SCDL existants (Délibérations, Subventions)"
    )
    importer.add_argument("files", nargs="+", metavar="FICHIER")
    importer.add_argument(
        "--authority",
        metavar="COLLECTIVITE",
        help="n'accepter que les lignes de cette collectivité (identifiant)",
    )
    importer.add_argument(
        "--strict",
        action="store_true",
        help="refuser tout le fichier si une ligne est refusée ou a des réserves",
    )
    importer.set_defaults(handler=run_import)


def _setup(authority_slug: str | None):
    from registre.web.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    if not authority_slug:
        return None, None
    from registre.web.register.models import Authority

    authority = Authority.objects.filter(slug=authority_slug).first()
    if authority is None:
        return None, f"Erreur : collectivité inconnue : « {authority_slug} »."
    return authority, None


def run_export(args) -> int:
    authority, error = _setup(args.authority)
    if error:
        print(error, file=sys.stderr)
        return 2
    from registre.opendata.findings import PublicationBlocked
    from registre.web.opendata.exports import KIND_BY_NAME, export_with_report

    try:
        result, report, report_path = export_with_report(
            KIND_BY_NAME[args.kind], args.out, authority=authority, base_url=args.base_url
        )
    except PublicationBlocked as blocked:
        print(f"Publication bloquée : {args.out} n'est pas écrit.", file=sys.stderr)
        for finding in blocked.findings:
            print(f"  {finding.describe()}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Erreur : {args.out} : écriture impossible ({error.strerror}).", file=sys.stderr)
        return 2
    print(f"{result.summary()} ; écrit en {result.seconds:.1f} s.")
    print(f"Rapport : {report_path} : {report.summary()}.")
    for line in report.lines():
        print(line)
    return 0


def run_import(args) -> int:
    authority, error = _setup(args.authority)
    if error:
        print(error, file=sys.stderr)
        return 2
    from registre.opendata.reader import ScdlFileError
    from registre.web.opendata.scdl_import import import_scdl_file

    status = 0
    for path in args.files:
        try:
            report = import_scdl_file(path, authority=authority, strict=args.strict)
        except ScdlFileError as error:
            print(f"Erreur : {error}", file=sys.stderr)
            status = 2
            continue
        except OSError as error:
            print(f"Erreur : {path} : lecture impossible ({error.strerror}).", file=sys.stderr)
            status = 2
            continue
        for line in report.lines():
            print(line)
        if report.refused or report.error:
            status = max(status, 1)
    return status
