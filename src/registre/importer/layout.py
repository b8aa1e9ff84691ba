"""One flat text for every layout, and its folded copy, with offsets kept.

Markdown markers, HTML tags and line breaks become spaces of the same length: the same patterns
then read the example's Markdown and the flattened output of PDF-to-text pipelines. The folded
copy (lower case, no accents) is what the vocabulary matches; both have the length of the text
as decoded, so an offset found in one is an offset in the others, and maps back to its line.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

# "_" is emphasis around words, but part of an identifier inside one ("DEL_20220628_1")
_MARKUP = re.compile(
    r"(?m)<[^<>\n]{1,20}>|\*\*|\\\*|^#{1,6}|[\t\r\n\f\v\u00a0\u202f\u2007]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})


def _fold_table() -> dict[int, str]:
    table = {}
    for code in range(0x80, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii():
            table[code] = "^" if base.isdigit() else base.lower()  # "m²" is no figure
    table.update({ord(c): "'" for c in "’‘ʼ´`"})
    table.update({ord(c): "-" for c in "‐‑–—"})
    table.update({ord("œ"): "o", ord("Œ"): "o", ord("æ"): "a", ord("Æ"): "a"})
    table.update({ord(c): " " for c in "\u00a0\u202f\u2007\t\r\n\f\v"})
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower case without accents, same length as the text (offsets are shared)."""
    out = text.translate(_FOLD).lower()
    if len(out) == len(text):
        return out
    # a character whose lower case is longer ("İ"): one character each, offsets kept
    return "".join(c if len(c) == 1 else "?" for c in (ch.translate(_FOLD).lower() for ch in text))


@dataclass(frozen=True)
class FlatText:
    original: str
    text: str  # flat: markup and line breaks as spaces
    low: str  # folded: what the vocabulary reads
    line_starts: tuple[int, ...] = field(repr=False)

    @classmethod
    def of(cls, original: str) -> FlatText:
        starts = [0] + [m.end() for m in re.finditer("\n", original)]
        flat = _MARKUP.sub(lambda m: " " * len(m.group()), original).translate(_APOSTROPHES)
        return cls(original, flat, fold(flat), tuple(starts))

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def words(self, start: int, end: int) -> str:
        """The source's own words between two offsets, on one line."""
        return squash(self.original[start:end])


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:.-")
