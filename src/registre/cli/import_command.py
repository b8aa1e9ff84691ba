"""`registre import FILE... --json`: one JSON object per document, one per line."""

from __future__ import annotations

import json
import sys

from registre.importer import DocumentError, import_path


def register(subparsers) -> None:
    parser = subparsers.add_parser("import", help="lire des extraits de registre (texte, Markdown, PDF)")
    parser.add_argument("files", nargs="+", metavar="FICHIER")
    parser.add_argument("--json", action="store_true", help="une ligne JSON par document (JSON Lines)")
    parser.set_defaults(handler=run)


def run(args) -> int:
    status = 0
    for path in args.files:
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
            print(f"{path} : {data['authority'] or '?'}, séance du {data['meeting']['date'] or '?'}, "
                  f"{len(data['members'])} membres, délibération(s) {numbers}")
    return status
