"""The import contract: one JSON-ready dict per document, stated beside computed.

"stated" is what the text prints (null where it is silent), "computed" what the
rules core derives from the lists; every difference becomes a named violation.

Keys added to the original contract (none renamed):
- document: "violations" (findings about the whole record, e.g. ``counts_do_not_add_up``,
  ``contradictory_dates``); "warnings" also carries the reading assumptions and traps;
- meeting: "convened_on", "stated" (the meeting's printed figures: members_in_office,
  legal_members, present, present_titular, present_substitutes, absent, represented, proxies,
  voters, votes_cast);
- deliberation: "stated" gains legal_members, present_titular, present_substitutes, absent,
  proxies, votes_cast; "result" (unanimous, unanimous_of_votes_cast, majority, adopted, rejected,
  noted, or null), "vote_phrase" (the words printed), "votes" (every vote of the item, with the
  people named beside each ballot). "computed" is null when the document has no attendance list
  (a list of deliberations): only what the text states is then reported.
- findings: one that holds on a run of consecutive items (a proxy that does not count, quorum not
  reached) is reported once for the run: "items" lists every item of it, "from_item" and
  "until_item" name its first and last item in the order of passage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from registre.core.model import Meeting, Window
from registre.core.tally import ItemTally, MeetingTally, tally_meeting
from registre.core.violations import Severity, Violation, violation, warning

from .assemble import ImportedDocument, assemble, interested_counts
from .errors import DocumentError
from .extract import read_extract
from .figures import ambiguous
from .records import Span, StatedDeliberation, StatedExtract
from .traps import deliberation_traps

STATED_FIELDS = (
    "members_in_office",
    "present",
    "represented",
    "voters",
    "for",
    "against",
    "abstain",
    "not_participating",
)
# added to "stated" beside the original fields: what other layouts print
EXTRA_STATED = ("legal_members", "present_titular", "present_substitutes", "absent", "proxies", "votes_cast")
_COUNT_KEYS = {"present_titular": "present_titulaires", "present_substitutes": "present_suppleants"}


@dataclass(frozen=True)
class DocumentReport:
    document: ImportedDocument
    tally: MeetingTally
    data: dict[str, Any]


def import_text(source: str, text: str) -> DocumentReport:
    document = assemble(read_extract(source, text))
    tally = tally_meeting(document.meeting)
    return DocumentReport(document, tally, _document_dict(document, tally))


def _document_dict(document: ImportedDocument, tally: MeetingTally) -> dict[str, Any]:
    meeting = document.meeting
    stated = document.stated
    findings = list(stated.findings) + list(document.findings) + list(tally.violations)
    findings += _proxy_window_gaps(meeting, tally)
    findings = list(dict.fromkeys(findings))
    context = _Context.of(document, tally)
    return {
        "source": stated.source,
        "authority": stated.authority,
        "meeting": {
            "date": stated.date.isoformat() if stated.date else None,
            "place": stated.place,
            "chair": stated.chair.name if stated.chair else None,
            "secretary": stated.secretary.name if stated.secretary else None,
            "opened_at": _clock(stated.opened_at),
            "closed_at": _clock(stated.closed_at),
            "members_in_office": stated.members_in_office,
            "order_of_passage": list(meeting.order_of_passage),
            "order_of_passage_stated": document.order_stated,
            "council": stated.council,
            "rules": {"source": tally.rules.source, "uncertain": tally.rules.uncertain},
            "convened_on": stated.convened_on.isoformat() if stated.convened_on else None,
            "stated": _meeting_stated(stated.counts),
            "evidence": _evidence(stated, _meeting_stated(stated.counts), _meeting_spans(stated)),
        },
        "members": [
            {"name": m.name, "civility": m.civility or None, "commune": m.commune, "substitute": m.substitute}
            for m in meeting.members
        ],
        "attendance": [
            {"member": _plain(meeting, a.member), "present": a.present, **_window(a.window)}
            for a in meeting.attendance
        ],
        "proxies": [
            {
                "principal": _plain(meeting, p.principal),
                "holder": _plain(meeting, p.holder),
                **_window(p.window),
            }
            for p in meeting.proxies
        ],
        "deliberations": [
            _deliberation_dict(document, context, deliberation) for deliberation in stated.deliberations
        ],
        "warnings": [v.as_dict() for v in findings if v.severity is Severity.WARNING],
        "violations": [v.as_dict() for v in findings if v.severity is Severity.VIOLATION and not v.items],
    }


def _proxy_window_gaps(meeting: Meeting, tally: MeetingTally) -> list[Violation]:
    """A proxy with a window, and an item inside the principal's part of the meeting where the principal
    is neither in the room nor represented ("pouvoir jusqu'à la n°3", "présente à partir de la n°5": n°4)."""
    findings = []
    for principal in dict.fromkeys(p.principal for p in meeting.proxies if not p.window.is_whole_meeting):
        states = []
        for item in tally.items:
            represented = any(p.principal == principal for p in item.represented)
            states.append((item.item, item.is_present(principal) or represented))
        covered = [index for index, (_item, yes) in enumerate(states) if yes]
        if not covered:
            continue
        holes = [states[i][0] for i in range(covered[0], covered[-1] + 1) if not states[i][1]]
        if holes:
            findings.append(
                warning(
                    "proxy_window_gap",
                    f"{meeting.display_name(principal)} n'est ni présent ni représenté aux questions "
                    f"{', '.join(f'n°{i}' for i in holes[:6])} : la fenêtre de sa procuration laisse un trou.",
                    members=(principal,),
                    items=tuple(holes),
                )
            )
    return findings


def _meeting_stated(counts: dict[str, int]) -> dict[str, int | None]:
    keys = ("members_in_office",) + EXTRA_STATED + ("present", "represented", "voters")
    return {key: counts.get(_COUNT_KEYS.get(key, key)) for key in keys}


def _meeting_spans(stated: StatedExtract) -> dict[str, Span]:
    spans = {}
    for key in _meeting_stated(stated.counts):
        kind = _COUNT_KEYS.get(key, key)
        if kind in stated.evidence:
            spans[key] = stated.evidence[kind]
    return spans


def _evidence(
    stated: StatedExtract, values: dict[str, int | None], spans: dict[str, Span]
) -> dict[str, dict[str, object]]:
    """Where each stated figure was read: offsets into the decoded text and the source's words there."""
    original = stated.original
    return {
        key: {"start": spans[key][0], "end": spans[key][1], "text": original[spans[key][0] : spans[key][1]]}
        for key, value in values.items()
        if value is not None and key in spans
    }


