"""What each document says, as plain data (JSON-ready), before any layout. Pure Python.

Every figure comes from the rules core's tally; the wording from ``wording``; the
templates (Typst, DOCX) and the text rendering only lay these compositions out.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from registre.core import Ballot, ItemTally, Meeting, VoteKind

from . import richtext
from .model import Composition, DeliberationRecord, MeetingRecord, Signatory
from .wording import (
    NBSP,
    amount,
    capitalize_first,
    chair_title,
    convened,
    decision_intro,
    figures_heading,
    french_date,
    french_time,
    is_feminine,
    item_ref,
    join_french,
    member_name,
    members_title,
    outcome,
    place_phrase,
    plain_name,
    substitute_note,
    typeset,
    vote_kind_label,
    window_phrase,
    with_article,
)

LIST_DELAY = dt.timedelta(days=7)  # L2121-25: list posted and put online within one week


# -- shared parts ----------------------------------------------------------------


def meeting_header(record: MeetingRecord) -> Composition:
    meeting = record.meeting
    council = meeting.council or "Conseil"
    chair = meeting.member(meeting.chair) if meeting.chair else None
    opening = f"{capitalize_first(with_article(council))}, {convened(council)}"
    if record.convened_on:
        opening += f" le {french_date(record.convened_on)}"
    opening += ", s'est réuni"
    if meeting.place:
        opening += f" {place_phrase(meeting.place)}"
    if chair:
        opening += (
            f", sous la présidence de {member_name(chair)}, {record.chair_title or chair_title(meeting)}"
        )
    opening += "."
    times = []
    if meeting.opened_at:
        times.append(f"La séance est ouverte à {french_time(meeting.opened_at)}")
    if meeting.closed_at:
        times.append(
            ("et levée" if times else "La séance est levée") + f" à {french_time(meeting.closed_at)}"
        )
    return {
        "authority": meeting.authority.name,
        "council": council,
        "date": french_date(meeting.date),
        "date_iso": meeting.date.isoformat(),
        "meeting_heading": f"Séance du {french_date(meeting.date)}",
        "members_in_office": f"{members_title(council)} en exercice{NBSP}: {meeting.seats}",
        "opening": typeset(opening),
        "order_of_passage": f"Ordre de passage des rapports{NBSP}: "
        + ", ".join(map(str, meeting.order_of_passage)),
        "order_is_numbering": list(meeting.order_of_passage) == sorted(meeting.order_of_passage),
        "times": " ".join(times) + "." if times else "",
        "present": attendance_groups(meeting, True),
        "absent": attendance_groups(meeting, False),
        "secretary": member_name(meeting.member(meeting.secretary), meeting.secretary)
        if meeting.secretary
        else "",
        "proxies": proxy_lines(meeting),
    }


def attendance_groups(meeting: Meeting, present: bool) -> list[Composition]:
    """Lines of one list grouped by commune, communes in their first order; members without a commune first."""
    groups: OrderedDict[str | None, list[Composition]] = OrderedDict()
    groups[None] = []
    for line in meeting.attendance:
        if line.present is not present:
            continue
        member = meeting.member(line.member)
        notes = []
        if member and member.substitute:
            notes.append(substitute_note(member))
        phrase = window_phrase(line.window)
        if phrase:
            notes.append(phrase)
        name = member_name(member, line.member)
        groups.setdefault(member.commune if member else None, []).append(
            {"name": name, "notes": " ".join(notes), "label": " ".join([name] + notes)}
        )
    return [{"commune": commune or "", "people": people} for commune, people in groups.items() if people]


def proxy_lines(meeting: Meeting) -> list[Composition]:
    lines = []
    for proxy in meeting.proxies:
        principal = member_name(meeting.member(proxy.principal), proxy.principal)
        holder = member_name(meeting.member(proxy.holder), proxy.holder)
        window = window_phrase(proxy.window)
        label = f"{principal} à {holder}" + (f" {window}" if window else "")
        lines.append({"principal": principal, "holder": holder, "window": window, "label": label})
    return lines


def figures(
    record: MeetingRecord, tally: ItemTally, kind: VoteKind, *, attendance: bool = True
) -> list[list[str]]:
    """The vote figures, all from the tally. ``attendance``: with the present and represented counts
    (the minutes); the extract prints, in the example's order, the vote then the members not taking part."""
    rows = [["Conseillers en exercice", str(record.meeting.seats)]]
    if attendance:
        rows += [
            ["Présents", str(tally.present_count)],
            ["Représentés", str(tally.represented_count)],
            ["Ne prenant pas part au vote", str(tally.not_participating)],
        ]
    rows.append(["Votants", str(tally.voters)])
    if kind is not VoteKind.NO_VOTE and tally.votes_for is not None:
        rows += [
            ["Pour", str(tally.votes_for)],
            ["Contre", str(tally.votes_against)],
            ["Abstentions", str(tally.abstentions if tally.abstentions is not None else 0)],
        ]
    if not attendance:
        rows.append(["Ne prenant pas part au vote", str(tally.not_participating)])
    return rows


