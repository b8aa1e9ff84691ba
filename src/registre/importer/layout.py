"""One flat text for every layout, and its folded copy, with offsets kept.

Markdown markers, HTML tags and line breaks become spaces of the same length: the same patterns
then read the example's Markdown and the flattened output of PDF-to-text pipelines. The folded
copy (lower case, no accents) is what the vocabulary matches; both have the length of the text
as decoded, so an offset found in one is an offset in the others, and maps back to its line.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .vocabulary import Term

# "_" is emphasis around words, but part of an identifier inside one ("DEL_20220628_1")
_MARKUP = re.compile(r"(?m)<[^<>\n]{1,20}>|\*\*|\\\*|^#{1,6}|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_MARKUP_CHARS = "<*#_"
# the words the readers look up: only these are indexed (``indexed``); by their bytes too, for the
# index's C-level split
INDEXED: set[str] = set()
_INDEXED_BYTES: dict[bytes, str] = {}
# every byte but a to z as a space: the folded text's words, split by bytes.split at C speed
_LETTERS_ONLY = bytes(code if 97 <= code <= 122 else 32 for code in range(256))


def indexed(*words: str) -> frozenset[str]:
    """Declare words a reader will look up in a document's index; returns them."""
    INDEXED.update(words)
    _INDEXED_BYTES.update((word.encode("ascii"), word) for word in words)
    return frozenset(words)


_DIGITS = re.compile(r"[0-9]+")
_MARGIN = 60  # a window reads this far past its reach, so that lookaheads see the text
_SPACES = "\t\r\n\f\v\u00a0\u202f\u2007"
_APOSTROPHES = {"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"}


def _flat(original: str) -> str:
    """Markup and line breaks as spaces of the same length; typographic apostrophes and dashes
    as the plain ones. str.replace, and a regex only where markup characters occur: this runs
    on every document."""
    text = original
    if any(char in text for char in _MARKUP_CHARS):
        text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    for char in _SPACES:
        if char in text:
            text = text.replace(char, " ")
    for char, plain in _APOSTROPHES.items():
        if char in text:
            text = text.replace(char, plain)
    return text


def _fold_bytes() -> bytes:
    """One byte per Latin-1 character: its base letter in lower case ("É" -> "e"), "^" for a
    superscript digit ("m²" is no figure), a space for a no-break space."""
    table = bytearray(range(256))
    for code in range(256):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii():
            table[code] = ord("^" if base.isdigit() and char not in "0123456789" else base.lower())
        elif char.isupper() and len(char.lower()) == 1 and ord(char.lower()) < 256:
            table[code] = ord(char.lower())
    table[0xA0] = ord(" ")
    table[0xC6], table[0xE6] = ord("a"), ord("a")  # "æ"
    return bytes(table)


_FOLD_BYTES = _fold_bytes()
# characters beyond Latin-1 that French texts use, folded to one character before the byte table
_WIDE = {
    "œ": "o",
    "Œ": "o",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "‐": "-",
    "‑": "-",
    "–": "-",
    "—": "-",
    "\u202f": " ",
    "\u2007": " ",
    "€": "\xa4",  # kept: an amount's mark
    "…": "?",
    "Ÿ": "y",
}


def fold(text: str) -> str:
    """Lower case without accents, same length as the text (offsets are shared); characters
    outside Latin-1 that French does not use become "?"."""
    if text.isascii():
        return text.lower()
    for char, plain in _WIDE.items():
        if char in text:
            text = text.replace(char, plain)
    folded = text.encode("latin-1", "replace").translate(_FOLD_BYTES).decode("latin-1")
    return folded.replace("\xa4", "€") if "\xa4" in folded else folded


