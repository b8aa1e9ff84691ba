"""What a published act states, as one JSON-ready dict: built once, at publication, and frozen.

Everything a page, an export or a document of the act shows is here: the act's words, the
authority and council as named that day, the meeting, the item and its vote as recorded, the
figures and names the rules core computed for the item, the rules applied, the engine's
version, the warnings the clerk acknowledged, and the chain link. Dates and times are ISO
strings; members are referred to by their key, with the roster (names as they were) inside.

Later work reads the same dict: the documents (extract, list, minutes), the clerk's cycle
(transmission, executory date) add their own records beside it, never into it.
"""

from __future__ import annotations

import datetime as dt
from importlib import metadata

from registre import core
from registre.core.certification import PublicationFinding
from registre.opendata import actes
from registre.opendata.chain import FORMAT

from .models import Deliberation


def engine_version() -> str:
    try:
        return "registre " + metadata.version("registre")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "registre (non installé)"


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date | dt.time | dt.datetime) else None


def window(w: core.Window) -> dict:
    return {
        "from_item": w.from_item,
        "until_item": w.until_item,
        "except_items": sorted(w.except_items),
        "loose_end": w.loose_end,
    }


def _proxy(proxy: core.Proxy) -> dict:
    return {"principal": proxy.principal, "holder": proxy.holder, "window": window(proxy.window)}


def meeting_part(meeting: core.Meeting, first_convocation: dt.date | None) -> dict:
    return {
        "date": meeting.date.isoformat(),
        "place": meeting.place,
        "opened_at": _iso(meeting.opened_at),
        "closed_at": _iso(meeting.closed_at),
        "chair": meeting.chair,
        "secretary": meeting.secretary,
        "members_in_office": meeting.members_in_office,
        "seats": meeting.seats,
        "reconvened_without_quorum": meeting.reconvened_without_quorum,
        "first_convocation": _iso(first_convocation),
        "order_of_passage": list(meeting.order_of_passage),
        "members": [
            {
                "key": m.key,
                "civility": m.civility,
                "first_name": m.first_name,
                "last_name": m.last_name,
                "commune": m.commune,
                "substitute": m.substitute,
                "name": meeting.display_name(m.key),
            }
            for m in meeting.members
        ],
        "attendance": [
            {"member": a.member, "present": a.present, "window": window(a.window)} for a in meeting.attendance
        ],
        "proxies": [_proxy(p) for p in meeting.proxies],
    }


def item_part(item: core.Item, position: int) -> dict:
    vote = item.vote
    return {
        "number": item.number,
        "position": position,
        "title": item.title,
        "rapporteur": item.rapporteur,
        "committee": item.committee,
        "interested_members": sorted(item.interested_members),
        "vote": {
            "kind": vote.kind.value,
            "unanimous": vote.unanimous,
            "votes_for": vote.votes_for,
            "votes_against": vote.votes_against,
            "abstentions": vote.abstentions,
            "chair_ballot": vote.chair_ballot.value if vote.chair_ballot else None,
            "ballots": [[key, ballot.value] for key, ballot in vote.ballots],
        },
    }


def tally_part(t: core.ItemTally) -> dict:
    return {
        "present": list(t.present),
        "represented": [_proxy(p) for p in t.represented],
        "absent": list(t.absent),
        "interested_present": list(t.interested_present),
        "not_participating": t.not_participating,
        "voters": t.voters,
        "quorum_required": t.quorum_required,
        "quorum_count": t.quorum_count,
        "quorum_reached": t.quorum_reached,
        "votes_for": t.votes_for,
        "votes_against": t.votes_against,
        "abstentions": t.abstentions,
        "adopted": t.adopted,
        "unanimous": t.unanimous,
        "unanimous_of_votes_cast": t.unanimous_of_votes_cast,
    }


def names_part(meeting: core.Meeting, item: core.Item, t: core.ItemTally) -> dict:
    """The names the act prints, as they were: present, represented (by whom), absent, interested."""
    name = meeting.display_name
    last = lambda key: (meeting.member(key).last_name if meeting.member(key) else key, name(key))  # noqa: E731
    return {
        "present": [name(k) for k in sorted(t.present, key=last)],
        "represented": [[name(p.principal), name(p.holder)] for p in t.represented],
        "absent": [name(k) for k in sorted(t.absent, key=last)],
        "interested_members": [name(k) for k in sorted(item.interested_members)],
        "chair": name(meeting.chair) if meeting.chair else None,
        "secretary": name(meeting.secretary) if meeting.secretary else None,
    }


