"""What a checker must flag in a published text, never silently "fix".

Codes are stable: ``contradictory_dates``, ``implausible_date``, ``counts_do_not_add_up``,
``committee_opinion_not_council_vote``, ``annexed_other_meeting``, ``chair_is_secretary``,
``signed_by_delegation``, ``document_truncated``, ``checkbox_form``, ``noted_with_vote``,
``no_vote_stated``. Those that need the computed attendance (``proxy_window_gap``,
``voter_listed_absent``) are in ``report``.
"""

from __future__ import annotations

import datetime as dt
import re

from registre.core.violations import Violation, violation, warning

from .french import parse_french_date, stamp_date
from .header import convened_dates, header_date, preamble_date
from .layout import FlatText
from .persons import first_names_agree
from .records import StatedDeliberation, StatedExtract
from .vocabulary import (
    ACT_STAMP_ID,
    BY_DELEGATION,
    CLOSING,
    NEW_EXTRACT,
    OTHER_MEETING,
    SIGNED_BY_DELEGATION,
    STAMP,
)


def document_traps(stated: StatedExtract) -> list[Violation]:
    findings: list[Violation] = []
    findings += _dates(stated)
    moving = any(m.window or m.clock for m in stated.listed) or any(
        p.window or p.clock for p in stated.proxies
    )
    findings += _counts(stated.counts, "la séance", moving=moving)
    findings += _annexed(stated)
    if (
        stated.chair
        and stated.secretary
        and stated.chair.last_name.upper() == stated.secretary.last_name.upper()
        and first_names_agree(stated.chair.first_name, stated.secretary.first_name)
    ):
        findings.append(
            warning(
                "chair_is_secretary",
                f"{stated.chair.name} préside la séance et en est aussi le secrétaire.",
                members=(stated.chair.key,),
            )
        )
    delegation = stated.page.search(SIGNED_BY_DELEGATION)
    if delegation and stated.page.search(BY_DELEGATION):
        group = "who" if delegation.group("who") else "who2"
        who = stated.flat[delegation.start(group) : delegation.end(group)].strip()
        findings.append(
            warning(
                "signed_by_delegation",
                f"L'acte est signé par délégation ({who}), pas par le président de séance.",
            )
        )
    if _truncated(stated.page):
        findings.append(
            warning(
                "document_truncated",
                "Le texte s'arrête avant la fin de l'acte (ni formule de clôture, ni signature après le dernier "
                "passage lu) : les chiffres absents restent inconnus.",
            )
        )
    return findings


def _truncated(page: FlatText) -> bool:
    low = page.low
    tail = low.rstrip()
    if not tail:
        return False
    if tail.endswith((".", "!", "?", "»", ")")):
        return False
    # the whole text: an extract may carry long annexes after its closing formula (the example does)
    closings = [m.end() for m in page.finditer(CLOSING, 0, len(tail))]
    if not closings:
        return True
    # a new extract begins after the last closing formula: the next one is cut
    return any(
        not match.group("heading") or page.text[match.start() : match.end()].isupper()
        for match in page.finditer(NEW_EXTRACT, closings[-1], len(tail))
    )


def _dates(stated: StatedExtract) -> list[Violation]:
    page = stated.page
    findings = []
    header = header_date(page)
    opening = preamble_date(page)
    meeting = stated.date
    if header and opening and header[1] != opening[1]:
        findings.append(
            violation(
                "contradictory_dates",
                f"Le titre date la séance du {_fr(header[1])}, le préambule du {_fr(opening[1])} : le préambule "
                "vient peut-être d'une autre séance.",
                field="date",
            )
        )
    for convened in convened_dates(page):
        if meeting and convened > meeting:
            findings.append(
                violation(
                    "contradictory_dates",
                    f"La convocation ({_fr(convened)}) est postérieure à la séance ({_fr(meeting)}).",
                    field="convened_on",
                )
            )
            break
    if meeting:
        for match in _stamp_ids(page):
            raw = match.group("day")
            try:
                day = dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
            except ValueError:
                continue
            if day != meeting:
                findings.append(
                    violation(
                        "contradictory_dates",
                        f"L'identifiant de l'acte porte la date du {_fr(day)}, la séance est du {_fr(meeting)}.",
                        field="date",
                    )
                )
                break
        for match in page.finditer(STAMP):
            raw = page.text[match.start("date") : match.end("date")].strip()
            date, garbled = stamp_date(raw)
            if date is None and not garbled:
                continue
            if date is None or date < meeting or date > meeting + dt.timedelta(days=400):
                findings.append(
                    warning(
                        "implausible_date",
                        f"Date de transmission ou de publication illisible ou invraisemblable : « {raw} » "
                        f"(séance du {_fr(meeting)}) ; elle n'est pas corrigée.",
                        field="date",
                    )
                )
    return findings


def _stamp_ids(page: FlatText) -> list[re.Match[str]]:
    """ "065-216502260-20230123-2023003-DE": tried at three digits followed by a hyphen only."""
    found = []
    for start, end in page.digits:
        if end - start == 3 and page.low[end : end + 1] == "-":
            match = ACT_STAMP_ID.regex.match(page.low, start)
            if match:
                found.append(match)
    return found


