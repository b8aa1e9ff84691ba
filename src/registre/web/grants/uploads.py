"""Uploads are judged by their content, never by their name.

libmagic (python-magic) names what the bytes are; a zipped office document is then opened to
read its own declaration of type (ODF's ``mimetype``, OOXML's ``[Content_Types].xml``) and
decompressed within a limit (zip bombs); a PDF is opened with qpdf (pikepdf) and refused when
it carries JavaScript, a launch action or embedded files, or is a web page behind a ``%PDF-``
header. The extension must agree with the content. Every refusal is a French sentence for the
form's field; nothing is stored before the upload is accepted.
"""

from __future__ import annotations

from pathlib import PurePath

import magic
from django.conf import settings
from django.core.exceptions import ValidationError

from .uploads_archive import check_archive
from .uploads_pdf import check_pdf

PDF = "application/pdf"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG, JPEG = "image/png", "image/jpeg"
# extension -> the content type the file's content must be
ALLOWED = {
    ".pdf": PDF,
    ".odt": ODT,
    ".ods": ODS,
    ".docx": DOCX,
    ".xlsx": XLSX,
    ".png": PNG,
    ".jpg": JPEG,
    ".jpeg": JPEG,
}
NAMES = {PDF: "PDF", ODT: "ODT", ODS: "ODS", DOCX: "DOCX", XLSX: "XLSX", PNG: "PNG", JPEG: "JPEG"}
ARCHIVES = {ODT, ODS, DOCX, XLSX}
# what libmagic may call a zipped office document before it is opened
_ZIP_FAMILY = {"application/zip", "application/octet-stream", *ARCHIVES}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024


def max_bytes() -> int:
    return int(getattr(settings, "GRANTS_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def max_uncompressed_bytes() -> int:
    return int(getattr(settings, "GRANTS_MAX_UNCOMPRESSED_BYTES", DEFAULT_MAX_UNCOMPRESSED_BYTES))


def check_upload(upload) -> str:
    """The content type of an acceptable upload, or a French ValidationError."""
    limit = max_bytes()
    if upload.size == 0:
        raise ValidationError("Le fichier est vide.")
    if upload.size > limit:
        raise ValidationError(
            f"Fichier trop volumineux ({size_text(upload.size)}) : {size_text(limit)} au plus."
        )
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(
            "Type de fichier refusé : PDF, OpenDocument (ODT, ODS), Word (DOCX), Excel (XLSX), PNG ou JPEG."
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    detected = content_type(data)
    if detected != ALLOWED[extension]:
        what = f"un fichier {NAMES[detected]}" if detected in NAMES else "d'un type non accepté"
        raise ValidationError(
            f"Le contenu du fichier ne correspond pas à son extension {extension} : c'est {what}."
        )
    return detected


def content_type(data: bytes) -> str:
    """What the bytes are (one of ALLOWED's types, or libmagic's name for anything else); a PDF or
    an office document is accepted only once its content has passed its own checks."""
    found = magic.from_buffer(data[:65536], mime=True)
    if found == PDF:
        check_pdf(data)
        return PDF
    if found in _ZIP_FAMILY and data.startswith(b"PK\x03\x04"):
        return check_archive(data, max_uncompressed_bytes(), size_text)
    return found


def size_text(count: int) -> str:
    value, unit = (count / (1024 * 1024), "Mo") if count >= 1024 * 1024 else (count / 1024, "Ko")
    text = f"{value:.1f}".removesuffix(".0").replace(".", ",")
    return f"{text} {unit}"