def interested_sentence(meeting: Meeting, tally: ItemTally, keys: tuple[str, ...]) -> str:
    """ "Mme Frédérique BAEHR, M. Benoît VUILLEMIN, … et M. Nicolas BODIN (2), conseillers intéressés, ne
    prennent part ni au débat, ni au vote." — "(2)" where a present member also holds a proxy."""
    if not keys:
        return ""
    present = set(tally.present)
    parts = []
    for key in keys:
        held = sum(1 for p in tally.represented if p.holder == key)
        seats = (1 if key in present else 0) + held
        name = member_name(meeting.member(key), key)
        parts.append(f"{name} ({seats})" if seats >= 2 else name)
    members = [meeting.member(k) for k in keys]
    all_feminine = all(is_feminine(m) for m in members)
    if len(keys) == 1:
        who = "conseillère intéressée" if all_feminine else "conseiller intéressé"
        return f"{parts[0]}, {who}, ne prend part ni au débat, ni au vote."
    who = "conseillères intéressées" if all_feminine else "conseillers intéressés"
    return f"{join_french(parts)}, {who}, ne prennent part ni au débat, ni au vote."


def interested_keys(meeting: Meeting, record: DeliberationRecord | None, item_number: int) -> tuple[str, ...]:
    if record is not None and record.interested_members is not None:
        return record.interested_members
    item = meeting.item(item_number)
    if item is None:
        return ()
    order = {m.key: index for index, m in enumerate(meeting.members)}
    return tuple(sorted(item.interested_members, key=lambda k: (order.get(k, len(order)), k)))


def signatory(record: MeetingRecord, deliberation: DeliberationRecord | None) -> Composition:
    chosen = (deliberation.signatory if deliberation else None) or record.signatory
    if chosen is None:
        meeting = record.meeting
        chair = meeting.member(meeting.chair) if meeting.chair else None
        if chair is None:
            chosen = Signatory("")
        else:
            chosen = Signatory(
                plain_name(chair),
                "La Présidente" if is_feminine(chair) else "Le Président",
                record.chair_title or chair_title(meeting),
            )
    return {"name": chosen.name, "capacity": chosen.capacity, "title": chosen.title}


def mentions(deliberation: DeliberationRecord) -> list[str]:
    lines = []
    if deliberation.transmitted_on:
        lines.append(f"Transmis au représentant de l'État le {french_date(deliberation.transmitted_on)}")
    if deliberation.published_on:
        lines.append(f"Publié le {french_date(deliberation.published_on)}")
    if deliberation.transmitted_on and deliberation.published_on:
        executory = max(deliberation.transmitted_on, deliberation.published_on)
        lines.append(f"Exécutoire à compter du {french_date(executory)}")
    return lines


def vote_kind(meeting: Meeting, item_number: int) -> VoteKind:
    item = meeting.item(item_number)
    return item.vote.kind if item else VoteKind.SHOW_OF_HANDS


def compose_deliberation(record: MeetingRecord, deliberation: DeliberationRecord) -> Composition:
    meeting = record.meeting
    tally = record.computed.for_item(deliberation.item)
    if tally is None:
        raise KeyError(f"la question {item_ref(deliberation.item)} n'est pas dans l'ordre de passage")
    kind = vote_kind(meeting, deliberation.item)
    keys = interested_keys(meeting, deliberation, deliberation.item)
    stored_item = meeting.item(deliberation.item)
    title = deliberation.title or (stored_item.title if stored_item else "")
    return {
        "number": deliberation.number,
        "number_line": f"Délibération {item_ref(deliberation.number)}",
        "item": deliberation.item,
        "item_line": typeset(f"Rapport {item_ref(deliberation.item)} - {title}"),
        "title": typeset(title),
        "rapporteur": typeset(deliberation.rapporteur or ""),
        "committee": typeset(deliberation.committee or ""),
        "budget_line": typeset(deliberation.budget_line or ""),
        "budget_amounts": [f"{a.label}{NBSP}: {amount(a.value)}" for a in deliberation.budget_amounts],
        "text": richtext.as_json(richtext.parse(deliberation.text)),
        "interested": interested_sentence(meeting, tally, keys),
        "decision_intro": decision_intro(tally, kind, meeting.council or "Conseil"),
        "decision": richtext.as_json(richtext.parse(deliberation.decision)),
        "outcome": outcome(tally, kind),
        "figures_heading": figures_heading(tally, kind),
        "figures": figures(record, tally, kind, attendance=False),
        "attendance_figures": f"{tally.present_count} présents, {tally.represented_count} représentés",
        "vote_kind": vote_kind_label(kind),
        "roll_call": roll_call(meeting, deliberation.item),
        "signatory": signatory(record, deliberation),
        "mentions": mentions(deliberation),
        "annexes": richtext.as_json(richtext.parse(deliberation.annexes)),
        "quorum": quorum_sentence(tally),
    }


