"""One flat text for every layout, with offsets kept so errors can name a line.

Markdown markers, HTML tags and line breaks become spaces of the same length:
the same patterns then read the example's Markdown and the flattened output of
PDF-to-text pipelines, and an offset still maps back to its line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# "_" is emphasis around words, but part of an identifier inside one ("DEL_20220628_1")
_MARKUP = re.compile(
    r"(?m)<[^<>\n]{1,20}>|\*\*|\\\*|^#{1,6}|[\t\r\n\f\v\u00a0\u202f\u2007]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})


@dataclass(frozen=True)
class FlatText:
    text: str
    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> FlatText:
        starts = [0] + [m.end() for m in re.finditer("\n", original)]
        flat = _MARKUP.sub(lambda m: " " * len(m.group()), original).translate(_APOSTROPHES)
        return cls(flat, tuple(starts))

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:.-")