def _plain(meeting: Meeting, key: str) -> str:
    member = meeting.member(key)
    return member.name if member else key


def _clock(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _window(window: Window) -> dict[str, object]:
    data: dict[str, object] = {"from_item": window.from_item, "until_item": window.until_item}
    if window.except_items:
        data["except_items"] = sorted(window.except_items)
    return data


@dataclass(frozen=True)
class _Context:
    """What every deliberation of a document looks up, indexed once: the cost of a report stays
    linear in the number of deliberations."""

    tally: MeetingTally
    by_item: dict[int, ItemTally]
    findings_by_item: dict[int, list[Violation]]  # the tally's findings naming an item of the agenda
    general: list[Violation]  # the tally's findings about the record as a whole
    document_violations: dict[int | None, list[tuple[int, Violation]]]  # reading violations by item, in order
    has_present_list: bool

    @classmethod
    def of(cls, document: ImportedDocument, tally: MeetingTally) -> _Context:
        agenda = set(document.meeting.order_of_passage)
        by_item: dict[int, list[Violation]] = {}
        general = []
        for finding in tally.violations:
            if not finding.items or not agenda.issuperset(finding.items):
                general.append(finding)
            else:
                for item in finding.items:
                    by_item.setdefault(item, []).append(finding)
        violations: dict[int | None, list[tuple[int, Violation]]] = {}
        for order, finding in enumerate(document.stated.findings + document.findings):
            if finding.severity is Severity.VIOLATION:
                for where in finding.items or (None,):
                    violations.setdefault(where, []).append((order, finding))
        return cls(
            tally,
            {t.item: t for t in tally.items},
            by_item,
            general,
            violations,
            any(line.present for line in document.meeting.attendance),
        )

    def relevant(self, item: int) -> list[Violation]:
        """The tally's findings about this item, and those about the record as a whole, in order."""
        mine = self.findings_by_item.get(item, [])
        if not mine:
            return list(self.general)
        wanted = set(map(id, mine)) | set(map(id, self.general))
        return [v for v in self.tally.violations if id(v) in wanted]

    def reading_violations(self, item: int) -> list[Violation]:
        every = sorted(
            self.document_violations.get(None, []) + self.document_violations.get(item, []),
            key=lambda p: p[0],
        )
        return list(dict.fromkeys(v for _order, v in every))


def _deliberation_dict(
    document: ImportedDocument, context: _Context, deliberation: StatedDeliberation
) -> dict[str, Any]:
    meeting = document.meeting
    number = document.items[deliberation.number]
    item_tally = context.by_item.get(number)
    stated, spans = _stated(document, deliberation)
    # without a present list, who was in the room is unknown: nothing is computed, only stated figures reported
    has_present_list = context.has_present_list
    computed = _computed(item_tally) if item_tally and has_present_list else None
    findings = context.relevant(number)
    if has_present_list:
        findings += list(item_tally.violations if item_tally else [])
    findings += context.reading_violations(number)
    findings += deliberation_traps(document.stated, deliberation)
    findings += deliberation.findings + _vote_conflicts(document.stated, deliberation)
    if computed is not None:
        findings += _unnamed_not_participating(deliberation, computed, number)
        findings += _named_ballots(document, deliberation, item_tally)
    findings += _compare(stated, computed, number)
    findings += _check_interested_counts(meeting, deliberation, item_tally)
    blocking = [v for v in findings if v.severity is Severity.VIOLATION]
    compared = computed is not None and any(stated[f] is not None for f in STATED_FIELDS)
    consistent = False if blocking else (True if compared else None)
    return {
        "number": deliberation.number,
        "item": number,
        "title": deliberation.title,
        "rapporteur": deliberation.rapporteur,
        "committee": deliberation.committee,
        "budget_line": deliberation.budget_line,
        "interested_members": [p.name for p in deliberation.interested],
        "computed": computed,
        "stated": stated,
        "evidence": _evidence(document.stated, stated, spans),
        "consistent": consistent,
        "violations": [v.as_dict() for v in dict.fromkeys(findings)],
        "line": deliberation.line,
        "result": deliberation.vote.result,
        "vote_phrase": deliberation.vote.phrase,
        "votes": [v.as_dict() for v in deliberation.votes],
    }


def _stated(
    document: ImportedDocument, deliberation: StatedDeliberation
) -> tuple[dict[str, int | None], dict[str, Span]]:
    """The figures the text states for this deliberation, and where each was read."""
    vote = deliberation.vote
    counts = dict(document.stated.counts)
    counts.update(deliberation.counts)
    where = dict(document.stated.evidence)
    where.update(deliberation.evidence)
    for kind in deliberation.unknown:
        counts.pop(kind, None)
        where.pop(kind, None)
    data = {
        "members_in_office": counts.get("members_in_office"),
        "present": vote.present if vote.present is not None else counts.get("present"),
        "represented": vote.represented if vote.represented is not None else counts.get("represented"),
        "voters": vote.voters if vote.voters is not None else counts.get("voters"),
        "for": vote.votes_for,
        "against": vote.votes_against,
        "abstain": vote.abstentions,
        "not_participating": vote.not_participating,
    }
    spans: dict[str, Span] = {
        key: where[key] for key in ("members_in_office", "present", "represented", "voters") if key in where
    }
    for key, name in (
        ("for", "votes_for"),
        ("against", "votes_against"),
        ("abstain", "abstentions"),
        ("not_participating", "not_participating"),
        ("voters", "voters"),
    ):
        if name in vote.evidence:
            spans[key] = vote.evidence[name]
    for key in EXTRA_STATED:
        kind = _COUNT_KEYS.get(key, key)
        data[key] = counts.get(kind)
        if kind in where:
            spans[key] = where[kind]
    return data, spans


def _vote_conflicts(stated: StatedExtract, deliberation: StatedDeliberation) -> list[Violation]:
    """A ballot read two ways in one vote: no figure, both readings named."""
    findings = []
    items = (deliberation.item,) if deliberation.item is not None else ()
    for vote in deliberation.votes:
        for counts in vote.conflicts.values():
            findings.append(
                ambiguous(
                    stated.page, counts[0].kind, counts, f"la délibération n°{deliberation.number}", items
                )
            )
    return findings


def _unnamed_not_participating(
    deliberation: StatedDeliberation, computed: dict[str, Any], item: int
) -> list[Violation]:
    """ "5 ne prenant pas part au vote", names not given: the engine cannot know who; the computed
    voters are reduced by the stated figure and the missing total re-derived, with a warning."""
    said = deliberation.vote.not_participating
    named = len(deliberation.interested)
    if not said or said <= named or computed.get("voters") is None:
        return []
    missing = said - computed["not_participating"]
    if missing <= 0:
        return []
    computed["not_participating"] += missing
    computed["voters"] -= missing
    vote = deliberation.vote
    totals = [vote.votes_for, vote.votes_against, vote.abstentions]
    if vote.unanimous and not vote.unanimous_of_votes_cast:
        totals = [computed["voters"], 0, 0]
    elif sum(t is None for t in totals) == 1:
        known = sum(t for t in totals if t is not None)
        totals = [computed["voters"] - known if t is None else t for t in totals]
    if None not in totals:
        for_, against, abstain = (int(t or 0) for t in totals)
        computed["for"], computed["against"], computed["abstain"] = for_, against, abstain
        computed["votes_cast"] = for_ + against
        computed["adopted"] = for_ > against if for_ != against else None
        computed["unanimous"] = for_ > 0 and against == 0 and abstain == 0
        computed["unanimous_of_votes_cast"] = for_ > 0 and against == 0
    return [
        warning(
            "not_participating_unnamed",
            f"Question n°{item} : {said} membres ne prennent pas part au vote sans être nommés ; le calcul retire "
            f"{missing} votant(s) sans savoir lesquels.",
            items=(item,),
            field="not_participating",
        )
    ]


def _named_ballots(
    document: ImportedDocument, deliberation: StatedDeliberation, item: ItemTally | None
) -> list[Violation]:
    """A voter named in a ballot list who was neither present nor represented at the item."""
    if item is None:
        return []
    meeting = document.meeting
    present = set(item.present)
    represented = {p.principal for p in item.represented}
    findings = []
    for ballot, keys in document.named_ballots.get(deliberation.number, {}).items():
        for key in keys:
            if key in present or key in represented:
                continue
            findings.append(
                violation(
                    "voter_listed_absent",
                    f"{meeting.display_name(key)} est nommé parmi les votes « {ballot} » de la question n°{item.item} "
                    "mais n'était ni présent ni représenté.",
                    members=(key,),
                    items=(item.item,),
                )
            )
    return findings


def _computed(item: ItemTally) -> dict[str, Any]:
    return {
        "present": item.present_count,
        "represented": item.represented_count,
        "not_participating": item.not_participating,
        "voters": item.voters,
        "for": item.votes_for,
        "against": item.votes_against,
        "abstain": item.abstentions,
        "votes_cast": item.votes_cast,
        "quorum_required": item.quorum_required,
        "quorum_reached": item.quorum_reached,
        "adopted": item.adopted,
        "unanimous": item.unanimous,
        "unanimous_of_votes_cast": item.unanimous_of_votes_cast,
    }


_LABELS = {
    "members_in_office": "conseillers en exercice",
    "present": "présents",
    "represented": "représentés",
    "voters": "votants",
    "for": "pour",
    "against": "contre",
    "abstain": "abstentions",
    "not_participating": "ne prenant pas part au vote",
    "proxies": "procurations",
    "present_sum": "présents (titulaires et suppléants)",
}


def _compare(stated: dict[str, int | None], computed: dict[str, Any] | None, item: int) -> list[Violation]:
    if computed is None:
        return []
    findings = []
    pairs = [(f, f) for f in STATED_FIELDS] + [("proxies", "represented")]
    if (
        stated["present"] is None
        and stated["present_titular"] is not None
        and stated["present_substitutes"] is not None
    ):
        stated = dict(stated, present_sum=stated["present_titular"] + stated["present_substitutes"])
        pairs.append(("present_sum", "present"))
    for field_name, computed_name in pairs:
        said = stated[field_name]
        derived = computed.get(computed_name)
        if said is None or derived is None or said == derived:
            continue
        findings.append(
            violation(
                "stated_figure_mismatch",
                f"Question n°{item} : le document indique {said} {_LABELS[field_name]}, le calcul donne {derived}.",
                items=(item,),
                field=computed_name if field_name == "present_sum" else field_name,
            )
        )
    return findings


def _check_interested_counts(
    meeting: Meeting, deliberation: StatedDeliberation, item: ItemTally | None
) -> list[Violation]:
    if item is None:
        return []
    findings = []
    for key, said in interested_counts(deliberation).items():
        held = sum(1 for p in item.represented if p.holder == key)
        own = 1 if key in item.present else 0
        if own + held != said:
            findings.append(
                warning(
                    "interested_count_mismatch",
                    f"{meeting.display_name(key)} est noté ({said}) parmi les intéressés ; le calcul donne "
                    f"{own + held} voix non exprimées.",
                    members=(key,),
                    items=(item.item,),
                    field="not_participating",
                )
            )
    return findings


def import_path(path: str | Path) -> DocumentReport:
    """Read one file; any failure, even a reader bug, becomes a DocumentError naming the file."""
    from .sources import read_source

    text = read_source(path)
    try:
        return import_text(str(path), text)
    except DocumentError:
        raise
    except (ValueError, IndexError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise DocumentError(
            str(path),
            f"lecture impossible ({error.__class__.__name__} : {error})",
            hint="signalez ce document à l'équipe Registre",
        ) from error