def _annexed(stated: StatedExtract) -> list[Violation]:
    if not stated.date or not stated.deliberations:
        return []
    first = stated.deliberations[0].span[0]
    for match in stated.page.finditer(OTHER_MEETING, first + 1):
        date = parse_french_date(match.group("date"))
        if date and date != stated.date:
            return [
                warning(
                    "annexed_other_meeting",
                    f"Un document d'une autre séance ({_fr(date)}) est joint après la délibération ; ses chiffres "
                    "ne sont pas ceux de la séance.",
                    field="date",
                )
            ]
    return []


def _counts(
    counts: dict[str, int], where: str, *, not_participating: int | None = None, moving: bool = False
) -> list[Violation]:
    """Figures that do not add up. ``moving``: members arrive or leave during the meeting, and a
    text may count one of them twice (present from item 1, absent until then): the sum of present
    and absent is then a warning, not a violation."""
    findings = []
    office = counts.get("members_in_office") or counts.get("legal_members")
    present = counts.get("present")
    if (
        present is None
        and counts.get("present_titulaires") is not None
        and counts.get("present_suppleants") is not None
    ):
        present = counts["present_titulaires"] + counts["present_suppleants"]
    absent = counts.get("absent")
    represented = counts.get("represented", counts.get("proxies"))
    voters = counts.get("voters")

    def add(message: str, field: str) -> None:
        findings.append(violation("counts_do_not_add_up", f"Pour {where}, {message}", field=field))

    def warn(message: str, field: str) -> None:
        message += " Des arrivées et des départs en cours de séance peuvent compter un conseiller deux fois."
        findings.append(warning("counts_do_not_add_up", f"Pour {where}, {message}", field=field))

    if office is not None and present is not None and absent is not None:
        if present + absent != office and present + absent + (represented or 0) != office:
            (warn if moving else add)(
                f"{present} présents + {absent} absents"
                + (f" (+ {represented} représentés)" if represented else "")
                + f" ne font pas les {office} conseillers en exercice.",
                "absent",
            )
    if office is not None and present is not None and present > office:
        add(f"{present} présents pour {office} conseillers en exercice.", "present")
    if present is not None and represented is not None and voters is not None:
        expected = {present + represented}
        if not_participating:
            expected.add(present + represented - not_participating)
        if voters not in expected:
            add(f"{present} présents + {represented} représentés ne font pas {voters} votants.", "voters")
    if office is not None and voters is not None and voters > office:
        add(f"{voters} votants pour {office} conseillers en exercice.", "voters")
    return findings


def deliberation_traps(stated: StatedExtract, deliberation: StatedDeliberation) -> list[Violation]:
    findings: list[Violation] = []
    reading = deliberation.reading
    number = deliberation.item
    items = (number,) if number is not None else ()
    if reading and reading.committee_figures:
        figures = ", ".join(f"{c.kind} {c.value}" for c in reading.committee_figures)
        findings.append(
            warning(
                "committee_opinion_not_council_vote",
                f"Les chiffres « {figures} » sont l'avis d'une commission, pas le vote du conseil : ils ne sont pas "
                "repris comme résultat.",
                items=items,
            )
        )
    if reading and reading.checkbox_form:
        findings.append(
            warning(
                "checkbox_form",
                "Résultat lu sur un formulaire à cases (« Adopté à l'unanimité : □ / Adopté à la majorité : □ ») : la case "
                "cochée n'est pas lisible dans le texte ; le résultat est déduit des chiffres portés sur la ligne remplie.",
                items=items,
            )
        )
    vote = deliberation.vote
    if vote.noted and not vote.no_vote:
        findings.append(
            warning(
                "noted_with_vote",
                "Le conseil « prend acte » et le texte rapporte pourtant un vote : les deux sont conservés.",
                items=items,
            )
        )
    if not deliberation.votes:
        findings.append(
            warning(
                "no_vote_stated",
                f"La délibération n°{deliberation.number} n'indique aucun vote (installation, information, ou texte "
                "tronqué) : rien n'est recalculé.",
                items=items,
            )
        )
    if len(deliberation.votes) > 1:
        findings.append(
            warning(
                "several_votes",
                f"La délibération n°{deliberation.number} rapporte {len(deliberation.votes)} votes ; les chiffres "
                "comparés sont ceux du premier vote chiffré, tous sont listés dans « votes ».",
                items=items,
            )
        )
    counts = dict(stated.counts)
    counts.update(deliberation.counts)
    if deliberation.counts:
        findings += _counts(
            deliberation.counts,
            f"la délibération n°{deliberation.number}",
            not_participating=vote.not_participating,
        )
    totals = [vote.votes_for, vote.votes_against, vote.abstentions]
    voters = vote.voters if vote.voters is not None else counts.get("voters")
    if None not in totals and voters is not None:
        cast = sum(t or 0 for t in totals)
        if cast != voters and cast + (vote.not_participating or 0) != voters:
            findings.append(
                violation(
                    "counts_do_not_add_up",
                    f"Délibération n°{deliberation.number} : pour {totals[0]} + contre {totals[1]} + abstentions "
                    f"{totals[2]} = {cast}, pour {voters} votants indiqués.",
                    items=items,
                    field="voters",
                )
            )
    return findings


def _fr(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")
