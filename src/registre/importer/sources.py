"""Bytes to text: plain text or Markdown in any common encoding, or a PDF's text layer."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from charset_normalizer import from_bytes

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
    if not data.strip():
        raise DocumentError(name, "le fichier est vide")
    if data.startswith(_PDF_MAGIC):
        return _pdf_text(name, data)
    return _plain_text(name, data)


def _plain_text(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise DocumentError(name, "fichier binaire : ni texte, ni PDF") from None
        text = _windows_1252_french(data)
        if text is None:
            best = from_bytes(data).best()
            if best is None:
                raise DocumentError(name, "encodage de caractères non reconnu") from None
            text = str(best)
    if _looks_binary(text):
        raise DocumentError(name, "fichier binaire : ni texte, ni PDF")
    return text


_FRENCH = set("éèêëàâäçùûüîïôöœæÉÈÊËÀÂÇÙÛÎÏÔŒ’‘«»°€–—…")


def _windows_1252_french(data: bytes) -> str | None:
    """Short French texts fool statistical detectors (cp775, mac_latin2…): Windows-1252 is taken when
    every non-ASCII character it gives is one French writes."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    foreign = [c for c in text if ord(c) > 127]
    if foreign and sum(c in _FRENCH for c in foreign) >= 0.95 * len(foreign):
        return text
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return controls > max(8, len(sample) // 100)


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
