"""A deliberation's parts, for the documents that reprint it: the report's text, the operative
part, the signature, the annexes, and its header fields read over their whole width.

The readers keep offsets on one flat line; a reprint needs the lines as printed. Each line of the
deliberation's span is folded once and matched with the vocabulary's manner (no spelled
accents); names and amounts are read on the line as printed. Figures printed in the source are
not part of the result: the documents print the rules core's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .layout import fold
from .records import StatedDeliberation, StatedExtract

_LINE = re.M
_FLAT = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " ", "\t": " "})
_INTERESTED_END = re.compile(
    r"ne\s+(?:prenn?e?nt|prend)\s+(?:pas\s+)?part\s+(?:ni\s+)?(?:au\s+debat\s*,?\s*(?:ni|et)\s+)?au\s+vote"
)
_DECISION = re.compile(
    r"^[\s*#>]*(?:a\s+l'unanimite|a\s+la\s+majorite|apres\s+partage|(?:le|la)\s+[^\n:]{0,80}?(?:prend\s+acte|rejette)\b)"
    r"[^\n]*:[*\s]*$"
)
_CERTIFIED = re.compile(r"^[\s*]*pour\s+extrait\s+conforme[^\n]*$")
_FIGURE = re.compile(
    r"^[\s*]*(?:pour|contre|abstentions?|votants|presents|representes|conseillers\s+interesses|"
    r"ne\s+prenant\s+pas\s+part\s+au\s+vote|conseillers\s+en\s+exercice)\s*(?:\\?\*)?\s*:\s*\d+[*\s]*$"
)
_FIGURES_HEADING = re.compile(
    r"^[\s*]*(?:rapport|deliberation|le\s+conseil|partage)\b[^\n]{0,80}(?:adopt|rejet|pris\s+acte|partage)[^\n]*:[*\s]*$"
)
_FOOTNOTE = re.compile(r"^\s*\\?\*[^*\n][^\n]*$")
_HEADER_LINE = re.compile(
    r"^[\s*#]*(?:deliberation\s+n|rapport\s+n|question\s+n|point\s+n|affaire\s+n|rapporteur|commission|inscription\s+budg)"
)
_BUDGET_LINE = re.compile(r"inscription\s+budg")
_AMOUNT = re.compile(r"(montant[^:\n]{0,80}?)\s*:\s*(\d[\d \u00a0\u202f]*(?:,\d+)?)\s*€")
_PERSON_LINE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:[- ][A-ZÀ-Ý][a-zà-ÿ]+)*\s+[A-ZÀ-Ý][A-ZÀ-Ý' -]+$")
_FOOTER = re.compile(r"^.{0,80}\bpage\s+\d+\s+sur\s+\d+\s*$")
_NEXT_FIELD = re.compile(
    r"\n\s*\n|\n\s*#|(?:rapporteur|commission|inscription\s+budgetaire|resume)\s*:|inscription\s+budg|\n\s*montant"
)
_AFTER_SIGNATURE = re.compile(r"^[\s*]*(?:transmis|publie|executoire|#*\s*annexe\b)")
_ANNEX_MARK = re.compile(r"^[\s#*]*annexe[\s*]*$")
_JOINED = re.compile(r"jointe\s+a\s+l'extrait")
_BULLET = re.compile(r"^\s*(?:[•✓\-*]\s+|\d{1,2}[.)]\s+)")
_TAGS = re.compile(r"<[^<>]+>")
_CHAIR_TITLE = re.compile(
    r"sous\s+la\s+presidence\s+de\s+(?:m\.|mme|monsieur|madame)?\s*[^,.]{2,80}?,\s*([^.]{3,120}?)\s*\."
)


@dataclass(frozen=True)
class Signatory:
    """Who signs "Pour extrait conforme": capacity above the name, title below."""

    name: str
    capacity: str = ""
    title: str = ""


@dataclass(frozen=True)
class Parts:
    title: str
    rapporteur: str | None
    committee: str | None
    budget_line: str | None
    budget_amounts: tuple[tuple[str, Decimal], ...]
    text: str
    decision: str
    signatory: Signatory | None
    annexes: str


@dataclass(frozen=True)
class _Lines:
    """The deliberation's lines as printed, and folded (one fold per line)."""

    printed: list[str]
    low: list[str]

    @classmethod
    def of(cls, body: str) -> _Lines:
        printed = body.split("\n")
        return cls(printed, [fold(line.translate(_FLAT).replace("**", "")) for line in printed])

    def first(self, pattern: re.Pattern[str], start: int | None) -> int | None:
        for index in range(start or 0, len(self.low)):
            if pattern.search(self.low[index]):
                return index
        return None


