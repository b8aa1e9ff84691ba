"""Bytes to text: plain text or Markdown in any common encoding, or a PDF's text layer."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from registre.core.text import UndecodableText, decode_text

from .errors import DocumentError

# pypdf logs what it repairs in damaged files; the reader reports its own clear errors instead
logging.getLogger("pypdf").setLevel(logging.ERROR)

MAX_BYTES = 20 * 1024 * 1024  # a register extract is a few dozen pages at most
_PDF_MAGIC = b"%PDF-"


def read_source(path: str | Path) -> str:
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except FileNotFoundError:
        raise DocumentError(name, "fichier introuvable") from None
    except IsADirectoryError:
        raise DocumentError(name, "c'est un dossier, pas un fichier") from None
    except OSError as error:
        raise DocumentError(name, f"lecture impossible ({error.strerror})") from None
    if data is None:
        raise DocumentError(
            name,
            f"fichier trop volumineux (plus de {MAX_BYTES // (1024 * 1024)} Mo)",
            hint="un extrait de registre fait quelques dizaines de pages",
        )
    return decode(name, data)


def decode(name: str, data: bytes) -> str:
    """A PDF's text layer, or the text in the register's one decoding policy (core.text)."""
    if data.startswith(_PDF_MAGIC):
        return _pdf_text(name, data)
    try:
        return decode_text(data).text
    except UndecodableText as error:
        reason = "fichier binaire : ni texte, ni PDF" if error.kind == "binary" else error.reason
        raise DocumentError(name, reason) from None


def _pdf_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
    ) as error:
        raise DocumentError(name, f"PDF illisible ({error.__class__.__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise DocumentError(
            name,
            "ce PDF n'a pas de couche texte",
            hint="document numérisé : passez-le d'abord à la reconnaissance de caractères (OCR)",
        )
    return text