def roll_call(meeting: Meeting, item_number: int) -> list[str]:
    """Names and votes of a roll-call (in the minutes since 1 July 2022, L2121-15)."""
    item = meeting.item(item_number)
    if item is None or item.vote.kind is not VoteKind.ROLL_CALL or not item.vote.ballots:
        return []
    words = {Ballot.FOR: "pour", Ballot.AGAINST: "contre", Ballot.ABSTAIN: "abstention"}
    return [f"{member_name(meeting.member(k), k)} : {words[b]}" for k, b in item.vote.ballots]


def quorum_sentence(tally: ItemTally) -> str:
    if tally.quorum_required == 0:
        return "Séance tenue sans condition de quorum (seconde convocation)."
    state = "atteint" if tally.quorum_reached else "NON ATTEINT"
    return (
        f"Quorum{NBSP}: {tally.quorum_required} requis, {tally.quorum_count} pris en compte{NBSP}: {state}."
    )


# -- the documents ---------------------------------------------------------------


def compose_extract(record: MeetingRecord, deliberation: DeliberationRecord) -> Composition:
    header = meeting_header(record)
    return {
        "kind": "extract",
        "document_title": f"Extrait du registre des délibérations du {header['council']}",
        "pdf_title": f"Extrait du registre des délibérations — délibération n° {deliberation.number}",
        "running_title": f"Extrait du registre — {deliberation.number}",
        **header,
        "deliberation": compose_deliberation(record, deliberation),
    }


def compose_list(record: MeetingRecord) -> Composition:
    header = meeting_header(record)
    meeting = record.meeting
    rows = []
    for number in meeting.order_of_passage:
        deliberation = record.deliberation_for_item(number)
        tally = record.computed.for_item(number)
        item = meeting.item(number)
        if tally is None or (deliberation is None and item is None):
            continue  # on the order of passage, but nothing recorded about it
        title = deliberation.title if deliberation and deliberation.title else (item.title if item else "")
        rows.append(
            {
                "number": deliberation.number if deliberation else "",
                "item": str(number),
                "title": typeset(title),
                "outcome": capitalize_first(outcome(tally, vote_kind(meeting, number))),
            }
        )
    deadline = meeting.date + LIST_DELAY
    if record.list_posted_on:
        posting = f"Liste affichée et mise en ligne le {french_date(record.list_posted_on)}."
    else:
        posting = f"À afficher et à mettre en ligne au plus tard le {french_date(deadline)} (article L2121-25 du CGCT)."
    return {
        "kind": "list",
        "document_title": f"Liste des délibérations examinées par {with_article(header['council'])}",
        "pdf_title": f"Liste des délibérations — séance du {header['date']}",
        "running_title": "Liste des délibérations",
        **header,
        "rows": rows,
        "posting": posting,
        "signatory": signatory(record, None),
    }


