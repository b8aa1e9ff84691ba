"""Count blocks in every layout, read on the folded text.

The text is cut once into tokens: count labels (``vocabulary.LABELS``), numbers (digits, words
for votes, letter-spaced OCR digits), and what looks like a number but is none (dates, clock
times, amounts, article, page and act numbers, years). A value is paired with a label only
when a layout leaves no doubt; each layout is a named reader below, with its own table test:

- ``label_value``: "Présents : 27", "Nombre de présents à 20h30 : 28", "Pour : 93 voix";
- ``table``: labels then as many values, "Nombre de Conseillers … Présents Procurations Votants
  27 20 3 23" (a date-valued label, "Convocation envoyée le", takes the date among them);
- ``value_label``: values then labels, "Votants : 27 dont 22 Présents et 05 Procurations",
  "à 15 voix pour, 10 voix contre et 6 abstentions", "quatre abstentions";
- ``sentence``: "27 puis 28 conseillers communautaires étaient présents";
- ``spaced``: letter-spaced OCR, "N om br e … : 4 3";
- ``blank``: "ONT VOTE CONTRE : SE SONT ABSTENUS :" after a filled line, none.

Anything else stays unread (null), never guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from registre.core.model import Window

from .french import read_number
from .layout import FlatText, indexed
from .vocabulary import (
    BARE_FOR_AGAINST,
    CLOCK,
    COUNT_RANGE,
    COUNT_SENTENCE,
    DATE,
    DATE_VALUED,
    LABEL_STARTS,
    LABELS,
    MONTH,
    NOMBRE,
    Term,
    letter_spaced,
)

VOTE_KINDS = frozenset({"for", "against", "abstain", "not_participating", "blank"})
MAX_COUNT = 300  # no council has more members: a larger number is an amount, a year, a reference


@dataclass(frozen=True)
class Count:
    kind: str
    value: int
    start: int  # the evidence: from the label (or the value printed first) ...
    end: int  # ... to the end of the value (or of the label printed last)
    raw: str
    window: Window | None = None  # the items this figure is for ("Présents : 25 (points 1 à 5)")
    layout: str = "label_value"
    later: int | None = None  # "27 puis 28": the figure after a change during the meeting


@dataclass
class Token:
    kind: str  # a label kind, or "number", "date", "clock", "other"
    start: int
    end: int
    value: int | None = None
    strong: bool = False  # a "Nombre de …" label: a few words may come before its value
    spaced: bool = False  # read in letter-spaced OCR
    word: bool = False  # a number written in words
    used: bool = False

    @property
    def is_label(self) -> bool:
        return self.kind not in ("number", "date", "clock", "other")


# -- tokens ----------------------------------------------------------------------------------

# at a digit: what the number is part of; a count only when nothing else
_VALUE_AT = re.compile(
    rf"""(?<![a-z\d/])(?<![a-z\d][-_./])(?:
      (?P<date> {DATE} | \d{{1,2}} \s* (?:er)? \s+ {MONTH} (?![a-z]))      # « 7 FEVRIER 2020 », « le 15 février »
    | (?P<clock> {CLOCK})                                                   # « 20h30 »
    | (?P<amount> \d{{1,3}} (?:[ .]\d{{3}})* (?:,\d+)? \s* (?:€|euros?\b|eur\b|%|ht\b|ttc\b|m\^|m2\b|km\b|ha\b|ml\b))  # « 1 220€ », « 50 % »
    | (?P<code> \d+ (?:[/_.,-]\d+)+ | \d+ [a-z]+ \d* | \d+ \s? (?:°|\^))  # « 2023-021 », « 1/34 », « 376.09 », « 1er », « 2ème », « 5° »
    | (?P<number> \d+)                                                      # « 27 »
    )""",
    re.VERBOSE,
)
_SLASH = re.compile(r"[:;=]\s*(/)(?![\d/])")  # « CONTRE : / »
_RULE = re.compile(r"/{2,}|-{2,}|_{3,}")  # « Absents : // »
# the word before a number that makes it a reference, not a count: "n° 12", "article 3", "point 5"
_REFERENCE_WORDS = frozenset(
    """n° no num numero art article articles alinea alineas page pages p loi decret ordonnance arrete l r lot lots
    point points question questions rapport rapports dossier dossiers affaire affaires deliberation deliberations
    annexe tome chapitre parcelle code""".split()
)


def _is_reference(low: str, start: int) -> bool:
    before = low[max(0, start - 16) : start].rstrip()
    if before.endswith("°"):
        return True
    words = before.replace("(", " ").replace("'", " ").split()
    return bool(words) and words[-1].rstrip(".:") in _REFERENCE_WORDS


_NUMBER_WORDS = indexed(
    *"un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente "
    "quarante cinquante neant".split()
)
_WORD_NUMBER = re.compile(
    r"(?<![a-z-])(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    r"seize|vingt|trente|quarante|cinquante)(?:-(?:et-)?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf))?(?![a-z-])"
)
# led by a space, so that the scan skips from space to space
_LETTER_RUN = re.compile(r" ((?:[a-z]{1,3} ){2,}[a-z]{1,3})(?![a-z])")
# short words French writes: a run of them is prose; letter-spaced OCR cuts words into pieces
# that are none ("n om br e", "a bse nts")
_SHORT_WORDS = frozenset(
    """a au aux ce ces cet ci ca c d de des du en et eu il ils je la le les l leur lui ma me mes moi mon ne ni non
    nos nous on ont or ou par pas peu pu qu que qui sa se ses si son sur ta te tes toi ton tu un une vu va vos y est
    ete dit loi an ans mr mme mm m n h er e es x i ii iii iv v vi vii etc cas lot rue bp tel fax vue via oui nom mai
    sud nul sis du due car bis mis dcm pv cc cm ht ttc hab art al o s t j""".split()
)


@lru_cache(maxsize=2)
def _label_term(spaced: bool = False) -> Term:
    """Every count label, one named group per kind; a "Nombre de …" before the label is its own."""
    parts = []
    nombre = letter_spaced(NOMBRE) if spaced else NOMBRE
    for kind, label in LABELS.items():
        body = letter_spaced(label) if spaced else str(label)
        parts.append(f"(?P<{kind}> (?P<{kind}_n>{nombre} (?:[a-z ]{{0,40}}?\\s)?)? {body})")
    if not spaced:
        parts.append(str(BARE_FOR_AGAINST))
    pattern = r"(?<![a-z])(?:" + "|".join(parts) + r")(?![a-z])"
    if spaced:
        return Term("count_labels_spaced", pattern)
    anchors = frozenset().union(*(label.anchors for label in LABELS.values()), BARE_FOR_AGAINST.anchors)
    return Term("count_labels", pattern, anchors=anchors, before=100, after=60)


def _label_token(low: str, match: re.Match[str], spaced: bool = False) -> Token:
    group = match.lastgroup or ""
    kind = group.removesuffix("_colon").removesuffix("_after").removesuffix("_caps")
    strong = spaced or (kind in LABELS and match.group(f"{kind}_n") is not None)
    strong = strong or low.startswith(("nombre", "effectif", "total"), match.start())
    return Token(kind.split("__")[0], match.start(), match.end(), strong=strong, spaced=spaced)


def _labels(page: FlatText) -> Iterable[Token]:
    text, low = page.text, page.low
    for match in page.match_at_words(_label_term().regex, LABEL_STARTS):
        if (match.lastgroup or "").endswith("_caps") and not text[match.start() : match.end()].isupper():
            continue  # "pour 4 ans": a bare "pour" before a number is a column only in capitals
        yield _label_token(low, match)
    regions = _letter_spaced_regions(low)
    if regions:
        regex = _label_term(True).regex
        for start, end in regions:
            for match in regex.finditer(low, start, end):
                yield _label_token(low, match, spaced=True)


def _letter_spaced_regions(low: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    for found in _LETTER_RUN.finditer(" " + low):
        if sum(word not in _SHORT_WORDS for word in found.group(1).split()) < 2:
            continue
        start, end = max(0, found.start(1) - 41), min(len(low), found.end(1) + 39)
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    return regions


# after a number, the first characters that may make it a date, a time, an amount or a code
_NOT_PLAIN_AFTER = re.compile(
    r"[/.,_:°^h%€a-z-]| +(?:\d|(?:mars|mai|juin|aout|h|ht|ttc|eur|er|km|ha|ml|m2|heures?|euros?)\b|m\^|€|%"
    r"|janvier|fevrier|avril|juillet|septembre|octobre|novembre|decembre)"
)


# a value is read at most this far from a label (a flattened table: labels, a date, then values)
_VALUE_REACH = 320


def _near(labels: list[Token], limit: int) -> list[tuple[int, int]]:
    """The stretches of text where a value could belong to one of these labels, merged."""
    spans: list[tuple[int, int]] = []
    for label in labels:
        low, high = max(0, label.start - _VALUE_REACH), min(limit, label.end + _VALUE_REACH)
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], high))
        else:
            spans.append((low, high))
    return spans


def _values(page: FlatText, labels: list[Token]) -> Iterable[Token]:
    """Numbers, and what looks like one but is not, near the labels only: a figure far from any
    label is read by no layout."""
    low = page.low
    digits, starts = page.digits, page.digit_starts
    near = _near(labels, len(low))
    done = 0
    candidates = (
        digits[i]
        for span_start, span_end in near
        for i in range(bisect.bisect_left(starts, span_start), bisect.bisect_left(starts, span_end))
    )
    for start, end in candidates:
        if start < done:
            continue
        if start and (low[start - 1].isalnum() or low[start - 1] == "/"):
            continue  # inside a word or a code: "DCC2023", "84/53"
        if _NOT_PLAIN_AFTER.match(low, end):
            match = _VALUE_AT.match(low, start)
            if not match:
                continue
            kind, done = match.lastgroup or "other", match.end()
        else:
            if start > 1 and low[start - 1] in "-_./" and low[start - 2].isalnum():
                continue  # "B-D2022-255": the end of a code
            kind, done = "number", end
        if kind == "number":
            value = int(low[start:done])
            if value > MAX_COUNT or _is_reference(low, start):
                yield Token("other", start, done)
            else:
                yield Token("number", start, done, value=value)
        else:
            yield Token(kind if kind in ("date", "clock") else "other", start, done)
    for span_start, span_end in near:
        for match in _SLASH.finditer(low, span_start, span_end):
            yield Token("number", match.start(1), match.end(1), value=0)
    for marker in ("//", "--", "___"):
        position = low.find(marker)
        while position >= 0:
            match = _RULE.match(low, position)
            end = match.end() if match else position + len(marker)
            yield Token("other", position, end)
            position = low.find(marker, end)
    for position in page.positions_of("neant"):
        yield Token("number", position, position + 5, value=0)
    words = page.positions(_NUMBER_WORDS)
    for span_start, span_end in near:  # "une", "un": everywhere in prose, a figure only near a label
        for position in words[bisect.bisect_left(words, span_start) : bisect.bisect_left(words, span_end)]:
            match = _WORD_NUMBER.match(low, position)
            if match:
                yield Token("number", position, match.end(), value=read_number(match.group()), word=True)


def tokens(page: FlatText) -> list[Token]:
    """Labels and values in text order; a token inside an earlier one is dropped."""
    labels = sorted(_labels(page), key=lambda t: t.start)
    found = sorted([*labels, *_values(page, labels)], key=lambda t: (t.start, -t.end))
    kept: list[Token] = []
    for token in found:
        if kept and token.start < kept[-1].end:
            continue
        kept.append(token)
    return kept


# -- layouts ---------------------------------------------------------------------------------

_CONNECTOR = re.compile(r"[\s:=\-/|]*")
_CONNECTOR_STRICT = re.compile(r"[\s:=\-|]*")
_FILLER = re.compile(r"[\sa-z':,-]{0,60}")
_BLANK = re.compile(r"\s*")
_AT = re.compile(r"\s+a\s+")
_LATER = re.compile(r"\s+puis\s+")
_BEFORE_FIRST_LABEL = re.compile(r"\s*(?:nombre\s+de\s+)?")
_BETWEEN_LABELS = re.compile(r"[\s\-:]*")
_PLUS = re.compile(r"\s*\+\s*\d")
# a number in words counts only where a tally puts it: "avec une abstention", "et quatre abstentions",
# not "est considéré comme une abstention"
_WORD_COUNT_BEFORE = re.compile(r"(?:^|[,:;(]|\b(?:avec|et|par|dont|soit))\s*$")


class _Reader:
    """One pass per layout over the tokens; each token is used by one count at most."""

    def __init__(self, page: FlatText, offset: int = 0):
        self.text, self.low, self.offset = page.text, page.low, offset
        self.page = page
        self.tokens = tokens(page)
        self.starts = [t.start for t in self.tokens]
        self.counts: list[Count] = []
        self.claimed = self._claimed()

    def gap(self, a: Token, b: Token) -> str:
        return self.low[a.end : b.start]

    def add(self, kind: str, value: int, first: Token, last: Token, layout: str, *used: Token) -> None:
        start, end = first.start, last.end
        self.counts.append(
            Count(kind, value, self.offset + start, self.offset + end, self.text[start:end], layout=layout)
        )
        for token in (first, last, *used):
            token.used = True

    def _claimed(self) -> list[bool]:
        """For each number: it reads with the label right after it ("suffrages exprimés 38 votes pour",
        "42 votes pour 2 votes contre"), because that label has no value of its own after it."""
        tokens = self.tokens
        claimed = [False] * len(tokens)
        followed = [False] * len(tokens)  # a label with its own value right after it
        for index in range(len(tokens) - 1, -1, -1):
            token = tokens[index]
            nxt = tokens[index + 1] if index + 1 < len(tokens) else None
            if nxt is None:
                continue
            if token.is_label:
                followed[index] = (
                    nxt.kind == "number"
                    and not nxt.word
                    and bool(_CONNECTOR_STRICT.fullmatch(self.gap(token, nxt)))
                    and not claimed[index + 1]
                )
            elif token.kind == "number":
                claimed[index] = (
                    nxt.is_label
                    and not nxt.strong
                    and bool(_BLANK.fullmatch(self.gap(token, nxt)))
                    and not followed[index + 1]
                )
        return claimed

    def value_ok(self, label: Token, number: Token) -> bool:
        if number.value is None or number.kind != "number":
            return False
        if number.word and label.kind not in VOTE_KINDS:
            return False
        return label.kind not in DATE_VALUED

    # "27 puis 28 conseillers communautaires étaient présents"
    def sentences(self) -> None:
        by_start = dict(zip(self.starts, self.tokens, strict=True))
        for match in self.page.finditer(COUNT_SENTENCE):
            value = by_start.get(match.start("value"))
            if value is None or value.kind != "number" or value.used:
                continue
            kind = next(
                k
                for k in ("present", "absent", "represented", "proxies", "members_in_office")
                if match.group(k)
            )
            later = int(match.group("later")) if match.group("later") else None
            start, end = match.start(), match.end()
            self.counts.append(
                Count(
                    kind,
                    int(match.group("value")),
                    self.offset + start,
                    self.offset + end,
                    self.text[start:end],
                    layout="sentence",
                    later=later,
                )
            )
            at = bisect.bisect_left(self.starts, start)
            while at < len(self.tokens) and self.tokens[at].start < end:
                self.tokens[at].used = True
                at += 1

    # labels first: "Présents : 27", a run of labels and as many values after them
    def labels_then_values(self) -> None:
        tokens = self.tokens
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if not token.is_label or token.used:
                index += 1
                continue
            j = index + 1
            while (
                j < len(tokens)
                and tokens[j].is_label
                and not tokens[j].used
                and _CONNECTOR.fullmatch(self.gap(tokens[j - 1], tokens[j]))
            ):
                j += 1
            labels = tokens[index:j]
            if len(labels) == 1:
                index = self._one_label(index)
            else:
                index = self._table(labels, j)

    def _first_value(self, index: int) -> int | None:
        """The index of the label's value: after connectors, or after a clock time ("présents à
        20h30 : 28"), or after a few words for a "Nombre de …" label."""
        tokens = self.tokens
        label = tokens[index]
        k = index + 1
        if k < len(tokens) and tokens[k].kind == "clock" and _AT.fullmatch(self.gap(label, tokens[k])):
            if k + 1 < len(tokens) and _CONNECTOR_STRICT.fullmatch(self.gap(tokens[k], tokens[k + 1])):
                return k + 1
            return None
        if k >= len(tokens):
            return None
        joint = self.gap(label, tokens[k])
        if _CONNECTOR_STRICT.fullmatch(joint):
            return k
        if label.strong and _FILLER.fullmatch(joint):
            return k
        return None

    def _one_label(self, index: int) -> int:
        tokens = self.tokens
        label = tokens[index]
        k = self._first_value(index)
        number = tokens[k] if k is not None else None
        if k is None or number is None or number.kind != "number" or number.used:
            if self._blank_in_vote_table(label):
                self.add(label.kind, 0, label, label, "blank")
            return index + 1
        if label.spaced and not number.word:
            spaced = self._spaced_digits(k)
            if spaced is not None:
                value, last = spaced
                self.add(label.kind, value, label, tokens[last], "spaced", *tokens[k:last])
                return last + 1
        if ":" not in self.gap(label, number) and self.claimed[k]:
            return index + 1
        if not self.value_ok(label, number) or _PLUS.match(self.low, number.end):
            return index + 1  # "présents : 25 + 2 suppléants": 25 is a part, not the figure
        if number.word and ":" not in self.gap(label, number):
            return (
                index + 1
            )  # "pour une durée de trois ans": a number in words follows a label only in a table
        self.add(label.kind, number.value or 0, label, number, "label_value")
        self._later(k)
        return k + 1

    def _table(self, labels: list[Token], j: int) -> int:
        tokens = self.tokens
        values: list[Token] = []
        k = j
        if k < len(tokens) and tokens[k].kind in ("number", "date"):
            joint = self.gap(labels[-1], tokens[k])
            if _CONNECTOR_STRICT.fullmatch(joint) or (labels[-1].strong and _FILLER.fullmatch(joint)):
                values.append(tokens[k])
                k += 1
                while (
                    k < len(tokens)
                    and tokens[k].kind in ("number", "date")
                    and len(values) < len(labels)
                    and _BLANK.fullmatch(self.gap(tokens[k - 1], tokens[k]))
                ):
                    values.append(tokens[k])
                    k += 1
        typed = len(values) == len(labels) and all(
            (value.kind == "date") == (label.kind in DATE_VALUED)
            and (value.kind == "date" or self.value_ok(label, value))
            for label, value in zip(labels, values, strict=True)
        )
        if typed:
            for label, value in zip(labels, values, strict=True):
                if value.kind == "number":
                    self.add(label.kind, value.value or 0, label, value, "table")
            return k
        if not values and all(self._blank_in_vote_table(label) for label in labels[:1]):
            for label in labels:
                if label.kind in ("for", "against", "abstain") and re.match(r"\s*:", self.low[label.end :]):
                    self.add(label.kind, 0, label, label, "blank")
            return j
        # fewer values than labels: nothing is certain; the last label may still have its own value
        return j - 1 if not values else k

    def _later(self, k: int) -> None:
        """ "Présents : 27 puis 28": the first figure, the later one kept beside it."""
        tokens = self.tokens
        if k + 1 < len(tokens) and tokens[k + 1].kind == "number":
            if _LATER.fullmatch(self.gap(tokens[k], tokens[k + 1])):
                count = self.counts[-1]
                later = tokens[k + 1]
                later.used = True
                self.counts[-1] = replace(
                    count,
                    later=later.value,
                    end=self.offset + later.end,
                    raw=self.text[count.start - self.offset : later.end],
                )

    def _spaced_digits(self, k: int) -> tuple[int, int] | None:
        """Letter-spaced digits after a letter-spaced label: "4 3" -> 43. (value, index of the last)"""
        tokens = self.tokens
        last = k
        while (
            last + 1 < len(tokens)
            and tokens[last + 1].kind == "number"
            and tokens[last + 1].end - tokens[last + 1].start == 1
            and self.gap(tokens[last], tokens[last + 1]) == " "
        ):
            last += 1
        digits = tokens[k : last + 1]
        if len(digits) == 1 or any(d.end - d.start != 1 or d.word for d in digits):
            return None
        return int("".join(self.low[d.start : d.end] for d in digits)), last

    def _blank_in_vote_table(self, label: Token) -> bool:
        """ "ONT VOTE POUR : 14 ONT VOTE CONTRE : SE SONT ABSTENUS :": a blank in a filled table is none."""
        if label.kind not in ("for", "against", "abstain") or not re.match(
            r"\s*:", self.low[label.end : label.end + 4]
        ):
            return False
        previous = self.counts[-1] if self.counts else None
        return bool(
            previous
            and previous.kind in ("for", "against", "abstain")
            and 0 <= label.start + self.offset - previous.end <= 6
        )

    # values first: "dont 22 Présents et 05 Procurations", "27 20 3 23 Nombre de …", "15 voix pour"
    def values_then_labels(self) -> None:
        tokens = self.tokens
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.kind != "number" or token.used or self.low[token.start] == "/":
                index += 1
                continue
            j = index + 1
            while (
                j < len(tokens)
                and tokens[j].kind == "number"
                and not tokens[j].used
                and _BLANK.fullmatch(self.gap(tokens[j - 1], tokens[j]))
            ):
                j += 1
            numbers = tokens[index:j]
            k = j
            while k < len(tokens) and tokens[k].is_label and not tokens[k].used:
                joint = self.gap(tokens[k - 1], tokens[k])
                if not (_BEFORE_FIRST_LABEL if k == j else _BETWEEN_LABELS).fullmatch(joint):
                    break
                k += 1
            labels = tokens[j:k]
            words_ok = not token.word or _WORD_COUNT_BEFORE.search(
                self.low, max(0, token.start - 12), token.start
            )
            if (
                words_ok
                and labels
                and len(labels) == len(numbers)
                and all(self.value_ok(lab, num) for lab, num in zip(labels, numbers, strict=True))
                and not self._has_own_value(k - 1)
            ):
                for lab, num in zip(labels, numbers, strict=True):
                    self.add(lab.kind, num.value or 0, num, lab, "value_label")
                index = k
                continue
            index = j

    def _has_own_value(self, index: int) -> bool:
        tokens = self.tokens
        nxt = index + 1
        return (
            nxt < len(tokens)
            and tokens[nxt].kind == "number"
            and bool(_CONNECTOR_STRICT.fullmatch(self.gap(tokens[index], tokens[nxt])))
            and not self.claimed[nxt]
        )