def deliberation_parts(stated: StatedExtract, index: int) -> Parts:
    """The parts of the deliberation ``index`` of the extract: from its start to the next one's."""
    deliberation = stated.deliberations[index]
    starts = [d.span[0] for d in stated.deliberations] + [len(stated.original)]
    body = _without_furniture(stated.original[deliberation.span[0] : starts[index + 1]])
    return _parts(deliberation, _Lines.of(body))


def chair_title(original: str) -> str | None:
    """ "sous la présidence de Mme Anne VIGNOT, Présidente de Grand Besançon Métropole."""
    flat = re.sub(r"\s+", " ", original.translate(_FLAT).replace("**", ""))
    match = _CHAIR_TITLE.search(fold(flat))
    return re.sub(r"\s+", " ", flat[match.start(1) : match.end(1)]).strip() if match else None


def _without_furniture(body: str) -> str:
    """Drop the running footer and header a PDF's text layer puts between pages ("… Page 2 sur 11")."""
    kept = []
    skip_header = False
    for line in body.split("\n"):
        if _FOOTER.match(fold(line.strip())):
            skip_header = True
            continue
        if skip_header:
            skip_header = False
            if "—" in line or " - " in line:  # "Grand Besançon Métropole Extrait du registre — 2021/005795"
                continue
        kept.append(line)
    return "\n".join(kept)


def _parts(stated: StatedDeliberation, lines: _Lines) -> Parts:
    printed = lines.printed
    header_end = _header_end(lines)
    decision_at = lines.first(_DECISION, header_end)
    interested_at = _interested_start(lines, header_end, decision_at)
    text_end = min(i for i in (interested_at, decision_at, len(printed)) if i is not None)
    certified_at = lines.first(_CERTIFIED, decision_at or header_end)
    figures_at = lines.first(_FIGURES_HEADING, decision_at or header_end)
    if figures_at is None:
        figures_at = lines.first(_FIGURE, decision_at or header_end)
    decision_end = min(i for i in (certified_at, figures_at, len(printed)) if i is not None)
    decision = "\n".join(printed[decision_at + 1 : decision_end]) if decision_at is not None else ""
    signature_at, signature_end = None, None
    if certified_at is not None:
        signature_at = certified_at + 1
        signature_end = _end_of_signature(lines, certified_at)
    signatory = _signatory(printed[signature_at:signature_end]) if signature_at is not None else None
    annexes_at = _annexes_start(
        lines,
        max(i for i in (decision_at, certified_at, figures_at, header_end, signature_end) if i is not None),
    )
    header_printed = "\n".join(line.translate(_FLAT) for line in printed[:header_end]).replace("**", "")
    header = _Header(header_printed, fold(header_printed))
    budget_line, amounts = _budget(stated, header)
    return Parts(
        title=header.field(r"(?:rapport|question|point|affaire)\s+n\s*°\s*\d+\s*[-–:]?", stated.title) or "",
        rapporteur=header.field(r"rapporteur\s*:", stated.rapporteur),
        committee=header.field(r"commission\s*:", stated.committee),
        budget_line=budget_line,
        budget_amounts=amounts,
        text=_reflow(_tidy("\n".join(printed[header_end:text_end]))),
        decision=_reflow(_tidy(decision)),
        signatory=signatory,
        annexes=_reflow(_tidy("\n".join(printed[annexes_at:]))) if annexes_at is not None else "",
    )


@dataclass(frozen=True)
class _Header:
    printed: str
    low: str

    def field(self, label: str, fallback: str | None) -> str | None:
        """A labelled field up to the next label or blank line, whatever its line breaks."""
        match = re.compile(label).search(self.low)
        if not match:
            return fallback
        stop = _NEXT_FIELD.search(self.low, match.end())
        value = re.sub(r"\s+", " ", self.printed[match.end() : stop.start() if stop else len(self.printed)])
        value = value.strip(" ,;:.-\u00a0")
        if fallback and not value.startswith(fallback[:20].rstrip()):
            return fallback
        return value or fallback


