"""Bytes to text, one policy for every file the register reads (extracts, open data, rosters).

UTF-8 (with or without its byte-order mark), UTF-16 with its mark, then Windows-1252 when every
character it gives is one French writes. Anything else is refused, never "repaired": a
replacement character in a name or a figure would be a silent error. Short French texts fool
statistical detectors (they answer cp775 or mac_latin2), hence a rule rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRENCH = frozenset("éèêëàâäçùûüîïôöœæÉÈÊËÀÂÄÇÙÛÜÎÏÔÖŒÆÿŸ’‘«»“”„°€–—…•·§²³µ×÷¤©®™ªº¡¿¨´¸¯ñÑáíóúÁÍÓÚìòÌÒãõÃÕ")
_FRENCH_SHARE = 0.95
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "UTF-8", "UTF-16" or "Windows-1252", as a user reads it


class UndecodableText(ValueError):
    """The bytes are no text the register reads. ``kind``: "empty", "binary" or "encoding";
    ``reason``: the French message."""

    def __init__(self, kind: str, reason: str):
        self.kind = kind
        self.reason = reason
        super().__init__(reason)


def decode_text(data: bytes) -> DecodedText:
    if not data.strip():
        raise UndecodableText("empty", "le fichier est vide")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return DecodedText(_checked(_strict(data, "utf-16")), "UTF-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        raise UndecodableText("binary", "fichier binaire, pas un texte")
    try:
        return DecodedText(_checked(data.decode("utf-8")), "UTF-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _unknown() from None
    foreign = [c for c in text if ord(c) > 127]
    if sum(c in _FRENCH for c in foreign) < _FRENCH_SHARE * len(foreign):
        raise _unknown()
    return DecodedText(_checked(text), "Windows-1252")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _unknown() from None


def _unknown() -> UndecodableText:
    return UndecodableText(
        "encoding", "encodage de caractères non reconnu (enregistrez le fichier en UTF-8 ou en Windows-1252)"
    )


def _checked(text: str) -> str:
    """Control characters in numbers are the mark of a binary file read as text."""
    text = text.removeprefix("\ufeff")
    sample = text[:4096]
    controls = len(_CONTROLS.findall(sample))
    if controls > max(8, len(sample) // 100):
        raise UndecodableText("binary", "fichier binaire, pas un texte")
    return text
