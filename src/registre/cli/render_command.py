"""`registre render extract|list|minutes|agreement SOURCE --format pdf|docx|txt --out PATH`.

SOURCE is an extract file (text, Markdown or PDF), imported on the fly: the document is
written from the imported meeting, every figure recomputed by the rules core. SOURCE may
also name a stored record of the configured database (DATABASE_URL): a deliberation by
its number ("2021/005795", with --authority SLUG when several authorities use it) or a
meeting as "seance:ID". An existing file always wins over a stored name.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from registre.importer import DocumentError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "render", help="produire un extrait, la liste des délibérations ou le procès-verbal (PDF/A, DOCX)"
    )
    parser.add_argument(
        "kind",
        choices=("extract", "list", "minutes", "agreement"),
        metavar="DOCUMENT",
        help="extract (extrait du registre), list (liste des délibérations), minutes (procès-verbal) "
        "ou agreement (convention de subvention jointe et ses annexes)",
    )
    parser.add_argument(
        "source",
        metavar="SOURCE",
        help="extrait de registre (texte, Markdown ou PDF) importé à la volée, ou enregistrement de la "
        "base : numéro de délibération (2021/005795) ou séance (seance:ID)",
    )
    parser.add_argument(
        "--authority",
        metavar="SLUG",
        help="collectivité de la délibération enregistrée (identifiant), si le numéro est ambigu",
    )
    parser.add_argument(
        "--format",
        choices=("pdf", "docx", "txt"),
        default="pdf",
        help="pdf (PDF/A-2b balisé, par défaut), docx (modifiable) ou txt (texte)",
    )
    parser.add_argument(
        "--out", metavar="CHEMIN", help="fichier à écrire (par défaut : nom tiré de la séance)"
    )
    parser.add_argument(
        "--number", metavar="N°", help="numéro de la délibération, si la source en contient plusieurs"
    )
    parser.add_argument(
        "--templates",
        metavar="DOSSIER",
        help="modèles de la collectivité (remplacent ceux fournis ; aussi REGISTRE_TEMPLATES_DIR)",
    )
    parser.set_defaults(handler=run)


def run(args) -> int:
    from registre.documents.imported import record_from_path
    from registre.documents.render import file_name, render

    if args.kind == "agreement":
        return _agreement(args)
    if not Path(args.source).exists() and _STORED.match(args.source):
        try:
            record, number = _stored(args)
        except LookupError as error:
            print(f"Erreur : {error.args[0]}", file=sys.stderr)
            return 2
        args.number = args.number or number
    else:
        try:
            record = record_from_path(args.source)
        except DocumentError as error:
            print(f"Erreur : {error.describe()}", file=sys.stderr)
            return 2
    try:
        deliberation = record.deliberation(args.number) if args.number else None
        if args.kind == "extract" and deliberation is None and record.deliberations:
            deliberation = record.deliberations[0]
            if len(record.deliberations) > 1:
                numbers = ", ".join(d.number for d in record.deliberations)
                print(
                    f"Plusieurs délibérations ({numbers}) : extrait de la n° {deliberation.number} "
                    "(choisir avec --number).",
                    file=sys.stderr,
                )
        data = render(args.kind, record, args.format, deliberation=deliberation, templates_dir=args.templates)
    except (KeyError, ValueError, FileNotFoundError) as error:
        message = error.args[0] if error.args else str(error)
        print(f"Erreur : {message}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else Path(file_name(args.kind, record, args.format, deliberation))
    out.write_bytes(data)
    print(f"{out} ({len(data)} octets)")
    return 0


_STORED = re.compile(r"^(?:s[ée]ance:\d+|\d{4}/\d+)$", re.I)


def _stored(args):
    """(MeetingRecord, deliberation number or None) from the configured database, every state included."""
    from django.apps import apps

    if not apps.ready:  # already set up under a test runner or another command
        from registre.web.bootstrap import setup_django

        setup_django()
    from registre.web.downloads.records import meeting_record
    from registre.web.register.models import Deliberation, Meeting

    source = args.source
    if ":" in source:
        meeting = (
            Meeting.objects.select_related("council__authority").filter(pk=int(source.split(":")[1])).first()
        )
        if meeting is None:
            raise LookupError(f"séance {source.split(':')[1]} introuvable dans la base")
        return meeting_record(meeting), None
    found = Deliberation.objects.filter(number=source).select_related("item__meeting", "authority")
    if args.authority:
        found = found.filter(authority__slug=args.authority)
    found = list(found[:2])
    if not found:
        raise LookupError(f"délibération n° {source} introuvable dans la base")
    if len(found) > 1:
        raise LookupError(f"plusieurs délibérations n° {source} : préciser la collectivité avec --authority")
    return meeting_record(found[0].item.meeting), found[0].number


def _agreement(args) -> int:
    from registre.documents.render import render_agreement
    from registre.importer.agreement import read_agreement
    from registre.importer.sources import read_source

    try:
        text = read_source(args.source)
        agreement = read_agreement(args.source, text).agreement
        try:
            from registre.documents.imported import record_from_text

            council = record_from_text(args.source, text).meeting.council or "Conseil"
        except (DocumentError, ValueError, KeyError, IndexError):
            council = "Conseil"
    except DocumentError as error:
        print(f"Erreur : {error.describe()}", file=sys.stderr)
        return 2
    try:
        data = render_agreement(agreement, args.format, council=council, templates_dir=args.templates)
    except (ValueError, FileNotFoundError) as error:
        print(f"Erreur : {error.args[0] if error.args else error}", file=sys.stderr)
        return 2
    extension = "md" if args.format == "txt" else args.format
    out = (
        Path(args.out)
        if args.out
        else Path(f"convention_{agreement.reference.replace('/', '-')}.{extension}")
    )
    out.write_bytes(data)
    print(f"{out} ({len(data)} octets)")
    return 0
