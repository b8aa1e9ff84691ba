"""Count blocks in every layout: "Nombre de conseillers en exercice : 27 / présents : 20",
labels and values printed apart ("- présents : - représentés : 30 11", "Nombre de Conseillers en
exercice Présents Procurations Votants 27 20 3 23"), values before labels ("Votants : 27 dont 22
Présents et 05 Procurations"), letter-spaced OCR ("N om br e ... : 4 3").

The text is first reduced to a same-length "plain" copy (lower case, no accents) so that offsets
stay valid; every label tolerates one OCR space between its letters. A value is paired with a
label only when the layout leaves no doubt: adjacent, or runs of labels and values of the same
length. Anything else stays unread (null), never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from registre.core import Window

from .french import read_number


def _plain_table() -> dict[int, str]:
    table = {}
    for code in range(0x80, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii():
            table[code] = "^" if base.isdigit() else base  # "m²" is no figure
    table.update({ord(c): "'" for c in "’‘ʼ´`"})
    table.update({ord(c): "-" for c in "‐‑–—"})
    table.update(
        {ord("œ"): "o", ord("Œ"): "o", ord("æ"): "a", ord("Æ"): "a", ord("\u00a0"): " ", ord("\u202f"): " "}
    )
    return table


_PLAIN = _plain_table()


def plain(text: str) -> str:
    """Lower case without accents, same length as the text (offsets are shared)."""
    out = text.translate(_PLAIN).lower()
    return (
        out
        if len(out) == len(text)
        else "".join(c if len(c) == 1 else "?" for c in (ch.translate(_PLAIN).lower() for ch in text))
    )


def spaced(phrase: str) -> str:
    """ "en exercice" -> a pattern tolerating one OCR space inside words: "e n  e xer ci ce"."""
    words = []
    for word in phrase.split():
        if word.startswith("(") or "\\" in word or "[" in word:
            words.append(word)  # already a pattern
            continue
        words.append(" ?".join(re.escape(c) for c in word))
    return r"\s*".join(words)


# kind -> label phrases (plain text). "Strong" labels (a "nombre de ..." heading) may be followed
# by a few words before their value ("Nombre légal de membres au Conseil municipal 49").
LABELS: dict[str, tuple[str, ...]] = {
    "legal_members": ("nombre legal de membres", "effectif legal"),
    "members_in_office": (
        "en exercice",
        "nombre total de membres",
        "afferents au conseil",
        "membres en fonction",
    ),
    "present__mixed": ("titulaires ou suppleants presents", "titulaires et suppleants presents"),
    "present_titulaires": ("presents titulaires", "titulaires presents"),
    "present_suppleants": ("presents suppleants", "suppleants presents"),
    "present": ("presents", "presentes", "presents a la seance"),
    "represented": ("representes", "representees"),
    "absent": ("absents excuses", "absents", "absentes", "excuses"),
    "proxies": ("procurations", "procuration", "pouvoirs", "mandats", "pouvoir"),
    "voters": ("votants", "nombre de votants"),
    "votes_cast": ("suffrages exprimes",),
    "for": ("votes pour", "voix pour", "ont vote pour", "vote pour"),
    "against": ("votes contre", "voix contre", "ont vote contre", "vote contre"),
    "abstain": ("abstentions", "abstention", "se sont abstenus", "abstenus", "abstention(s)"),
    "not_participating": (
        "ne prenant pas part au vote",
        "ne prennent pas part au vote",
        "ne prend pas part au vote",
        "n p p v",
        "n pp v",
        "nppv",
        "n ppv",
        "np pv",
        "conseillers interesses",
        "non participation au vote",
    ),
    "blank": ("bulletins blancs", "blancs", "nuls"),
}
# bare "pour" / "contre" only as a table label: followed by a colon
_COLON_ONLY = {"for": ("pour",), "against": ("contre",)}
_STRONG = re.compile(r"n ?o ?m ?b ?r ?e|effectif|total", re.I)

_NUMBER = r"(?<![\d/.,])(?:\d{1,4}|/)(?![\d/]|[.,]\d|\s?%|\s?€|\s?h\b)"
_WORD_NUMBER = (
    r"(?<![a-z])(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    r"seize|vingt|trente|quarante|cinquante)(?:-(?:et-)?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf))?(?![a-z])"
)
VOTE_KINDS = {"for", "against", "abstain", "not_participating", "blank"}


@lru_cache(maxsize=2)
def _label_regex(letter_spaced: bool = False) -> re.Pattern:
    """Every label; ``letter_spaced``: tolerating one OCR space between letters (slower, used only
    where the text is letter-spaced)."""
    parts = []
    write = spaced if letter_spaced else (lambda phrase: r"\s+".join(re.escape(w) for w in phrase.split()))
    nombre = r"n ?o ?m ?b ?r ?e\s+(?:d ?e ?s?|d ?')" if letter_spaced else r"nombre\s+(?:des?|d')"
    for kind, phrases in LABELS.items():
        alternatives = sorted(phrases, key=len, reverse=True)
        body = "|".join(write(p) for p in alternatives)
        parts.append(f"(?P<{kind}>(?:{nombre}\\s*(?:[a-z ]{{0,40}}?\\s)?)?(?:{body}))")
    for kind, phrases in _COLON_ONLY.items():
        parts.append(f"(?P<{kind}_colon>(?:{'|'.join(phrases)})(?=\\s*:))")
        # "par 20 voix pour, 5 contre et 2 abstentions": bare after a number
        parts.append(f"(?P<{kind}_after>(?<=\\d )(?:{'|'.join(phrases)})(?!\\s+cent))")
    firsts = {
        phrase[0] for phrases in list(LABELS.values()) + list(_COLON_ONLY.values()) for phrase in phrases
    } | {"n"}
    return re.compile(
        r"(?<![a-z])(?=[" + "".join(sorted(firsts)) + r"])(?:" + "|".join(parts) + r")(?![a-z])"
    )


_LETTER_SPACED = re.compile(r"(?:\b[a-z]{1,3} ){2,}[a-z]{1,3}\b")
_SHORT_WORDS = frozenset(
    "a au aux ce ces c d de des du en et il la le les l m n ne ni nos on ou par pas qu que qui s sa se ses son sur "
    "t un une y vos est ont sont lui eux mme mr mm mrs h er e es x i ii iii iv v vi".split()
)


_LAST: list = [None, None]  # the last text read and its label matches: a document is read several times


def label_matches(low: str):
    """Label matches in text order: the plain labels, and the letter-spaced ones where OCR spaced letters."""
    if _LAST[0] is low:
        return _LAST[1]
    matches = _label_matches(low)
    _LAST[0], _LAST[1] = low, matches
    return matches


def _label_matches(low: str):
    matches = list(_label_regex().finditer(low))
    regions: list[tuple[int, int]] = []
    for found in _LETTER_SPACED.finditer(low):
        if all(word in _SHORT_WORDS for word in found.group().split()):
            continue
        start, end = max(0, found.start() - 40), min(len(low), found.end() + 40)
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    if regions:
        taken = [(m.start(), m.end()) for m in matches]
        spaced_regex = _label_regex(True)
        for start, end in regions:
            for match in spaced_regex.finditer(low, start, end):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    matches.append(match)
                    taken.append((match.start(), match.end()))
        matches.sort(key=lambda m: m.start())
    return matches


@dataclass(frozen=True)
class Count:
    kind: str
    value: int
    start: int  # offset of the label
    end: int  # offset after the value
    raw: str
    window: Window | None = None  # the items this figure is for ("Présents : 25 (points 1 à 5)")


@dataclass
class _Token:
    kind: str  # a label kind, or "number"
    start: int
    end: int
    spaced: bool = False
    strong: bool = False
    word: bool = False
    value: int | None = None
    raw: str = ""


_CONNECTOR = re.compile(r"[\s:=\-–/|]*")
_CONNECTOR_STRICT = re.compile(r"[\s:=\-–|]*")
_FILLER = re.compile(r"[\sa-z':,-]{0,60}")


def _tokens(text: str, low: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in label_matches(low):
        kind = match.lastgroup.removesuffix("_colon").removesuffix("_after").split("__")[0]
        raw = match.group()
        tokens.append(
            _Token(
                kind,
                match.start(),
                match.end(),
                spaced=bool(re.search(r"\b[a-z]{1,2} [a-z]{1,3}\b", raw)) and len(raw) > 6,
                strong=bool(_STRONG.match(raw)),
                raw=raw,
            )
        )
    for match in re.finditer(_NUMBER, low):
        tokens.append(
            _Token("number", match.start(), match.end(), value=read_number(match.group()), raw=match.group())
        )
    for match in re.finditer(_WORD_NUMBER, low):
        tokens.append(
            _Token(
                "number",
                match.start(),
                match.end(),
                value=read_number(match.group()),
                raw=match.group(),
                word=True,
            )
        )
    tokens.sort(key=lambda t: (t.start, -t.end))
    # a label swallowing a number cannot happen (labels have no digits); drop numbers inside labels anyway
    kept: list[_Token] = []
    for token in tokens:
        if kept and token.start < kept[-1].end:
            continue
        kept.append(token)
    return kept


def read_counts(text: str, low: str | None = None, offset: int = 0) -> list[Count]:
    """Every (label, value) pair the layout makes certain, in text order."""
    low = plain(text) if low is None else low
    tokens = _tokens(text, low)
    counts: list[Count] = []
    used: set[int] = set()

    def gap(a: _Token, b: _Token) -> str:
        return low[a.end : b.start]

    def number_ok(label: _Token, number: _Token) -> bool:
        if number.raw == "/" and not re.fullmatch(r"\s*:\s*", gap(label, number)):
            return False
        if number.word and label.kind not in VOTE_KINDS:
            return False
        return number.value is not None

    def followed_by_value(position: int, depth: int = 0) -> bool:
        """The label at this index has its own value right after it (a value that no later label claims)."""
        label = tokens[position]
        nxt = tokens[position + 1] if position + 1 < len(tokens) else None
        if not (
            nxt and nxt.kind == "number" and not nxt.word and _CONNECTOR_STRICT.fullmatch(gap(label, nxt))
        ):
            return False
        return depth > 8 or not claimed_by_next_label(position + 1, depth + 1)

    def claimed_by_next_label(position: int, depth: int = 0) -> bool:
        """ "suffrages exprimés 38 votes pour", "42 votes pour 2 votes contre 5 abstentions": the number
        reads with the label after it."""
        number = tokens[position]
        nxt = tokens[position + 1] if position + 1 < len(tokens) else None
        return bool(
            nxt
            and nxt.kind != "number"
            and not nxt.strong
            and re.fullmatch(r"\s+", gap(number, nxt))
            and not followed_by_value(position + 1, depth)
        )

    def spaced_value(position: int) -> tuple[int | None, int]:
        """Letter-spaced digits after a letter-spaced label: "4 3" -> 43. (value, last index)"""
        digits = [tokens[position]]
        j = position + 1
        while (
            j < len(tokens)
            and tokens[j].kind == "number"
            and len(tokens[j].raw) == 1
            and tokens[j].raw.isdigit()
            and low[digits[-1].end : tokens[j].start] == " "
        ):
            digits.append(tokens[j])
            j += 1
        if len(digits) == 1 or not all(len(d.raw) == 1 for d in digits):
            return None, position
        return int("".join(d.raw for d in digits)), j - 1

    def add(label: _Token, number: _Token) -> None:
        counts.append(
            Count(
                label.kind,
                number.value,
                offset + label.start,
                offset + number.end,
                text[label.start : number.end],
            )
        )
        used.update((id(label), id(number)))

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "number" or id(token) in used:
            index += 1
            continue
        # a run of labels joined by connectors, then a run of values
        labels = [token]
        j = index + 1
        while (
            j < len(tokens)
            and tokens[j].kind != "number"
            and _CONNECTOR.fullmatch(gap(tokens[j - 1], tokens[j]))
        ):
            labels.append(tokens[j])
            j += 1
        numbers = []
        k = j
        if k < len(tokens) and tokens[k].kind == "number":
            joint = gap(labels[-1], tokens[k])
            if _CONNECTOR_STRICT.fullmatch(joint) or (labels[-1].strong and _FILLER.fullmatch(joint)):
                numbers.append(tokens[k])
                k += 1
                while (
                    k < len(tokens)
                    and tokens[k].kind == "number"
                    and len(numbers) < len(labels)
                    and re.fullmatch(r"\s*", gap(tokens[k - 1], tokens[k]))
                ):
                    numbers.append(tokens[k])
                    k += 1
        if len(labels) == 1 and numbers:
            first = tokens.index(numbers[0], j)
            if labels[0].spaced and not numbers[0].word:
                value, last = spaced_value(first)
                if value is not None:
                    counts.append(
                        Count(
                            labels[0].kind,
                            value,
                            offset + labels[0].start,
                            offset + tokens[last].end,
                            text[labels[0].start : tokens[last].end],
                        )
                    )
                    used.update(id(t) for t in [labels[0], *tokens[first : last + 1]])
                    index = last + 1
                    continue
            if ":" not in gap(labels[0], numbers[0]) and claimed_by_next_label(first):
                index = j
                continue
            if number_ok(labels[0], numbers[0]):
                add(labels[0], numbers[0])
            index = k
            continue
        if len(labels) > 1 and len(numbers) == len(labels):
            if all(number_ok(lab, num) for lab, num in zip(labels, numbers, strict=False)):
                for lab, num in zip(labels, numbers, strict=False):
                    add(lab, num)
            index = k
            continue
        if len(labels) > 1 and numbers:
            # fewer values than labels: nothing is certain
            index = k
            continue
        if not numbers and _blank_in_a_vote_table(labels, counts, low, offset):
            # "ONT VOTE POUR : 14 ONT VOTE CONTRE : SE SONT ABSTENUS :": a blank in a filled table is none
            for label in labels:
                counts.append(
                    Count(
                        label.kind, 0, offset + label.start, offset + label.end, text[label.start : label.end]
                    )
                )
                used.add(id(label))
            index = j
            continue
        index = j if len(labels) > 1 else index + 1

    # values printed before their labels: "dont 22 Présents et 05 Procurations", "27 20 3 23 Nombre de ..."
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind != "number" or id(token) in used:
            index += 1
            continue
        numbers = [token]
        j = index + 1
        while (
            j < len(tokens)
            and tokens[j].kind == "number"
            and id(tokens[j]) not in used
            and re.fullmatch(r"\s*", gap(tokens[j - 1], tokens[j]))
        ):
            numbers.append(tokens[j])
            j += 1
        labels = []
        k = j
        while (
            k < len(tokens)
            and tokens[k].kind != "number"
            and id(tokens[k]) not in used
            and re.fullmatch(
                r"\s*(?:nombre\s+de\s+)?" if not labels else r"[\s\-:]*", gap(tokens[k - 1], tokens[k])
            )
        ):
            labels.append(tokens[k])
            k += 1
        if (
            labels
            and len(labels) == len(numbers)
            and token.raw != "/"
            and not any(
                n.word and lab.kind not in VOTE_KINDS for lab, n in zip(labels, numbers, strict=False)
            )
        ):
            followed = (
                k < len(tokens)
                and tokens[k].kind == "number"
                and _CONNECTOR_STRICT.fullmatch(gap(labels[-1], tokens[k]))
                and not claimed_by_next_label(k)
            )
            if not followed:
                for lab, num in zip(labels, numbers, strict=False):
                    counts.append(
                        Count(
                            lab.kind,
                            num.value,
                            offset + num.start,
                            offset + lab.end,
                            text[num.start : lab.end],
                        )
                    )
                    used.update((id(lab), id(num)))
                index = k
                continue
        index = j
    counts.sort(key=lambda c: c.start)
    return counts


def _blank_in_a_vote_table(labels: list[_Token], counts: list[Count], low: str, offset: int) -> bool:
    if not all(label.kind in ("for", "against", "abstain") for label in labels):
        return False
    if not all(re.match(r"\s*:", low[label.end : label.end + 4]) for label in labels):
        return False
    previous = counts[-1] if counts else None
    return bool(
        previous
        and previous.kind in ("for", "against", "abstain")
        and 0 <= labels[0].start + offset - previous.end <= 6
    )


ATTENDANCE_FIGURES = frozenset(
    {
        "members_in_office",
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
_RANGE_CLAUSE = re.compile(
    r"(?:pour\s+les\s+|aux\s+|de\s+la\s+|du\s+|des\s+)?(?:points?|questions?|d[ée]lib[ée]rations?|rapports?|affaires?)\s+"
    r"(?:n\s*°\s*)?(\d{1,4})\s*(?:[àa]|au|-)\s*(?:la\s+|le\s+)?(?:n\s*°\s*)?(\d{1,4})\s*:",
    re.I,
)
_WINDOW_NOTE = re.compile(r"\s*\(([^()]{3,80})\)")
_MORE = re.compile(r"\s*[/,;]?\s*(?:et\s+)?(\d{1,4})\s*\(([^()]{3,80})\)")


def with_ranges(text: str, counts: list[Count]) -> list[Count]:
    """Figures given per range of items: "Présents : 25 (points 1 à 5) / 27 (à partir du point 6)",
    "Points 1 à 5 : présents 25, votants 28 ; points 6 à 12 : présents 27, votants 30"."""
    from .windows import read_window

    clauses = [
        (m.start(), Window(from_item=int(m.group(1)), until_item=int(m.group(2))))
        for m in _RANGE_CLAUSE.finditer(text)
        if int(m.group(1)) <= int(m.group(2))
    ]
    result: list[Count] = []
    for count in counts:
        if count.kind not in ATTENDANCE_FIGURES:
            result.append(count)
            continue
        note = _WINDOW_NOTE.match(text, count.end)
        window = read_window(note.group(1)).window if note else None
        if window is None:
            owner = [
                w
                for start, w in clauses
                if start <= count.start <= start + 250
                and not any(start < other <= count.start for other, _w in clauses)
            ]
            window = owner[-1] if owner else None
        result.append(Count(count.kind, count.value, count.start, count.end, count.raw, window))
        if note and window:
            position = note.end()
            while more := _MORE.match(text, position):
                extra = read_window(more.group(2)).window
                if extra is None:
                    break
                result.append(
                    Count(count.kind, int(more.group(1)), more.start(1), more.end(), more.group(), extra)
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
