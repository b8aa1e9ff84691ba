"""Zipped office documents (ODT, ODS, DOCX, XLSX): what they declare to be, decompressed within a
limit. A zip bomb declares or unpacks to far more than it weighs; both are refused before the
limit is passed. Macros are refused: a report has no need to run code."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable

from django.core.exceptions import ValidationError

MAX_MEMBERS = 2000
_ODF = {
    b"application/vnd.oasis.opendocument.text": "application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
}
_OOXML = {
    "wordprocessingml.document.main+xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "spreadsheetml.sheet.main+xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_MACROS = re.compile(r"(^|/)vbaProject\.bin$|^Basic/|^Scripts/", re.IGNORECASE)
DAMAGED = (
    "Le document est illisible ou abîmé (archive incomplète) : enregistrez-le à nouveau puis déposez-le."
)


def check_archive(data: bytes, limit: int, size_text: Callable[[int], str]) -> str:
    """The document's content type; a French ValidationError for a bomb, macros or damage."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise ValidationError(DAMAGED) from None
    if len(members) > MAX_MEMBERS:
        raise ValidationError(f"Le document contient {len(members)} parties : {MAX_MEMBERS} au plus.")
    declared = sum(member.file_size for member in members)
    if declared > limit:
        raise ValidationError(_too_big(declared, limit, size_text))
    if any(_MACROS.search(member.filename) for member in members):
        raise ValidationError(
            "Le document contient des macros (programmes) : elles ne sont pas acceptées. "
            "Enregistrez-le sans macros (DOCX, XLSX, ODT ou ODS ordinaire) puis déposez-le."
        )
    _decompress_all(archive, members, limit, size_text)
    kind = _declared_type(archive)
    if kind is None:
        raise ValidationError(
            "Ce fichier est une archive ZIP, pas un document OpenDocument ni Office : il est refusé."
        )
    return kind


def _decompress_all(archive, members, limit: int, size_text) -> None:
    """Every part read to its end, counting what comes out: the declared sizes may lie, and a
    damaged part (wrong checksum) is caught here."""
    total = 0
    try:
        for member in members:
            if member.flag_bits & 0x1:
                raise ValidationError(
                    "Le document est chiffré par un mot de passe : déposez-le sans protection."
                )
            with archive.open(member) as part:
                while chunk := part.read(1 << 16):
                    total += len(chunk)
                    if total > limit:
                        raise ValidationError(_too_big(total, limit, size_text))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError):
        raise ValidationError(DAMAGED) from None


def _declared_type(archive) -> str | None:
    names = set(archive.namelist())
    if "mimetype" in names:
        return _ODF.get(archive.read("mimetype").strip())
    if "[Content_Types].xml" in names:
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
        if "macroEnabled" in types:
            raise ValidationError(
                "Le document contient des macros (programmes) : elles ne sont pas acceptées."
            )
        return next((kind for marker, kind in _OOXML.items() if marker in types), None)
    return None


def _too_big(count: int, limit: int, size_text) -> str:
    return (
        f"Le document décompressé dépasse {size_text(limit)} (au moins {size_text(count)}) : "
        "il est refusé (archive piégée, ou images à réduire)."
    )
