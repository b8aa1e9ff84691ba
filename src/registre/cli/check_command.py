"""`registre check FILE...`: recompute each vote and compare it with the text.

Exit 0 when everything agrees, 1 when a figure or a rule does not, 2 when a
file cannot be read. A finding that holds on a run of items is printed in full
once per file; the other deliberations of the run point back to it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from registre.importer import DocumentError, import_path

_ROWS = (
    ("members_in_office", "Conseillers en exercice"),
    ("present", "Présents"),
    ("represented", "Représentés"),
    ("not_participating", "Ne prenant pas part au vote"),
    ("voters", "Votants"),
    ("for", "Pour"),
    ("against", "Contre"),
    ("abstain", "Abstentions"),
)


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="recalculer les votes et signaler les écarts")
    parser.add_argument("files", nargs="+", metavar="FICHIER")
    parser.set_defaults(handler=run)


def run(args) -> int:
    worst = 0
    for path in args.files:
        try:
            report = import_path(path)
        except DocumentError as error:
            print(f"Erreur : {error.describe()}", file=sys.stderr)
            worst = 2
            continue
        data = report.data
        reported: dict[tuple[str, str], int] = {}
        line_of = report.document.stated.page.line_of
        for deliberation in data["deliberations"]:
            print(format_deliberation(path, data, deliberation, reported, line_of))
            if deliberation["consistent"] is False:
                worst = max(worst, 1)
        print(format_document(path, data))
        if data.get("violations"):
            worst = max(worst, 1)
    return worst


def format_document(path: str, document: dict) -> str:
    """What concerns the document as a whole: its own anomalies and the reading assumptions."""
    meeting = document["meeting"]
    count = len(document["deliberations"])
    lines = [
        f"{path} — séance du {meeting.get('date') or 'date inconnue'} : "
        f"{count or 'aucune'} délibération{'s' if count > 1 else ''} lue{'s' if count > 1 else ''}, "
        f"{len(document['members'])} membres nommés"
    ]
    for finding in document.get("violations", []):
        lines.append(f"  [ANOMALIE] {finding['code']} : {finding['message']}")
    for finding in document.get("warnings", []):
        lines.append(f"  [attention] {finding['code']} : {finding['message']}")
    return "\n".join(lines)


def format_deliberation(
    path: str,
    document: dict,
    deliberation: dict,
    reported: dict[tuple[str, str], int] | None = None,
    line_of: Callable[[int], int] | None = None,
) -> str:
    """``reported``: grouped findings already printed for this file, and the item they were printed at;
    ``line_of``: the line of an offset of the text, to say where each figure was read."""
    computed = deliberation["computed"] or {}
    stated = deliberation["stated"]
    lines = [f"{path} — délibération n°{deliberation['number']} (question n°{deliberation['item']})"]
    if deliberation["title"]:
        lines.append(f"  {deliberation['title']}")
    computed_extra = {"members_in_office": document["meeting"]["members_in_office"]}
    lines.append(f"  {'':32} {'calculé':>8} {'indiqué':>8}")
    for key, label in _ROWS:
        value = computed.get(key, computed_extra.get(key))
        lines.append(f"  {label:32} {_cell(value):>8} {_cell(stated.get(key)):>8}")
    lines += _evidence(deliberation, line_of)
    if computed:
        quorum = "atteint" if computed["quorum_reached"] else "NON ATTEINT"
        lines.append(f"  Quorum : {computed['quorum_required']} requis, {quorum}")
        lines.append(f"  Résultat : {_result(computed)}")
    for finding in deliberation["violations"]:
        lines.append(_finding_line(finding, deliberation["item"], reported))
    verdict = {True: "cohérent", False: "INCOHÉRENT", None: "rien à comparer"}[deliberation["consistent"]]
    lines.append(f"  Verdict : {verdict}")
    return "\n".join(lines)


def _finding_line(finding: dict, item: int, reported: dict[tuple[str, str], int] | None) -> str:
    mark = "ANOMALIE" if finding["severity"] == "violation" else "attention"
    text = finding["message"]
    if reported is not None and finding.get("from_item") is not None:
        first = reported.setdefault((finding["code"], text), item)
        if first != item:
            text = (
                f"voir la question n°{first} ci-dessus (constat des questions n°{finding['from_item']} "
                f"à n°{finding['until_item']})"
            )
    return f"  [{mark}] {finding['code']} : {text}"


_EVIDENCE_ROWS = _ROWS + (
    ("legal_members", "Effectif légal"),
    ("present_titular", "Présents titulaires"),
    ("present_substitutes", "Présents suppléants"),
    ("absent", "Absents"),
    ("proxies", "Procurations"),
    ("votes_cast", "Suffrages exprimés"),
)


def _evidence(deliberation: dict, line_of: Callable[[int], int] | None) -> list[str]:
    """Where the text states each figure it states: its line and its own words."""
    evidence = deliberation.get("evidence") or {}
    if not evidence:
        return []
    lines = ["  Lu dans le texte :"]
    for key, label in _EVIDENCE_ROWS:
        found = evidence.get(key)
        if found:
            words = " ".join(found["text"].split())
            where = f"ligne {line_of(found['start'])}, " if line_of else ""
            lines.append(f"    {label} : {where}« {words[:160]}{'…' if len(words) > 160 else ''} »")
    return lines


def _cell(value) -> str:
    return "—" if value is None else str(value)


def _result(computed: dict) -> str:
    if computed["adopted"] is None:
        return "indéterminé"
    text = "adopté" if computed["adopted"] else "rejeté"
    if computed["unanimous"]:
        text += " à l'unanimité"
    elif computed["unanimous_of_votes_cast"]:
        text += " à l'unanimité des suffrages exprimés"
    return text
