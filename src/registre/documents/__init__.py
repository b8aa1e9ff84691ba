"""The documents the register issues: register extract, list of deliberations, minutes.

Built from the rules core (every figure comes from its tally) and the register's own data
(``MeetingRecord``, ``DeliberationRecord``), in three formats: PDF/A-2b tagged (Typst),
DOCX (docxtpl templates a clerk edits) and a text rendering the importer reads back.

    from registre.documents import MeetingRecord, DeliberationRecord, document
    doc = document("extract", record, "pdf", deliberation="2021/005795")  # .content, .file_name, .media_type

Authorities replace the templates with their own folder (``templates_dir=`` or the
REGISTRE_TEMPLATES_DIR environment variable): see ``registre.documents.templates``.
"""

from .model import BudgetAmount, DeliberationRecord, MeetingRecord, Signatory  # noqa: F401
from .render import (  # noqa: F401
    FORMATS,
    KINDS,
    MEDIA_TYPES,
    RenderedDocument,
    compose,
    document,
    file_name,
    render,
    render_agreement,
    render_extract,
    render_list,
    render_minutes,
)