def figures_part(meeting: core.Meeting, item: core.Item, t: core.ItemTally) -> dict:
    """The SCDL figures (VOTE_EFFECTIF, VOTE_REEL, …): none for an item without a vote."""
    voted = item.vote.kind is not core.VoteKind.NO_VOTE and None not in (
        t.votes_for,
        t.votes_against,
        t.abstentions,
    )
    return {
        "members_in_office": meeting.seats if voted else None,
        "voters": t.voters if voted else None,
        "votes_for": t.votes_for if voted else None,
        "votes_against": t.votes_against if voted else None,
        "abstentions": t.abstentions if voted else None,
        "source": "engine",
    }


def act_part(deliberation: Deliberation, corrects: dict | None) -> dict:
    subject = actes.subject(deliberation.actes_code) if deliberation.actes_code else None
    return {
        "number": deliberation.number,
        "year": deliberation.year,
        "sequence": deliberation.sequence,
        "kind": deliberation.kind,
        "reason": deliberation.reason,
        "title": deliberation.title,
        "text": deliberation.text,
        "decision": deliberation.decision,
        "budget_line": deliberation.budget_line,
        "actes_code": deliberation.actes_code,
        "actes_subject": subject.scdl_name if subject else None,
        "corrects": corrects,
    }


def authority_part(authority) -> dict:
    return {"slug": authority.slug, "name": authority.name, "kind": authority.kind, "siret": authority.siret}


def finding_part(finding: PublicationFinding) -> dict:
    return {
        "code": finding.code,
        "message": finding.message,
        "source": finding.source,
        "members": list(finding.members),
        "items": list(finding.items),
    }


def build(
    deliberation: Deliberation,
    meeting_tally: core.MeetingTally,
    *,
    first_convocation: dt.date | None,
    acknowledged: list[PublicationFinding],
    corrects: dict | None,
    published_at: dt.datetime,
    published_by: str | None,
) -> dict:
    """The content of a deliberation's act, without its chain link (added by the service)."""
    meeting = meeting_tally.meeting
    number = deliberation.item.number
    item = meeting.item(number) or core.Item(number)
    t = meeting_tally.for_item(number)
    if t is None:
        raise ValueError(f"question n°{number} absente de l'ordre de passage")
    rules = meeting_tally.rules
    return {
        "format": FORMAT,
        "origin": {"kind": "registre"},
        "published_at": published_at.isoformat(),
        "published_by": published_by,
        "engine": {
            "version": engine_version(),
            "rules": rules.source,
            "rules_note": rules.note or None,
            "rules_uncertain": rules.uncertain,
        },
        "authority": authority_part(deliberation.authority),
        "council": meeting.council,
        "act": act_part(deliberation, corrects),
        "meeting": meeting_part(meeting, first_convocation),
        "item": item_part(item, t.position),
        "tally": tally_part(t),
        "names": names_part(meeting, item, t),
        "figures": figures_part(meeting, item, t),
        "warnings_acknowledged": [finding_part(f) for f in acknowledged],
    }


def build_imported(
    deliberation: Deliberation,
    *,
    figures: dict,
    origin: dict,
    published_at: dt.datetime,
    published_by: str | None,
) -> dict:
    """An act published elsewhere and recorded from its open data (SCDL import): its stated figures."""
    meeting = deliberation.item.meeting
    return {
        "format": FORMAT,
        "origin": origin,
        "published_at": published_at.isoformat(),
        "published_by": published_by,
        "engine": {"version": engine_version(), "rules": None, "rules_note": None, "rules_uncertain": False},
        "authority": authority_part(deliberation.authority),
        "council": meeting.council.name,
        "act": act_part(deliberation, None),
        "meeting": {"date": meeting.date.isoformat(), "members_in_office": meeting.members_in_office},
        "item": None,
        "tally": None,
        "names": None,
        "figures": {**figures, "source": "scdl"},
        "warnings_acknowledged": [],
    }
