"""The acts of an extract: where each begins and ends, its number, title, vote and figures.

A heading ("Délibération n° 2022-12-21/16", "DEL2023-01 Objet :", "Point n° 3", "N° 2022/055 …")
opens an act; the same number printed again (a stamp on each page) opens none. Each act's figures
are those printed inside its span, or given for a range of items that covers it; a single act
also takes the figures of the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .counts import ATTENDANCE_KINDS, VOTE_KINDS, Count, Figures, covers
from .figures import settle
from .layout import FlatText, fold, indexed, squash
from .persons import NamedPerson, find_people
from .records import StatedDeliberation
from .vocabulary import (
    ACT_CODE_OBJECT,
    ACT_ITEM,
    ACT_NUMBER_THEN_TITLE,
    ACT_NUMBERED,
    ACT_OBJECT_NUMBERED,
    ACT_POINT,
    ACT_UNNUMBERED_WORD,
    INTERESTED_LABEL,
    ITEM_IN_BODY,
    NOT_PARTICIPATING,
    SINGLE_ID_CODE,
    SINGLE_ID_NUMBER,
    SINGLE_ID_STAMP,
    Term,
)
from .votes import read_votes

# (heading, the number's first letters must be capitals, the next word must start with a capital)
_HEADINGS: tuple[tuple[Term, bool, bool], ...] = (
    (ACT_NUMBERED, False, False),
    (ACT_UNNUMBERED_WORD, False, False),
    (ACT_CODE_OBJECT, True, False),
    (ACT_OBJECT_NUMBERED, False, False),
    (ACT_POINT, False, False),
    (ACT_ITEM, False, False),
    (ACT_NUMBER_THEN_TITLE, False, True),
)
_SEPARATORS = re.compile(r"[\s_./-]")
_DCM = re.compile(r"\bdcm[\s-]*(?P<dcm>[\d.,]+\d)")
# an act's code printed after its title: "DCC2023_129", "DB-2023-021"
_CODE_AFTER_TITLE = re.compile(r"(?<![\w/-])(?P<code>[A-Z]{2,6}[_-]?\d{4}[-_/]\d{1,4})(?![\w/-])")


@dataclass
class _Heading:
    start: int
    end: int
    number: str | None
    item: int | None
    sub: str | None = None  # "Dossier n°2-1": the part after the item number
    printed: int | None = None  # the item number printed, even for a part of an item

    @property
    def key(self) -> str:
        return _norm(self.number) if self.number else f"item{self.item}{self.sub or ''}"


def _norm(number: str | None) -> str:
    return _SEPARATORS.sub("", number or "").upper()


def headings(page: FlatText) -> list[_Heading]:
    text = page.text
    found = []
    for term, capitals, title_after in _HEADINGS:
        for match in page.finditer(term):
            groups = match.groupdict()
            number = text[match.start("num") : match.end("num")] if groups.get("num") else None
            if capitals and number and not number[:2].isupper():
                continue
            if title_after and not re.match(r"\s*(?:[A-ZÀ-Ý])", text[match.end() : match.end() + 2]):
                continue
            item = int(groups["item"]) if groups.get("item") else None
            printed = item
            if groups.get("sub"):
                item = None  # "Dossier n°2-1": no item number of its own
            number = number.rstrip("./-_") if number else None
            found.append(_Heading(match.start(), match.end(), number, item, groups.get("sub"), printed))
    found.sort(key=lambda h: h.start)
    kept: list[_Heading] = []
    for heading in found:
        if kept and heading.start < kept[-1].end:
            continue
        kept.append(heading)
    return kept


def first_heading(page: FlatText) -> int | None:
    found = headings(page)
    return found[0].start if found else None


@dataclass
class _Segment:
    start: int
    end: int
    number: str | None
    item: int | None
    numbered: bool
    title_at: int | None = None  # "Dossier n°2-1 : Approbation …": the title follows the heading
    sub: bool = False  # "Dossier n°2-1": a part of an item, no item number of its own
    position: int | None = None  # where the act comes in the agenda, as printed


def _segments(page: FlatText, figures: Figures, block_end: int, found: list[_Heading]) -> list[_Segment]:
    text = page.text
    # the same number printed again further on (a stamp on each page) does not open a new deliberation
    distinct: list[_Heading] = []
    seen: set[str] = set()
    for heading in found:
        if heading.key in seen:
            continue
        seen.add(heading.key)
        distinct.append(heading)
    segments: list[_Segment] = []
    if len(distinct) >= 2:
        starts = [h.start for h in distinct]
        for index, heading in enumerate(distinct):
            end = starts[index + 1] if index + 1 < len(starts) else len(text)
            number = heading.number or _number_after(page, heading, end)
            title_at = heading.end if heading.number is None else None
            segments.append(
                _Segment(
                    heading.start,
                    end,
                    number,
                    heading.item,
                    True,
                    title_at,
                    heading.sub is not None,
                    heading.printed,
                )
            )
        if block_end < starts[0]:
            reading = read_votes(page, figures, block_end, starts[0])
            if any(v.result not in (None, "noted") or v.has_figures for v in reading.votes):
                segments.insert(0, _Segment(block_end, starts[0], None, None, False))
        return segments
    first = distinct[0] if distinct else None
    single = first.number if first and first.number else single_identifier(page)
    start = first.start if first else block_end
    if start >= len(text.rstrip()) - 20:
        return []
    if not first and not read_votes(page, figures, start, len(text)).votes:
        return []
    item = first.item if first else None
    return [_Segment(start, len(text), single, item, bool(first or single))]


def _number_after(page: FlatText, heading: _Heading, end: int) -> str:
    """An item heading's act number: a code printed after its title ("DCC2023_129"), a council's
    "DCM 23.1.49", or the item."""
    limit = min(end, heading.end + 400)
    code = _CODE_AFTER_TITLE.search(page.text, heading.end, limit)
    if code:
        return code.group("code")
    dcm = _DCM.search(page.low, heading.end, limit)
    if dcm:
        return page.text[dcm.start("dcm") : dcm.end("dcm")]
    return str(heading.item) + (heading.sub or "")


def read_deliberations(page: FlatText, figures: Figures, block_end: int) -> list[StatedDeliberation]:
    found = headings(page)
    segments = _segments(page, figures, block_end, found)
    deliberations = []
    used_items: set[int] = set()
    unnumbered = 0
    for segment in segments:
        number = segment.number
        if not segment.numbered or number is None:
            unnumbered += 1
            number = "s.n." if unnumbered == 1 else f"s.n.-{unnumbered}"
            segment.numbered = False
        deliberation = _deliberation(page, figures, segment, number, len(segments) > 1)
        if deliberation.item in used_items:
            deliberation.item = None
        if deliberation.item is not None:
            used_items.add(deliberation.item)
        deliberations.append(deliberation)
    numbers: set[str] = set()
    for deliberation in deliberations:
        # a number printed twice (a garbled or repeated heading) still names one deliberation each
        base, suffix = deliberation.number, 2
        while deliberation.number in numbers:
            deliberation.number = f"{base} ({suffix})"
            suffix += 1
        numbers.add(deliberation.number)
    free = 0
    for deliberation in deliberations:
        if deliberation.item is None:
            while free in used_items or (free == 0 and deliberation.numbered):
                free += 1
            deliberation.item = free
            used_items.add(free)
    return deliberations


def single_identifier(page: FlatText) -> str | None:
    for term, capitals in ((SINGLE_ID_NUMBER, False), (SINGLE_ID_CODE, True), (SINGLE_ID_STAMP, False)):
        for match in page.finditer(term, 0, 5000):
            number = page.text[match.start("num") : match.end("num")]
            if capitals and number[:1].isalpha() and not number[:2].isupper():
                continue
            return squash(number)
    return None


def _trailing_number(number: str) -> int | None:
    match = re.search(r"(\d+)\D*$", number)
    if not match:
        return None
    value = int(match.group(1))
    return value if 0 < value <= 999 else None


def _deliberation(
    page: FlatText, figures: Figures, segment: _Segment, number: str, several: bool
) -> StatedDeliberation:
    start, end = segment.start, segment.end
    item = segment.item
    report = page.search(ITEM_IN_BODY, start, end)
    if item is None and report and not several:
        item = int(report.group("item"))
    if item is None and segment.numbered and not segment.sub:
        item = _trailing_number(number)
    reading = read_votes(page, figures, start, end)
    vote = reading.main
    where = f"la délibération n°{number}"
    counts = [
        c for c in figures.windowed if c.window and c.kind in ATTENDANCE_KINDS and covers(c.window, item)
    ]
    counts += [
        c
        for c in figures.within(start, end)
        if c.window is None and c.kind in ATTENDANCE_KINDS and not inside_a_vote(page, c)
    ]
    own = settle(page, counts, where, (item,) if item is not None else ())
    position = segment.position if segment.position is not None else item
    if vote.voters is None and "voters" in own.values and "voters" not in vote.conflicts:
        vote.voters = own.values["voters"]
        vote.evidence["voters"] = own.evidence["voters"]
    vote.present = own.values.get("present")
    vote.represented = own.values.get("represented")
    return StatedDeliberation(
        number=number,
        item=item,
        title=_title(page, start, end, report, number, segment.title_at),
        rapporteur=_field(page, r"rapporteur\s*:\s*", start, end, 120),
        committee=_field(page, r"commission\s*:\s*", start, end, 200),
        interested=interested(page, start, end),
        vote=vote,
        line=page.line_of(start),
        budget_line=_budget(page, start, end),
        decision=_decision(page, start, end),
        span=(start, end),
        votes=reading.votes,
        counts=own.values,
        reading=reading,
        numbered=segment.numbered,
        evidence=own.evidence,
        findings=own.findings,
        position=position,
        changed=own.changed,
    )


def _field(page: FlatText, label: str, start: int, end: int, size: int, stop: str = r"\s{2,}") -> str | None:
    """A labelled field up to a wide gap (a line break, in the flat text) within ``size`` characters,
    or up to the end of the act; none otherwise."""
    match = re.compile(label).search(page.low, start, end)
    if not match:
        return None
    value = page.text[match.end() : min(end, match.end() + size + 8)]
    gap = re.compile(stop).search(value)
    if gap and gap.start() <= size:
        return squash(value[: gap.start()])
    if end - match.end() <= size:
        return squash(page.text[match.end() : end])
    return None


def _budget(page: FlatText, start: int, end: int) -> str | None:
    return _field(page, r"inscription\s+budgetaire\s+", start, end, 200, r"\s{2,}Montant|\s{3,}")


_DECISION = re.compile(r"(?:a\s+l'unanimite|a\s+la\s+majorite)[^:]{0,80}:")
_CERTIFIED = re.compile(r"pour\s+extrait")


def _decision(page: FlatText, start: int, end: int) -> str:
    match = _DECISION.search(page.low, start, end)
    if not match:
        return ""
    stop = _CERTIFIED.search(page.low, match.end(), end)
    return squash(page.text[match.start() : stop.start() if stop else end])


def inside_a_vote(page: FlatText, count: Count) -> bool:
    """ "38 votes pour, dont 3 procurations": proxies used in a vote, not the meeting's count (unlike
    "Votants : 27 dont 22 Présents et 05 Procurations")."""
    if count.layout != "value_label":
        return False
    before = page.low[max(0, count.start - 40) : count.start]
    return bool(re.search(r"(?:pour|contre|abstentions?)\s*,?\s*dont\s*$", before))


# where a title stops: punctuation, a vote, or a capitalised word that opens the act's text
_TITLE_END = re.compile(
    r"(?P<punct>[.;]\s|\||\s\(\s*n\s*°)|\s(?P<any>dcm\b|a\s+l'unanimit|a\s+la\s+majorit|m\.\s+le|mme\s+la)"
    r"|\s(?P<capital>vu\s|le\s+conseil|la\s+commission|monsieur|madame|considerant|rapporteur|entendu|il\s+est|"
    r"il\s+convient|envoye|recu\s+en|le\s+bureau|la\s+loi|apres\s|suite\s+a|ceci\s+expose|sur\s+(?:le\s+)?rapport|"
    r"le\s+marche|l'an\s)"
)
_OBJECT = re.compile(r"\bobjet\s*:\s*")
_OBJECT_WORD = indexed("objet")
_WIDE_GAP = re.compile(r"\s{2,}")
_POINT_HEAD = re.compile(r"\s*point\s+n\s*°\s*\d+\s*")
_AFTER_NUMBER = re.compile(r"\s*(?:(?:du|en\s+date\s+du)\s+\d{1,2}\s*(?:er)?\s+\w+\s+\d{4})?[\s\-:|]*")


def _title(
    page: FlatText,
    start: int,
    end: int,
    report: re.Match[str] | None,
    number: str = "",
    title_at: int | None = None,
) -> str:
    low = page.low
    if title_at is not None:
        code = page.text.find(number, title_at, min(end, title_at + 400)) if number else -1
        return _clip(page, title_at, code if code > 0 else min(end, title_at + 400))
    point = _POINT_HEAD.match(low, start)
    if point:
        return _clip(page, point.end(), point.end() + 400)
    if report:
        gap = _WIDE_GAP.search(low, report.end(), min(end, report.end() + 300))
        return _clip(page, report.end(), gap.start() if gap else min(end, report.end() + 300))
    head_end = min(end, start + 4000)
    found = next(
        (m for at in page.within(_OBJECT_WORD, start, head_end) if (m := _OBJECT.match(low, at, head_end))),
        None,
    )
    if found:
        return _clip(page, found.end(), head_end)
    if number:
        at = page.text.find(number, start, head_end)
        if at >= 0:
            lead = _AFTER_NUMBER.match(low, at + len(number))
            return _clip(page, lead.end() if lead else at + len(number), head_end)
    return ""


def _clip(page: FlatText, start: int, end: int) -> str:
    text, low = page.text, page.low
    while start < end and low[start].isspace():
        start += 1
    stop = end
    for match in _TITLE_END.finditer(low, max(0, start - 1), end):
        at = match.start() if match.group("punct") else match.start() + 1
        if at < start:
            continue
        if match.group("capital") and not text[at].isupper():
            continue
        stop = at
        break
    title = squash(text[start:stop])
    if len(title) > 200:
        title = title[:200].rsplit(" ", 1)[0] + " …"
    return title


_BOUNDARY = re.compile(r"(?<!\bM)(?<!\bMM)(?<!\bMr)[.:;]")


def interested(page: FlatText, start: int, end: int) -> list[NamedPerson]:
    """ "MM. Benoît VUILLEMIN, Sébastien COUDRY et Nicolas BODIN (2), conseillers intéressés ne prennent part
    ni au débat, ni au vote": the people named in the sentence before the words."""
    anchor = page.search(NOT_PARTICIPATING, start, end)
    if not anchor:
        return []
    begin = max(start, anchor.start() - 600)
    before = page.text[begin : anchor.start()]
    boundaries = [m.end() for m in _BOUNDARY.finditer(before)]
    offset = boundaries[-1] if boundaries else 0
    words = before[offset:]
    label = INTERESTED_LABEL.regex.search(fold(words))
    words = words[: label.start()] if label else words
    # "46 voix Pour, 1 abstention et 5 ne prenant pas part au vote": a figure, not names
    if re.search(r"\d\s*$", words):
        return []
    return find_people(words, begin + offset)


def vote_counts_before(figures: Figures, offset: int) -> dict[str, Count]:
    """Vote figures printed before this offset (a count box in the header), first of each kind."""
    found: dict[str, Count] = {}
    for count in figures.within(0, offset):
        if count.kind in VOTE_KINDS:
            found.setdefault(count.kind, count)
    return found
