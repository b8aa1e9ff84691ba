"""The documents the register issues, in every format: the public entry points.

    render_extract(record, deliberation, "pdf")  -> bytes   # one deliberation
    render_list(record, "pdf")                   -> bytes   # list of deliberations of a meeting
    render_minutes(record, "docx")               -> bytes   # procès-verbal
    render(kind, record, format, number=None)    -> bytes   # the same, by name

Formats: "pdf" (PDF/A-2b, tagged), "docx" (editable, from a docxtpl template), "txt"
(the text rendering, light Markdown). ``templates_dir`` (or REGISTRE_TEMPLATES_DIR)
points to an authority's own templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from registre.core.grants import GrantAgreement

from . import composition, text
from .model import Composition, DeliberationRecord, MeetingRecord
from .templates import TemplatesDir

KINDS = ("extract", "list", "minutes")  # and "agreement": render_agreement()
FORMATS = ("pdf", "docx", "txt")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/markdown; charset=utf-8",
}
KIND_NAMES = {
    "extract": "extrait",
    "list": "liste-des-deliberations",
    "minutes": "proces-verbal",
    "agreement": "convention",
}


def compose(kind: str, record: MeetingRecord, deliberation: DeliberationRecord | None = None) -> Composition:
    if kind == "extract":
        if deliberation is None:
            raise ValueError("un extrait porte sur une délibération : précisez laquelle")
        return composition.compose_extract(record, deliberation)
    if kind == "list":
        return composition.compose_list(record)
    if kind == "minutes":
        return composition.compose_minutes(record)
    raise ValueError(f"document inconnu : {kind} (attendu : {', '.join(KINDS)})")


def render(
    kind: str,
    record: MeetingRecord,
    format: str = "pdf",
    *,
    deliberation: DeliberationRecord | str | None = None,
    templates_dir: TemplatesDir = None,
    archival: bool = True,
) -> bytes:
    if isinstance(deliberation, str):
        deliberation = record.deliberation(deliberation)
    if kind == "extract" and deliberation is None:
        if len(record.deliberations) != 1:
            numbers = ", ".join(d.number for d in record.deliberations) or "aucune"
            raise ValueError(f"précisez la délibération (séance : {numbers})")
        deliberation = record.deliberations[0]
    composed = compose(kind, record, deliberation)
    if format == "pdf":
        from .pdf import render_pdf

        return render_pdf(kind, composed, templates_dir=templates_dir, archival=archival)
    if format == "docx":
        from .docx import render_docx

        return render_docx(kind, composed, templates_dir=templates_dir)
    if format == "txt":
        return text.RENDERERS[kind](composed).encode("utf-8")
    raise ValueError(f"format inconnu : {format} (attendu : {', '.join(FORMATS)})")


def render_extract(
    record: MeetingRecord, deliberation: DeliberationRecord | str, format: str = "pdf", **options: Any
) -> bytes:
    return render("extract", record, format, deliberation=deliberation, **options)


def render_list(record: MeetingRecord, format: str = "pdf", **options: Any) -> bytes:
    return render("list", record, format, **options)


def render_minutes(record: MeetingRecord, format: str = "pdf", **options: Any) -> bytes:
    return render("minutes", record, format, **options)


def file_name(
    kind: str, record: MeetingRecord, format: str, deliberation: DeliberationRecord | str | None = None
) -> str:
    """ "extrait_2021-005795.pdf", "proces-verbal_2021-10-07.docx": for download buttons."""
    number = deliberation.number if isinstance(deliberation, DeliberationRecord) else deliberation
    suffix = number.replace("/", "-") if kind == "extract" and number else record.meeting.date.isoformat()
    extension = "md" if format == "txt" else format
    return f"{KIND_NAMES[kind]}_{suffix}.{extension}"


def render_agreement(
    agreement: GrantAgreement,
    format: str = "pdf",
    *,
    council: str = "Conseil",
    templates_dir: TemplatesDir = None,
    archival: bool = True,
) -> bytes:
    """The grant agreement and its annexes (a ``registre.core.grants.GrantAgreement``)."""
    from .agreement import agreement_text, compose_agreement

    composed = compose_agreement(agreement, council=council)
    if format == "pdf":
        from .pdf import render_pdf

        return render_pdf("agreement", composed, templates_dir=templates_dir, archival=archival)
    if format == "docx":
        from .docx import render_docx

        return render_docx("agreement", composed, templates_dir=templates_dir)
    if format == "txt":
        return agreement_text(composed).encode("utf-8")
    raise ValueError(f"format inconnu : {format} (attendu : {', '.join(FORMATS)})")


@dataclass(frozen=True)
class RenderedDocument:
    """What a download button sends: the bytes, a file name and the media type."""

    content: bytes
    file_name: str
    media_type: str


def document(
    kind: str,
    record: MeetingRecord,
    format: str = "pdf",
    *,
    deliberation: DeliberationRecord | str | None = None,
    templates_dir: TemplatesDir = None,
) -> RenderedDocument:
    """One document ready to send, e.g. from a Django composed:

    doc = document("extract", record, "pdf", deliberation="2021/005795", templates_dir=authority_dir)
    response = HttpResponse(doc.content, content_type=doc.media_type)
    response["Content-Disposition"] = f'attachment; filename="{doc.file_name}"'
    """
    if isinstance(deliberation, str):
        deliberation = record.deliberation(deliberation)
    if kind == "extract" and deliberation is None and len(record.deliberations) == 1:
        deliberation = record.deliberations[0]
    content = render(kind, record, format, deliberation=deliberation, templates_dir=templates_dir)
    return RenderedDocument(content, file_name(kind, record, format, deliberation), MEDIA_TYPES[format])
