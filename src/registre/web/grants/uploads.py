"""Uploads are checked for type (extension and content agree) and size before anything is stored."""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError

# extension -> (content type, what the file must start with)
ALLOWED = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_bytes() -> int:
    return int(getattr(settings, "GRANTS_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def check_upload(upload) -> str:
    """The content type of an acceptable upload, or a French ValidationError."""
    limit = max_bytes()
    if upload.size == 0:
        raise ValidationError("Le fichier est vide.")
    if upload.size > limit:
        raise ValidationError(f"Fichier trop volumineux ({_size(upload.size)}) : {_size(limit)} au plus.")
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(
            "Type de fichier refusé : PDF, OpenDocument (ODT, ODS), Word (DOCX), Excel (XLSX), PNG ou JPEG."
        )
    content_type, magics = ALLOWED[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in magics):
        raise ValidationError(f"Le contenu du fichier ne correspond pas à son extension {extension}.")
    return content_type


def _size(count: int) -> str:
    value, unit = (count / (1024 * 1024), "Mo") if count >= 1024 * 1024 else (count / 1024, "Ko")
    text = f"{value:.1f}".removesuffix(".0").replace(".", ",")
    return f"{text} {unit}"
