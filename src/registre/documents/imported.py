"""From an imported extract (registre.importer) to the documents' records.

The importer reads the core meeting and each deliberation's parts (``importer.parts``: report
text, operative part, signature, annexes); this module only maps them to the documents' records.
Figures printed in the source are not kept: documents print the rules core's.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from registre.core.model import Meeting
from registre.importer import DocumentReport, import_path, import_text
from registre.importer.parts import Parts, chair_title, deliberation_parts
from registre.importer.persons import NamedPerson

from .model import BudgetAmount, DeliberationRecord, MeetingRecord, Signatory


def record_from_report(report: DocumentReport) -> MeetingRecord:
    document = report.document
    stated = document.stated
    deliberations = tuple(
        _deliberation(
            deliberation.number,
            document.items[deliberation.number],
            deliberation_parts(stated, index),
            deliberation.interested,
        )
        for index, deliberation in enumerate(stated.deliberations)
    )
    return MeetingRecord(
        meeting=_with_full_fields(document.meeting, deliberations),
        deliberations=deliberations,
        tally=report.tally,
        convened_on=stated.convened_on,
        chair_title=chair_title(stated.original),
        source=stated.source,
    )


def record_from_text(source: str, text: str) -> MeetingRecord:
    return record_from_report(import_text(source, text))


def record_from_path(path: str | Path) -> MeetingRecord:
    """Import an extract file (text, Markdown or PDF) on the fly; raises importer.DocumentError."""
    return record_from_report(import_path(path))


def _deliberation(number: str, item: int, parts: Parts, interested: list[NamedPerson]) -> DeliberationRecord:
    signatory = parts.signatory
    return DeliberationRecord(
        number=number,
        item=item,
        title=parts.title,
        rapporteur=parts.rapporteur,
        committee=parts.committee,
        budget_line=parts.budget_line,
        budget_amounts=tuple(BudgetAmount(label, value) for label, value in parts.budget_amounts),
        text=parts.text,
        decision=parts.decision,
        interested_members=tuple(dict.fromkeys(p.key for p in interested)),
        signatory=Signatory(signatory.name, signatory.capacity, signatory.title) if signatory else None,
        annexes=parts.annexes,
    )


def _with_full_fields(meeting: Meeting, deliberations: tuple[DeliberationRecord, ...]) -> Meeting:
    """The importer stops a title at the first wide gap, which a PDF text layer puts at every wrapped
    line: the items take the titles, rapporteurs and committees read here over the whole field."""
    by_item = {d.item: d for d in deliberations}
    items = []
    for item in meeting.items:
        record = by_item.get(item.number)
        if record is not None:
            item = replace(
                item,
                title=record.title or item.title,
                rapporteur=record.rapporteur or item.rapporteur,
                committee=record.committee or item.committee,
            )
        items.append(item)
    return replace(meeting, items=tuple(items))
