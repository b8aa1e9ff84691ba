"""From an imported extract (registre.importer) to the documents' records.

The importer gives the core meeting, each deliberation's header fields and, in the
original text, each deliberation's span. The parts the importer does not split
(report text, operative part, signature, annexes) are cut here from that span by
the labels extracts share. Figures printed in the source are not kept: documents
print the rules core's.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from decimal import Decimal

from registre.core import Meeting
from registre.importer import DocumentReport, import_path, import_text
from registre.importer.extract import StatedDeliberation

from .model import BudgetAmount, DeliberationRecord, MeetingRecord, Signatory

_I = re.I | re.M
_FLAT = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " ", "\t": " "})
_INTERESTED_END = re.compile(
    r"ne\s+(?:prenn?e?nt|prend)\s+(?:pas\s+)?part\s+(?:ni\s+)?(?:au\s+d[ée]bat\s*,?\s*(?:ni|et)\s+)?au\s+vote",
    _I,
)
_DECISION = re.compile(
    r"^[\s*#>]*(?:[AÀ]\s+l'unanimit[ée]|[AÀ]\s+la\s+majorit[ée]|Apr[èe]s\s+partage|(?:Le|La)\s+[^\n:]{0,80}?(?:prend\s+acte|rejette)\b)[^\n]*:[*\s]*$",
    _I,
)
_CERTIFIED = re.compile(r"^[\s*]*Pour\s+extrait\s+conforme[^\n]*$", _I)
_FIGURE = re.compile(
    r"^[\s*]*(?:Pour|Contre|Abstentions?|Votants|Pr[ée]sents|Repr[ée]sent[ée]s|Conseillers\s+int[ée]ress[ée]s|"
    r"Ne\s+prenant\s+pas\s+part\s+au\s+vote|Conseillers\s+en\s+exercice)\s*(?:\\?\*)?\s*:\s*\d+[*\s]*$",
    _I,
)
_FIGURES_HEADING = re.compile(
    r"^[\s*]*(?:Rapport|D[ée]lib[ée]ration|Le\s+conseil|Partage)\b[^\n]{0,80}(?:adopt|rejet|pris\s+acte|partage)[^\n]*:[*\s]*$",
    _I,
)
_FOOTNOTE = re.compile(r"^\s*\\?\*[^*\n][^\n]*$")
_HEADER_LINE = re.compile(
    r"^[\s*#]*(?:D[ée]lib[ée]ration\s+n|Rapport\s+n|Question\s+n|Point\s+n|Affaire\s+n|Rapporteur|Commission|"
    r"Inscription\s+budg)",
    _I,
)
_AMOUNT = re.compile(r"(Montant[^:\n]{0,80}?)\s*:\s*(\d[\d \u00a0\u202f]*(?:,\d+)?)\s*€", _I)
_PERSON_LINE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:[- ][A-ZÀ-Ý][a-zà-ÿ]+)*\s+[A-ZÀ-Ý][A-ZÀ-Ý' -]+$")


def record_from_report(report: DocumentReport) -> MeetingRecord:
    document = report.document
    stated = document.stated
    original = stated.original
    meeting = document.meeting
    starts = [d.span[0] for d in stated.deliberations] + [len(original)]
    deliberations = []
    for index, deliberation in enumerate(stated.deliberations):
        body = _without_furniture(original[deliberation.span[0] : starts[index + 1]])
        deliberations.append(_deliberation(deliberation, document.items[deliberation.number], body))
    meeting = _with_full_fields(meeting, deliberations)
    return MeetingRecord(
        meeting=meeting,
        deliberations=tuple(deliberations),
        tally=report.tally,
        convened_on=stated.convened_on,
        chair_title=_chair_title(original),
        source=stated.source,
    )


def record_from_text(source: str, text: str) -> MeetingRecord:
    return record_from_report(import_text(source, text))


def record_from_path(path: str | os.PathLike[str]) -> MeetingRecord:
    """Import an extract file (text, Markdown or PDF) on the fly; raises importer.DocumentError."""
    return record_from_report(import_path(path))


_FOOTER = re.compile(r"^.{0,80}\bPage\s+\d+\s+sur\s+\d+\s*$")


def _without_furniture(body: str) -> str:
    """Drop the running footer and header a PDF's text layer puts between pages ("… Page 2 sur 11")."""
    lines = body.split("\n")
    kept = []
    skip_header = False
    for line in lines:
        if _FOOTER.match(line.strip()):
            skip_header = True
            continue
        if skip_header:
            skip_header = False
            if "—" in line or " - " in line:  # "Grand Besançon Métropole Extrait du registre — 2021/005795"
                continue
        kept.append(line)
    return "\n".join(kept)