@dataclass(frozen=True)
class Figures:
    """A document's counts and its vote labels, in text order, to be taken by span."""

    counts: list[Count]
    labels: list[Token]  # "pour", "contre", "abstentions" labels: names may follow them
    _starts: list[int]
    _label_starts: list[int]

    @classmethod
    def of(cls, counts: list[Count], labels: list[Token]) -> Figures:
        counts = sorted(counts, key=lambda c: c.start)
        return cls(counts, labels, [c.start for c in counts], [t.start for t in labels])

    @cached_property
    def windowed(self) -> list[Count]:
        """The figures given for a range of items ("Présents : 25 (points 1 à 5)")."""
        return [c for c in self.counts if c.window is not None]

    def within(self, start: int, end: int) -> list[Count]:
        return self.counts[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)]

    def labels_within(self, start: int, end: int) -> list[Token]:
        return self.labels[
            bisect.bisect_left(self._label_starts, start) : bisect.bisect_left(self._label_starts, end)
        ]


def read_figures(page: FlatText) -> Figures:
    """Every (label, value) pair the layout makes certain, and the vote labels."""
    reader = _Reader(page)
    reader.sentences()
    reader.labels_then_values()
    reader.values_then_labels()
    labels = [t for t in reader.tokens if t.kind in ("for", "against", "abstain")]
    return Figures.of(reader.counts, labels)