@dataclass(frozen=True)
class FlatText:
    original: str
    text: str  # flat: markup and line breaks as spaces
    low: str  # folded: what the vocabulary reads
    line_starts: tuple[int, ...] = field(repr=False)
    # what the readers work out once per document and ask again (a date, an act's votes)
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False, hash=False)

    @classmethod
    def of(cls, original: str) -> FlatText:
        starts = [0] + [m.end() for m in re.finditer("\n", original)]
        flat = _flat(original)
        return cls(original, flat, fold(flat), tuple(starts))

    @cached_property
    def index(self) -> dict[str, list[int]]:
        """Where each declared word (``indexed``) of the folded text starts: one split of the text,
        for every fragment that skips ahead to its words."""
        # one piece per letter run, and an empty one per other character: a piece's offset is the
        # length of the pieces before it plus their count
        pieces = self.low.encode("latin-1", "replace").translate(_LETTERS_ONLY).split(b" ")
        before = list(itertools.accumulate(map(len, pieces), initial=0))
        words: dict[str, list[int]] = {}
        wanted = _INDEXED_BYTES
        for index in itertools.compress(itertools.count(), map(wanted.__contains__, pieces)):
            word = wanted[pieces[index]]
            at = before[index] + index
            if word in words:
                words[word].append(at)
            else:
                words[word] = [at]
        return words

    def positions_of(self, word: str) -> list[int]:
        """Where this word starts; it must have been declared (``indexed``)."""
        if word not in INDEXED:
            raise KeyError(f"{word!r} is not indexed: declare it with layout.indexed()")
        return self.index.get(word, [])

    @cached_property
    def digits(self) -> list[tuple[int, int]]:
        """Every run of digits, in text order."""
        return [m.span() for m in _DIGITS.finditer(self.low)]

    @cached_property
    def digit_starts(self) -> list[int]:
        return [start for start, _end in self.digits]

    def finditer(self, term: Term, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """The term's matches in [start, end), as a scan of the whole span would find them, but
        reading only the neighbourhood of its anchor words."""
        end = len(self.low) if end is None else end
        if term.starts:
            yield from self.match_at_words(term.regex, term.starts, start, end)
            return
        if term.at_numbers:
            yield from self._match_at(term.regex, self.digit_starts, start, end)
            return
        if not term.anchors and not term.marks:
            yield from term.regex.finditer(self.low, start, end)
            return
        windows = self._windows(term)
        first = max(0, bisect.bisect_right(windows[0], start) - 1)
        for index in range(first, len(windows[0])):
            low, high = max(start, windows[0][index]), min(end, windows[1][index])
            if low >= end:
                break
            if low >= high:
                continue
            done = low
            for match in term.regex.finditer(self.low, low, high):
                if match.start() < done:
                    continue
                if match.end() > high - _MARGIN and high < end:
                    # near the window's edge the text looks cut: read it whole from the match on
                    whole = term.regex.match(self.low, match.start(), end)
                    if whole:
                        done = whole.end()
                        yield whole
                    continue
                yield match

    def _windows(self, term: Term) -> tuple[list[int], list[int]]:
        """The stretches around the term's anchors, merged (starts, ends), once per document."""
        key = ("windows", term.name, term.anchors)
        found = self.memo.get(key)
        if found is None:
            starts: list[int] = []
            ends: list[int] = []
            limit = len(self.low)
            anchors = self.positions(term.anchors) if term.anchors else []
            if term.marks:
                anchors = sorted(anchors + self._marks(term.marks))
            for position in anchors:
                low, high = max(0, position - term.before), min(limit, position + term.after + _MARGIN)
                if ends and low <= ends[-1]:
                    ends[-1] = max(ends[-1], high)
                else:
                    starts.append(low)
                    ends.append(high)
            found = self.memo[key] = (starts, ends)
        return found  # type: ignore[return-value]

    def _marks(self, marks: str) -> list[int]:
        """Where any of these characters is."""
        found: list[int] = []
        for mark in marks:
            position = self.low.find(mark)
            while position >= 0:
                found.append(position)
                position = self.low.find(mark, position + 1)
        return found

    def match_at_words(
        self, regex: re.Pattern[str], starts: frozenset[str], start: int = 0, end: int | None = None
    ) -> list[re.Match[str]]:
        """The matches of a pattern that can only begin at one of these words, as a scan of the
        whole span would find them: tried at those words only."""
        return self._match_at(regex, self.positions(starts), start, end)

    def _match_at(
        self, regex: re.Pattern[str], every: list[int], start: int = 0, end: int | None = None
    ) -> list[re.Match[str]]:
        """The matches of a pattern tried at these positions (in text order) only."""
        end = len(self.low) if end is None else end
        positions = every[bisect.bisect_left(every, start) : bisect.bisect_left(every, end)]
        found: list[re.Match[str]] = []
        done = start
        low, match_at = self.low, regex.match
        for position in positions:
            if position < done:
                continue
            match = match_at(low, position, end)
            if match and match.end() > position:
                found.append(match)
                done = match.end()
        return found

    def within(self, words: frozenset[str], start: int, end: int) -> list[int]:
        """Where any of these words starts in [start, end)."""
        every = self.positions(words)
        return every[bisect.bisect_left(every, start) : bisect.bisect_left(every, end)]

    def positions(self, words: frozenset[str]) -> list[int]:
        """Where any of these words starts, in text order (worked out once per set of words)."""
        key = ("positions", words)
        found = self.memo.get(key)
        if found is None:
            if not words <= INDEXED:
                raise KeyError(f"{sorted(words - INDEXED)} not indexed: declare them with layout.indexed()")
            index = self.index
            found = self.memo[key] = sorted(
                itertools.chain.from_iterable(index[w] for w in index.keys() & words)
            )
        return found  # type: ignore[return-value]

    def search(self, term: Term, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(term, start, end), None)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def words(self, start: int, end: int) -> str:
        """The source's own words between two offsets, on one line."""
        return squash(self.original[start:end])


_RUN_OF_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    return _RUN_OF_SPACES.sub(" ", text).strip(" ,;:.-")
