"""Importer: register extracts (text, Markdown, PDF) into the rules core's meeting."""

from .errors import DocumentError
from .report import DocumentReport, import_path, import_text

__all__ = ["DocumentError", "DocumentReport", "import_path", "import_text"]