def read_counts(text: str) -> list[Count]:
    """Every (label, value) pair the layout makes certain, in text order."""
    return read_figures(FlatText.of(text)).counts


# -- figures for a range of items ------------------------------------------------------------

# the figures of the attendance (not of a vote): given per range of items, settled per act
ATTENDANCE_KINDS = frozenset(
    {
        "members_in_office",
        "legal_members",
        "present",
        "present_titulaires",
        "present_suppleants",
        "absent",
        "represented",
        "proxies",
        "voters",
        "votes_cast",
    }
)
_WINDOW_NOTE = re.compile(r"\s*\(([^()]{3,80})\)")
_MORE = re.compile(r"\s*[/,;]?\s*(?:et\s+)?(\d{1,4})\s*\(([^()]{3,80})\)")


def with_ranges(page: FlatText, counts: list[Count]) -> list[Count]:
    """Figures given per range of items: "Présents : 25 (points 1 à 5) / 27 (à partir du point 6)",
    "Points 1 à 5 : présents 25, votants 28 ; points 6 à 12 : présents 27, votants 30"."""
    from .windows import read_window

    text = page.text
    clauses = [
        (m.start(), Window(from_item=int(m.group(1)), until_item=int(m.group(2))))
        for m in page.finditer(COUNT_RANGE)
        if int(m.group(1)) <= int(m.group(2))
    ]
    starts = [start for start, _window in clauses]
    result: list[Count] = []
    for count in counts:
        if count.kind not in ATTENDANCE_KINDS:
            result.append(count)
            continue
        note = _WINDOW_NOTE.match(text, count.end)
        window = read_window(note.group(1)).window if note else None
        if window is None and clauses:
            at = bisect.bisect_right(starts, count.start) - 1
            if at >= 0 and count.start <= clauses[at][0] + 250:
                window = clauses[at][1]
        result.append(replace(count, window=window))
        if note and window:
            position = note.end()
            while more := _MORE.match(text, position):
                extra = read_window(more.group(2)).window
                if extra is None:
                    break
                result.append(
                    Count(
                        count.kind,
                        int(more.group(1)),
                        more.start(1),
                        more.end(),
                        more.group(),
                        extra,
                        "range",
                    )
                )
                position = more.end()
    return result


def covers(window: Window, item: int | None) -> bool:
    """The window includes this item, by number (the order of passage is not known here)."""
    if item is None or item in window.except_items:
        return False
    return (window.from_item is None or window.from_item <= item) and (
        window.until_item is None or item <= window.until_item
    )