def _with_full_fields(meeting: Meeting, deliberations: list[DeliberationRecord]) -> Meeting:
    """The importer stops a title at the first wide gap, which a PDF text layer puts at every wrapped
    line: the items take the titles, rapporteurs and committees read here over the whole field."""
    by_item = {d.item: d for d in deliberations}
    items = []
    for item in meeting.items:
        record = by_item.get(item.number)
        if record is not None:
            item = replace(
                item,
                title=record.title or item.title,
                rapporteur=record.rapporteur or item.rapporteur,
                committee=record.committee or item.committee,
            )
        items.append(item)
    return replace(meeting, items=tuple(items))


def _chair_title(original: str) -> str | None:
    flat = re.sub(r"\s+", " ", original.translate(_FLAT).replace("**", ""))
    match = re.search(
        r"sous\s+la\s+pr[ée]sidence\s+de\s+(?:M\.|Mme|Monsieur|Madame)?\s*[^,.]{2,80}?,\s*([^.]{3,120}?)\s*\.",
        flat,
        re.I,
    )
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else None


def _deliberation(stated: StatedDeliberation, item: int, body: str) -> DeliberationRecord:
    lines = body.split("\n")
    flat = [line.translate(_FLAT) for line in lines]
    header_end = _header_end(flat)
    decision_at = _first(flat, _DECISION, header_end)
    interested_at = _interested_start(flat, header_end, decision_at)
    text_end = min(i for i in (interested_at, decision_at, len(lines)) if i is not None)
    certified_at = _first(flat, _CERTIFIED, decision_at or header_end)
    figures_at = _first(flat, _FIGURES_HEADING, decision_at or header_end)
    if figures_at is None:
        figures_at = _first(flat, _FIGURE, decision_at or header_end)
    decision_end = min(i for i in (certified_at, figures_at, len(lines)) if i is not None)
    decision = "\n".join(lines[decision_at + 1 : decision_end]) if decision_at is not None else ""
    signature_at, signature_end = None, None
    if certified_at is not None:
        signature_at = certified_at + 1
        signature_end = _end_of_signature(flat, certified_at)
    signatory = _signatory(lines[signature_at:signature_end]) if signature_at is not None else None
    annexes_at = _annexes_start(
        flat,
        max(i for i in (decision_at, certified_at, figures_at, header_end, signature_end) if i is not None),
    )
    budget_line, amounts = _budget(stated, "\n".join(flat[:header_end]))
    header = "\n".join(flat[:header_end]).replace("**", "")
    return DeliberationRecord(
        number=stated.number,
        item=item,
        title=_field(header, r"(?:Rapport|Question|Point|Affaire)\s+n\s*°\s*\d+\s*[-–:]?", stated.title)
        or "",
        rapporteur=_field(header, r"Rapporteur\s*:", stated.rapporteur),
        committee=_field(header, r"Commission\s*:", stated.committee),
        budget_line=budget_line,
        budget_amounts=amounts,
        text=_reflow(_tidy("\n".join(lines[header_end:text_end]))),
        decision=_reflow(_tidy(decision)),
        interested_members=tuple(dict.fromkeys(p.key for p in stated.interested)),
        signatory=signatory,
        annexes=_reflow(_tidy("\n".join(lines[annexes_at:]))) if annexes_at is not None else "",
    )


_NEXT_FIELD = re.compile(
    r"\n\s*\n|\n\s*#|(?:Rapporteur|Commission|Inscription\s+budg[ée]taire|R[ée]sum[ée])\s*:|"
    r"Inscription\s+budg|\n\s*Montant",
    re.I,
)


def _field(header: str, label: str, fallback: str | None) -> str | None:
    """A labelled field up to the next label or blank line, whatever its line breaks."""
    match = re.search(label, header, re.I)
    if not match:
        return fallback
    rest = header[match.end() :]
    stop = _NEXT_FIELD.search(rest)
    value = re.sub(r"\s+", " ", rest[: stop.start() if stop else len(rest)]).strip(" ,;:.-\u00a0")
    if fallback and not value.startswith(fallback[:20].rstrip()):
        return fallback
    return value or fallback


def _first(flat: list[str], pattern: re.Pattern[str], start: int | None) -> int | None:
    for index in range(start or 0, len(flat)):
        if pattern.search(flat[index].replace("**", "")):
            return index
    return None


