"""Read a register extract into plain records: what the document says, as it says it.

The readers are built around what extracts of every authority share, not around one layout:
``header`` (authority, council, date, chair…), ``attendance`` (present and absent lists, proxies,
secretary), ``deliberation`` (acts, their votes and figures), on one flat text and its folded
copy (``layout``), with the French words named once (``vocabulary``). ``traps`` then flags what
a checker must report, never "fix".
"""

from __future__ import annotations

from registre.core.violations import warning

from .attendance import read_attendance
from .counts import ATTENDANCE_KINDS, Figures, read_figures, with_ranges
from .deliberation import inside_a_vote, read_deliberations
from .errors import DocumentError
from .figures import Stated, change_unplaced, settle
from .header import read_header
from .layout import FlatText
from .records import ListedMember, StatedDeliberation, StatedExtract
from .vocabulary import IGNORED


def read_extract(source: str, original: str) -> StatedExtract:
    from .traps import document_traps  # the traps read what this module reads

    page = FlatText.of(original)
    found = read_figures(page)
    counts = [c for c in with_ranges(page, found.counts) if c.kind not in IGNORED]
    figures = Figures.of(counts, found.labels)
    attendance = read_attendance(page)
    deliberations = read_deliberations(page, figures, attendance.end)
    meeting = _meeting_figures(page, figures, deliberations, attendance.end)
    _place_changes(page, deliberations, meeting, attendance.listed)
    if not attendance.listed and not deliberations and not meeting.values:
        raise DocumentError(
            source,
            "aucun extrait de registre reconnu",
            line=page.line_of(len(page.text.rstrip())),
            hint="attendu : la liste des présents (« Etaient présents : »), des comptes (« en exercice : ») "
            "ou au moins une « Délibération n° … »",
        )
    findings = attendance.findings + meeting.findings
    if not deliberations:
        last = max((m.person.end for m in attendance.listed), default=0)
        findings.append(
            warning(
                "no_deliberation",
                f"Aucune délibération après les listes de présence (document tronqué ?), ligne {page.line_of(last)} ; "
                "la séance et les présences sont lues, il n'y a aucun vote à vérifier.",
            )
        )
    header = read_header(page)
    stated = StatedExtract(
        source=source,
        authority=header.authority,
        council=header.council,
        date=header.date,
        place=header.place,
        chair=header.chair,
        secretary=attendance.secretary,
        opened_at=header.opened_at,
        closed_at=header.closed_at,
        members_in_office=meeting.values.get("members_in_office"),
        order_of_passage=header.order_of_passage,
        listed=attendance.listed,
        proxies=attendance.proxies,
        deliberations=deliberations,
        page=page,
        figures=figures,
        convened_on=header.convened_on,
        counts=meeting.values,
        evidence=meeting.evidence,
        findings=findings,
    )
    stated.findings += document_traps(stated)
    return stated


def _meeting_figures(
    page: FlatText, figures: Figures, deliberations: list[StatedDeliberation], block_end: int
) -> Stated:
    """The meeting's own figures: those of the header, before the first numbered act (or to the end
    of the act whose span holds the attendance block, when a heading tops the page); a single act's
    figures are the meeting's too."""
    end = len(page.text)
    numbered = [d for d in deliberations if d.numbered]
    if len(deliberations) > 1 and numbered:
        end = numbered[0].span[0]
        holding = [d for d in deliberations if d.span[0] <= block_end < d.span[1]]
        if holding and block_end > end:
            end = holding[0].span[1]
    counts = [
        c
        for c in figures.within(0, end)
        if c.kind in ATTENDANCE_KINDS and c.window is None and not inside_a_vote(page, c)
    ]
    return settle(page, counts, "la séance")


def _place_changes(
    page: FlatText, deliberations: list[StatedDeliberation], meeting: Stated, listed: list[ListedMember]
) -> None:
    """ "27 puis 28 conseillers étaient présents": each act takes the figure of its moment. The lists
    say when: a member arriving at item k ("arrivé … au début de l'examen du dossier n°3") or leaving
    after item k - 1. One such moment places every act before or after it; none, or several, leave
    the figure unknown for the acts, never guessed."""
    moments = {m.window.from_item for m in listed if m.present and m.window and m.window.from_item}
    moments |= {
        m.window.until_item + 1
        for m in listed
        if m.present and m.window and m.window.until_item is not None and not m.window.loose_end
    }
    moment = next(iter(moments)) if len(moments) == 1 else None
    for deliberation in deliberations:
        changed = dict(meeting.changed)
        changed = {
            k: c for k, c in changed.items() if k not in deliberation.counts or k in deliberation.changed
        }
        changed.update(deliberation.changed)
        for kind, count in changed.items():
            items = (deliberation.item,) if deliberation.item is not None else ()
            if moment is not None and deliberation.position is not None and count.later is not None:
                deliberation.counts[kind] = count.value if deliberation.position < moment else count.later
                deliberation.evidence[kind] = (count.start, count.end)
            else:
                deliberation.counts.pop(kind, None)
                deliberation.evidence.pop(kind, None)
                deliberation.unknown.add(kind)
                deliberation.findings.append(
                    change_unplaced(page, count, f"la délibération n°{deliberation.number}", items)
                )
        vote = deliberation.vote
        vote.present = deliberation.counts.get("present")
        vote.represented = deliberation.counts.get("represented")
