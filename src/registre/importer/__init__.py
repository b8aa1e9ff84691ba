"""Importer: register extracts (text, Markdown, PDF) into the rules core's meeting."""

from .errors import DocumentError  # noqa: F401
from .report import DocumentReport, import_path, import_text  # noqa: F401