def _header_end(flat: list[str]) -> int:
    """The line after the deliberation's labelled fields (number, item, title, rapporteur, committee, budget)."""
    end = 1
    title_seen = False
    for index, line in enumerate(flat[:60]):
        text = line.strip()
        if _HEADER_LINE.search(text):
            end = index + 1
            if re.search(r"Inscription\s+budg", text, re.I) and not _AMOUNT.search(text):
                # the budget line and its amounts follow on the next non-empty lines
                following = index + 1
                while following < len(flat) and following < index + 4:
                    if _AMOUNT.search(flat[following]) or (
                        flat[following].strip() and following == index + 1
                    ):
                        end = following + 1
                    following += 1
            continue
        if text.startswith("#") and not title_seen and index < 12:
            title_seen = True
            end = max(end, index + 1)
    return end


def _interested_start(flat: list[str], start: int, stop: int | None) -> int | None:
    for index in range(start, stop if stop is not None else len(flat)):
        if _INTERESTED_END.search(flat[index]) or (
            index + 1 < len(flat)
            and _INTERESTED_END.search(flat[index] + " " + flat[index + 1])
            and re.search(r"\b(?:M\.|Mme|MM\.?)\s", flat[index])
        ):
            # the sentence may start on the line before ("Mme X, et MM. Y (2),\nconseillers intéressés ne …")
            return index
    return None


_AFTER_SIGNATURE = re.compile(r"^[\s*]*(?:Transmis|Publi[ée]|Ex[ée]cutoire|#*\s*Annexe\b)", re.I)


def _end_of_signature(flat: list[str], certified_at: int) -> int:
    """Capacity lines, the name, one title line; then a blank line, the figures or the mentions end it."""
    index = certified_at + 1
    named = False
    while index < len(flat) and index < certified_at + 8:
        line = flat[index].replace("**", "").strip()
        if not line:
            if named:
                return index
        elif _FIGURES_HEADING.search(line) or _FIGURE.search(line) or _AFTER_SIGNATURE.search(line):
            return index
        elif named:
            return index + 1  # the title under the name
        elif _PERSON_LINE.match(re.sub(r"<[^<>]+>", "", line)):
            named = True
        index += 1
    return index


def _signatory(lines: list[str]) -> Signatory | None:
    cleaned = [re.sub(r"<[^<>]+>", "", line).replace("**", "").strip().rstrip(" ") for line in lines]
    cleaned = [line for line in cleaned if line]
    if not cleaned:
        return None
    for index, line in enumerate(cleaned):
        if _PERSON_LINE.match(line):
            return Signatory(line, " ".join(cleaned[:index]).rstrip(" ,"), " ".join(cleaned[index + 1 :]))
    return Signatory(cleaned[0], "", " ".join(cleaned[1:]))


_ANNEX_MARK = re.compile(r"^[\s#*]*Annexe[\s*]*$", re.I)


def _annexes_start(flat: list[str], after: int) -> int | None:
    """Registre's own mark ("Annexe", "Jointe à l'extrait …"), else whatever follows the figures,
    the signature and the mentions (e.g. the agreement in the example)."""
    for index in range(after, len(flat)):
        if _ANNEX_MARK.match(flat[index]):
            following = index + 1
            while following < len(flat) and (
                not flat[following].strip() or re.search(r"Jointe\s+[àa]\s+l'extrait", flat[following], re.I)
            ):
                following += 1
            return following if following < len(flat) else None
    index = after
    while index < len(flat) and (
        not flat[index].strip()
        or _FOOTNOTE.match(flat[index])
        or _FIGURE.search(flat[index])
        or _FIGURES_HEADING.search(flat[index])
        or _AFTER_SIGNATURE.search(flat[index])
    ):
        index += 1
    return index if index < len(flat) else None


_BULLET = re.compile(r"^\s*(?:[•✓\-*]\s+|\d{1,2}[.)]\s+)")


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


def _budget(stated: StatedDeliberation, header: str) -> tuple[str | None, tuple[BudgetAmount, ...]]:
    if not stated.budget_line:
        return None, ()
    text = stated.budget_line
    start = re.search(r"Inscription\s+budg", header, re.I)
    region = header[start.start() :] if start else text
    amounts = tuple(
        BudgetAmount(
            re.sub(r"\s+", " ", m.group(1)).strip(),
            Decimal(re.sub(r"[ \u00a0\u202f]", "", m.group(2)).replace(",", ".")),
        )
        for m in _AMOUNT.finditer(region)
    )
    cut = re.search(r"\s*Montant", text, re.I)
    label = text[: cut.start()].strip() if cut else text
    return label or None, amounts


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+$", "", text, flags=re.M)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