def _header_end(lines: _Lines) -> int:
    """The line after the deliberation's labelled fields (number, item, title, rapporteur, committee, budget)."""
    end = 1
    title_seen = False
    low = lines.low
    for index, line in enumerate(low[:60]):
        text = line.strip()
        if _HEADER_LINE.search(text):
            end = index + 1
            if _BUDGET_LINE.search(text) and not _AMOUNT.search(text):
                # the budget line and its amounts follow on the next non-empty lines
                following = index + 1
                while following < len(low) and following < index + 4:
                    if _AMOUNT.search(low[following]) or (low[following].strip() and following == index + 1):
                        end = following + 1
                    following += 1
            continue
        if text.startswith("#") and not title_seen and index < 12:
            title_seen = True
            end = max(end, index + 1)
    return end


def _interested_start(lines: _Lines, start: int, stop: int | None) -> int | None:
    low = lines.low
    for index in range(start, stop if stop is not None else len(low)):
        if _INTERESTED_END.search(low[index]) or (
            index + 1 < len(low)
            and _INTERESTED_END.search(low[index] + " " + low[index + 1])
            and re.search(r"\b(?:m\.|mme|mm\.?)\s", low[index])
        ):
            # the sentence may start on the line before ("Mme X, et MM. Y (2),\nconseillers intéressés ne …")
            return index
    return None


def _end_of_signature(lines: _Lines, certified_at: int) -> int:
    """Capacity lines, the name, one title line; then a blank line, the figures or the mentions end it."""
    index = certified_at + 1
    named = False
    while index < len(lines.low) and index < certified_at + 8:
        line = lines.low[index].strip()
        if not line:
            if named:
                return index
        elif _FIGURES_HEADING.search(line) or _FIGURE.search(line) or _AFTER_SIGNATURE.search(line):
            return index
        elif named:
            return index + 1  # the title under the name
        elif _PERSON_LINE.match(_TAGS.sub("", lines.printed[index].replace("**", "").strip())):
            named = True
        index += 1
    return index


def _signatory(printed: list[str]) -> Signatory | None:
    cleaned = [_TAGS.sub("", line).replace("**", "").strip() for line in printed]
    cleaned = [line for line in cleaned if line]
    if not cleaned:
        return None
    for index, line in enumerate(cleaned):
        if _PERSON_LINE.match(line):
            return Signatory(line, " ".join(cleaned[:index]).rstrip(" ,"), " ".join(cleaned[index + 1 :]))
    return Signatory(cleaned[0], "", " ".join(cleaned[1:]))


def _annexes_start(lines: _Lines, after: int) -> int | None:
    """Registre's own mark ("Annexe", "Jointe à l'extrait …"), else whatever follows the figures,
    the signature and the mentions (e.g. the agreement in the example)."""
    low = lines.low
    for index in range(after, len(low)):
        if _ANNEX_MARK.match(low[index]):
            following = index + 1
            while following < len(low) and (not low[following].strip() or _JOINED.search(low[following])):
                following += 1
            return following if following < len(low) else None
    index = after
    while index < len(low) and (
        not low[index].strip()
        or _FOOTNOTE.match(low[index])
        or _FIGURE.search(low[index])
        or _FIGURES_HEADING.search(low[index])
        or _AFTER_SIGNATURE.search(low[index])
    ):
        index += 1
    return index if index < len(low) else None


def _reflow(text: str) -> str:
    """A PDF text layer has no blank lines: a line ending a sentence, or a bullet, starts a paragraph."""
    if "\n\n" in text or "\n" not in text:
        return text
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        bullet = _BULLET.match(line)
        if bullet:
            line = "- " + line[bullet.end() :] if line.lstrip().startswith(("•", "✓")) else line
        if not paragraphs or bullet or re.search(r"[.:;!?»]\s*$", paragraphs[-1]):
            paragraphs.append(line)
        else:
            paragraphs[-1] += " " + line
    return "\n\n".join(paragraphs)


def _budget(
    stated: StatedDeliberation, header: _Header
) -> tuple[str | None, tuple[tuple[str, Decimal], ...]]:
    if not stated.budget_line:
        return None, ()
    text = stated.budget_line
    start = _BUDGET_LINE.search(header.low)
    printed = header.printed[start.start() :] if start else text
    low = header.low[start.start() :] if start else fold(text)
    amounts = tuple(
        (
            re.sub(r"\s+", " ", printed[m.start(1) : m.end(1)]).strip(),
            Decimal(re.sub(r"[ \u00a0\u202f]", "", m.group(2)).replace(",", ".")),
        )
        for m in _AMOUNT.finditer(low)
    )
    cut = re.search(r"\s*montant", fold(text))
    label = text[: cut.start()].strip() if cut else text
    return label or None, amounts


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+$", "", text, flags=_LINE)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