def compose_minutes(record: MeetingRecord) -> Composition:
    header = meeting_header(record)
    meeting = record.meeting
    tallies = record.computed.items
    items: list[Composition] = []
    previous: ItemTally | None = None
    for tally in tallies:
        deliberation = record.deliberation_for_item(tally.item)
        item = meeting.item(tally.item)
        kind = vote_kind(meeting, tally.item)
        title = deliberation.title if deliberation and deliberation.title else (item.title if item else "")
        keys = interested_keys(meeting, deliberation, tally.item)
        if deliberation is None and item is None:
            items.append(
                {
                    "heading": f"Question {item_ref(tally.item)}",
                    "number_line": "",
                    "rapporteur": "",
                    "changes": attendance_changes(meeting, previous, tally),
                    "debate": [],
                    "interested": "",
                    "decision_intro": "",
                    "decision": [],
                    "outcome": "Question non renseignée dans les données de la séance.",
                    "figures": [],
                    "figures_line": " - ".join(
                        f"{label}{NBSP}: {value}"
                        for label, value in figures(record, tally, VoteKind.NO_VOTE)[1:]
                    ),
                    "roll_call": [],
                    "quorum": quorum_sentence(tally),
                }
            )
            previous = tally
            continue
        items.append(
            {
                "heading": typeset(f"Question {item_ref(tally.item)}" + (f" - {title}" if title else "")),
                "number_line": f"Délibération {item_ref(deliberation.number)}" if deliberation else "",
                "rapporteur": typeset(
                    (deliberation.rapporteur if deliberation else None)
                    or (item.rapporteur if item else None)
                    or ""
                ),
                "changes": attendance_changes(meeting, previous, tally),
                "debate": richtext.as_json(richtext.parse(deliberation.debate)) if deliberation else [],
                "interested": interested_sentence(meeting, tally, keys),
                "decision_intro": decision_intro(tally, kind, meeting.council or "Conseil"),
                "decision": richtext.as_json(richtext.parse(deliberation.decision)) if deliberation else [],
                "outcome": capitalize_first(outcome(tally, kind)) + f" ({vote_kind_label(kind)}).",
                "figures": figures(record, tally, kind),
                "figures_line": " - ".join(
                    f"{label}{NBSP}: {value}" for label, value in figures(record, tally, kind)[1:]
                ),
                "roll_call": roll_call(meeting, tally.item),
                "quorum": quorum_sentence(tally),
            }
        )
        previous = tally
    first = tallies[0] if tallies else None
    opening_quorum = ""
    if first is not None:
        opening_quorum = (
            f"{first.present_count} membres présents à l'ouverture de la séance. " + quorum_sentence(first)
        )
    adopted = ""
    if record.minutes_adopted_on:
        adopted = f"Procès-verbal adopté lors de la séance du {french_date(record.minutes_adopted_on)}."
    if record.minutes_published_on:
        adopted += f" Publié le {french_date(record.minutes_published_on)}."
    secretary = meeting.member(meeting.secretary) if meeting.secretary else None
    chair_sign = signatory(record, None)
    return {
        "kind": "minutes",
        "document_title": f"Procès-verbal de la séance du {header['council']}",
        "pdf_title": f"Procès-verbal — séance du {header['date']}",
        "running_title": "Procès-verbal",
        **header,
        "opening_quorum": opening_quorum,
        "items": items,
        "closing": f"La séance est levée à {french_time(meeting.closed_at)}." if meeting.closed_at else "",
        "adopted": adopted.strip(),
        "signatures": [
            {"capacity": chair_sign["capacity"] or "Le Président de séance", "name": chair_sign["name"]},
            {
                "capacity": "La secrétaire de séance"
                if is_feminine(secretary)
                else "Le secrétaire de séance",
                "name": plain_name(secretary, meeting.secretary or ""),
            },
        ],
    }


def attendance_changes(meeting: Meeting, before: ItemTally | None, now: ItemTally) -> list[str]:
    """Arrivals, departures and proxies that start or end between two items of the order of passage."""
    if before is None:
        return []

    def name(key: str) -> str:
        return member_name(meeting.member(key), key)

    changes = []
    arrived = [k for k in now.present if k not in set(before.present)]
    left = [k for k in before.present if k not in set(now.present)]
    ref = item_ref(now.item)
    if arrived:
        changes.append(
            f"Arrivée de {join_french([name(k) for k in arrived])} avant l'examen de la question {ref}."
        )
    if left:
        changes.append(
            f"Départ de {join_french([name(k) for k in left])} avant l'examen de la question {ref}."
        )
    old = {(p.principal, p.holder) for p in before.represented}
    new = {(p.principal, p.holder) for p in now.represented}
    for principal, holder in [
        (p.principal, p.holder) for p in now.represented if (p.principal, p.holder) not in old
    ]:
        changes.append(
            f"{name(holder)} porte la voix de {name(principal)} (procuration) à compter de la question {ref}."
        )
    for principal, holder in [
        (p.principal, p.holder) for p in before.represented if (p.principal, p.holder) not in new
    ]:
        changes.append(
            f"{name(holder)} ne porte plus la voix de {name(principal)} à compter de la question {ref}."
        )
    return changes
