"""The import contract: one JSON-ready dict per document, stated beside computed.

"stated" is what the text prints (null where it is silent), "computed" what the
rules core derives from the lists; every difference becomes a named violation.
"""

from __future__ import annotations

from dataclasses import dataclass

from registre.core import ItemTally, MeetingTally, Severity, Violation, tally_meeting
from registre.core.violations import violation, warning

from .assemble import ImportedDocument, assemble, interested_counts
from .errors import DocumentError
from .extract import StatedDeliberation, read_extract

STATED_FIELDS = ("members_in_office", "present", "represented", "voters", "for", "against", "abstain",
                 "not_participating")


@dataclass(frozen=True)
class DocumentReport:
    document: ImportedDocument
    tally: MeetingTally
    data: dict


def import_text(source: str, text: str) -> DocumentReport:
    document = assemble(read_extract(source, text))
    tally = tally_meeting(document.meeting)
    return DocumentReport(document, tally, _document_dict(document, tally))


def _document_dict(document: ImportedDocument, tally: MeetingTally) -> dict:
    meeting = document.meeting
    stated = document.stated
    return {
        "source": stated.source,
        "authority": stated.authority,
        "meeting": {
            "date": stated.date.isoformat() if stated.date else None,
            "place": stated.place,
            "chair": stated.chair.name if stated.chair else None,
            "secretary": stated.secretary.name if stated.secretary else None,
            "opened_at": _clock(stated.opened_at),
            "closed_at": _clock(stated.closed_at),
            "members_in_office": stated.members_in_office,
            "order_of_passage": list(meeting.order_of_passage),
            "order_of_passage_stated": document.order_stated,
            "council": stated.council,
            "rules": {"source": tally.rules.source, "uncertain": tally.rules.uncertain},
        },
        "members": [
            {"name": m.name, "civility": m.civility or None, "commune": m.commune, "substitute": m.substitute}
            for m in meeting.members
        ],
        "attendance": [
            {"member": _plain(meeting, a.member), "present": a.present, **_window(a.window)}
            for a in meeting.attendance
        ],
        "proxies": [
            {"principal": _plain(meeting, p.principal), "holder": _plain(meeting, p.holder), **_window(p.window)}
            for p in meeting.proxies
        ],
        "deliberations": [
            _deliberation_dict(document, tally, deliberation) for deliberation in stated.deliberations
        ],
        "warnings": [v.as_dict() for v in tally.violations if v.severity is Severity.WARNING],
    }


def _plain(meeting, key: str) -> str:
    member = meeting.member(key)
    return member.name if member else key


def _clock(value) -> str | None:
    return value.strftime("%H:%M") if value else None


def _window(window) -> dict:
    data = {"from_item": window.from_item, "until_item": window.until_item}
    if window.except_items:
        data["except_items"] = sorted(window.except_items)
    return data


def _deliberation_dict(document: ImportedDocument, tally: MeetingTally, deliberation: StatedDeliberation) -> dict:
    meeting = document.meeting
    number = document.items[deliberation.number]
    item_tally = tally.for_item(number)
    stated = _stated(document, deliberation)
    computed = _computed(item_tally) if item_tally else None
    findings = _relevant(tally.violations, number, meeting) + list(item_tally.violations if item_tally else [])
    findings += _compare(stated, computed, number)
    findings += _check_interested_counts(meeting, deliberation, item_tally)
    blocking = [v for v in findings if v.severity is Severity.VIOLATION]
    compared = computed is not None and any(stated[f] is not None for f in STATED_FIELDS)
    consistent = False if blocking else (True if compared else None)
    return {
        "number": deliberation.number,
        "item": number,
        "title": deliberation.title,
        "rapporteur": deliberation.rapporteur,
        "committee": deliberation.committee,
        "budget_line": deliberation.budget_line,
        "interested_members": [p.name for p in deliberation.interested],
        "computed": computed,
        "stated": stated,
        "consistent": consistent,
        "violations": [v.as_dict() for v in dict.fromkeys(findings)],
        "line": deliberation.line,
    }


def _relevant(findings: list[Violation], item: int, meeting) -> list[Violation]:
    """Findings about this item, and those about the record as a whole (no item, or an item off the agenda)."""
    agenda = set(meeting.order_of_passage)
    return [v for v in findings if not v.items or item in v.items or not agenda.issuperset(v.items)]


def _stated(document: ImportedDocument, deliberation: StatedDeliberation) -> dict:
    vote = deliberation.vote
    return {
        "members_in_office": document.stated.members_in_office,
        "present": vote.present,
        "represented": vote.represented,
        "voters": vote.voters,
        "for": vote.votes_for,
        "against": vote.votes_against,
        "abstain": vote.abstentions,
        "not_participating": vote.not_participating,
    }


def _computed(item: ItemTally) -> dict:
    return {
        "present": item.present_count,
        "represented": item.represented_count,
        "not_participating": item.not_participating,
        "voters": item.voters,
        "for": item.votes_for,
        "against": item.votes_against,
        "abstain": item.abstentions,
        "votes_cast": item.votes_cast,
        "quorum_required": item.quorum_required,
        "quorum_reached": item.quorum_reached,
        "adopted": item.adopted,
        "unanimous": item.unanimous,
        "unanimous_of_votes_cast": item.unanimous_of_votes_cast,
    }


_LABELS = {
    "members_in_office": "conseillers en exercice", "present": "présents", "represented": "représentés",
    "voters": "votants", "for": "pour", "against": "contre", "abstain": "abstentions",
    "not_participating": "ne prenant pas part au vote",
}


def _compare(stated: dict, computed: dict | None, item: int) -> list[Violation]:
    if computed is None:
        return []
    findings = []
    for field_name in STATED_FIELDS:
        said = stated[field_name]
        derived = computed.get(field_name)
        if said is None or derived is None or said == derived:
            continue
        findings.append(violation(
            "stated_figure_mismatch",
            f"Question n°{item} : le document indique {said} {_LABELS[field_name]}, le calcul donne {derived}.",
            items=(item,), field=field_name,
        ))
    return findings


def _check_interested_counts(meeting, deliberation: StatedDeliberation, item: ItemTally | None) -> list[Violation]:
    if item is None:
        return []
    findings = []
    for key, said in interested_counts(deliberation).items():
        held = sum(1 for p in item.represented if p.holder == key)
        own = 1 if key in item.present else 0
        if own + held != said:
            findings.append(warning(
                "interested_count_mismatch",
                f"{meeting.display_name(key)} est noté ({said}) parmi les intéressés ; le calcul donne "
                f"{own + held} voix non exprimées.",
                members=(key,), items=(item.item,), field="not_participating",
            ))
    return findings


def import_path(path) -> DocumentReport:
    """Read one file; any failure, even a reader bug, becomes a DocumentError naming the file."""
    from .sources import read_source

    text = read_source(path)
    try:
        return import_text(str(path), text)
    except DocumentError:
        raise
    except (ValueError, IndexError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise DocumentError(str(path), f"lecture impossible ({error.__class__.__name__} : {error})",
                            hint="signalez ce document à l'équipe Registre") from error
