"""What stands between an item's tally and the publication of its act.

The tally names findings as it counts; publishing certifies the act, so this module sorts them
for one item: blocking (the act would state something false or unlawful) or warning (a reading
assumption, an unusual but lawful situation: published only once the clerk has acknowledged
it), each with its legal source. It adds the checks that only matter when certifying: no
members in office, more seats counted than members in office, an undetermined result, a
roll-call naming someone who is not a member, an interested member counted in the totals, a
second convocation that is not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Meeting, VoteKind
from .rules import RuleSet
from .tally import ItemTally, MeetingTally
from .violations import Severity, Violation

SECOND_CONVOCATION_DAYS = 3  # L2121-17 al. 2: convened again "à trois jours au moins d'intervalle"
SECOND_CONVOCATION = "CGCT L2121-17 al. 2 (seconde convocation, sans condition de quorum)"

LEGAL_SOURCES: dict[str, str] = {
    "item_not_in_order_of_passage": "CGCT L2121-10 (ordre du jour)",
    "window_item_not_on_agenda": "CGCT L2121-10 (ordre du jour)",
    "unknown_member": "CGCT L2121-17 (conseillers en exercice)",
    "roster_count_mismatch": "CGCT L2121-17 (conseillers en exercice)",
    "present_and_absent": "CGCT L2121-17 (présence physique)",
    "attendance_overlap_resolved": "CGCT L2121-17 (présence physique ; lecture du registre)",
    "attendance_gap": "CGCT L2121-17 (présence physique ; lecture du registre)",
    "proxy_principal_present": "CGCT L2121-20 (procuration d'un membre empêché)",
    "proxy_holder_absent": "CGCT L2121-20 (procuration d'un membre empêché)",
    "proxy_given_twice": "CGCT L2121-20 (procuration d'un membre empêché)",
    "substitute_and_proxy": "CGCT L5211-6 (suppléant)",
    "interested_member_voted": "CGCT L2131-11 (conseillers intéressés)",
    "interested_member_counted": "CGCT L2131-11 (conseillers intéressés)",
    "ballot_from_absent_member": "CGCT L2121-20 (votes des membres présents ou représentés)",
    "ballot_from_non_member": "CGCT L2121-20 (votes des membres présents ou représentés)",
    "roll_call_incomplete": "CGCT L2121-21 (scrutin public)",
    "tally_mismatch": "CGCT L2121-20 (majorité absolue des suffrages exprimés)",
    "unanimity_with_votes_against": "CGCT L2121-20 (majorité absolue des suffrages exprimés)",
    "undetermined_result": "CGCT L2121-20 al. 2 (voix prépondérante du président)",
    "secret_ballot_tie": "CGCT L2121-20 al. 2 (pas de voix prépondérante au scrutin secret)",
    "no_members_in_office": "CGCT L2121-17 (conseillers en exercice)",
    "seats_exceeded": "CGCT L2121-17 et L2121-20 (un siège par conseiller en exercice)",
    "second_convocation_unrecorded": SECOND_CONVOCATION,
    "second_convocation_too_soon": SECOND_CONVOCATION,
}
# Findings the tally reports as warnings that a certified act cannot carry.
BLOCKING_AT_PUBLICATION = frozenset({"roll_call_incomplete"})
# Replaced here by a finding that says more.
SUPERSEDED = frozenset({"tie_without_chair_vote"})


@dataclass(frozen=True)
class PublicationFinding:
    """One reason to refuse (blocking) or to ask for an acknowledgement (warning)."""

    code: str
    message: str
    blocking: bool
    source: str
    members: tuple[str, ...] = ()
    items: tuple[int, ...] = ()
    field: str | None = None

    @property
    def severity(self) -> str:
        return "bloquant" if self.blocking else "avertissement"

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message,
            "blocking": self.blocking,
            "source": self.source,
            "members": list(self.members),
            "items": list(self.items),
            "field": self.field,
        }


def publication_findings(tally: MeetingTally, item: int) -> list[PublicationFinding]:
    """Blocking findings first, then warnings; empty when the item's act may be published as is."""
    meeting = tally.meeting
    item_tally = tally.for_item(item)
    if item_tally is None:
        return [
            _finding(
                "item_not_in_order_of_passage",
                f"La question n°{item} n'apparaît pas dans l'ordre de passage de la séance.",
                True,
                tally.rules,
                items=(item,),
            )
        ]
    # A meeting's warnings (how its lists were read) concern every act of it: each act restates
    # the meeting's attendance. Its violations block the items they name.
    found = [v for v in tally.violations if not v.items or item in v.items or v.severity is Severity.WARNING]
    found += [v for v in item_tally.violations if v.code not in SUPERSEDED]
    non_members = _non_members_voting(meeting, item)
    found = [
        v for v in found if not (v.code == "ballot_from_absent_member" and set(v.members) <= non_members)
    ]
    findings = [_from_violation(v, tally.rules) for v in dict.fromkeys(found)]
    findings += _certification_checks(meeting, tally.rules, item_tally, non_members)
    return sorted(findings, key=lambda f: not f.blocking)


def blocking(findings: list[PublicationFinding]) -> list[PublicationFinding]:
    return [f for f in findings if f.blocking]


def warnings(findings: list[PublicationFinding]) -> list[PublicationFinding]:
    return [f for f in findings if not f.blocking]


def _from_violation(violation: Violation, rules: RuleSet) -> PublicationFinding:
    is_blocking = violation.severity is Severity.VIOLATION or violation.code in BLOCKING_AT_PUBLICATION
    return PublicationFinding(
        violation.code,
        violation.message,
        is_blocking,
        _source(violation.code, rules),
        violation.members,
        violation.items,
        violation.field,
    )


def _source(code: str, rules: RuleSet) -> str:
    if code in ("quorum_not_reached", "proxy_holder_overloaded", "rules_uncertain"):
        return rules.source  # the rules in force on the meeting's date say it
    return LEGAL_SOURCES.get(code, rules.source)


def _finding(
    code: str,
    message: str,
    is_blocking: bool,
    rules: RuleSet,
    *,
    members: tuple[str, ...] = (),
    items: tuple[int, ...] = (),
    field: str | None = None,
    source: str | None = None,
) -> PublicationFinding:
    return PublicationFinding(
        code, message, is_blocking, source or _source(code, rules), tuple(members), tuple(items), field
    )


def _non_members_voting(meeting: Meeting, number: int) -> set[str]:
    item = meeting.item(number)
    if item is None:
        return set()
    return {key for key, _ballot in item.vote.ballots if meeting.member(key) is None}


def _certification_checks(
    meeting: Meeting, rules: RuleSet, t: ItemTally, non_members: set[str]
) -> list[PublicationFinding]:
    findings = _seat_checks(meeting, rules, t)
    findings += _vote_checks(meeting, rules, t)
    findings += _convocation_checks(meeting, rules, t.item)
    for key in sorted(non_members):
        findings.append(
            _finding(
                "ballot_from_non_member",
                f"Le scrutin public de la question n°{t.item} porte un vote de {key}, "
                "qui n'est pas membre de l'assemblée.",
                True,
                rules,
                members=(key,),
                items=(t.item,),
            )
        )
    if rules.uncertain:
        findings.append(
            _finding(
                "rules_uncertain",
                f"Règles appliquées à la séance du {meeting.date:%d/%m/%Y} : {rules.source} "
                f"({rules.note or 'période incertaine'}).",
                False,
                rules,
            )
        )
    return findings


def _seat_checks(meeting: Meeting, rules: RuleSet, t: ItemTally) -> list[PublicationFinding]:
    seats = meeting.seats
    if seats == 0:
        return [
            _finding(
                "no_members_in_office",
                "Aucun conseiller en exercice : ni le quorum ni les votants ne peuvent être établis.",
                True,
                rules,
                field="members_in_office",
            )
        ]
    counted = t.present_count + t.represented_count
    if counted > seats:
        return [
            _finding(
                "seats_exceeded",
                f"Question n°{t.item} : {t.present_count} présents et {t.represented_count} représentés, "
                f"soit {counted} sièges comptés pour {seats} conseillers en exercice.",
                True,
                rules,
                items=(t.item,),
                field="members_in_office",
            )
        ]
    return []


def _vote_checks(meeting: Meeting, rules: RuleSet, t: ItemTally) -> list[PublicationFinding]:
    item = meeting.item(t.item)
    kind = item.vote.kind if item else VoteKind.SHOW_OF_HANDS
    if kind is VoteKind.NO_VOTE:
        return []
    findings = []
    totals = (t.votes_for, t.votes_against, t.abstentions)
    if None not in totals and t.not_participating:
        counted = sum(x or 0 for x in totals)
        if counted == t.voters + t.not_participating and counted != t.voters:
            names = ", ".join(meeting.display_name(k) for k in t.interested_present)
            findings.append(
                _finding(
                    "interested_member_counted",
                    f"Question n°{t.item} : les totaux ({counted}) comptent les {t.not_participating} "
                    f"voix qui ne prennent pas part au vote"
                    + (f" (conseillers intéressés : {names})" if names else "")
                    + f" ; votants : {t.voters}.",
                    True,
                    rules,
                    members=t.interested_present,
                    items=(t.item,),
                )
            )
    if t.adopted is None:
        findings.append(
            _finding(
                "undetermined_result",
                f"Le résultat de la question n°{t.item} n'est pas déterminé : "
                + _why_undetermined(t)
                + ". Saisissez le vote avant de publier.",
                True,
                rules,
                items=(t.item,),
                source=None if None not in totals else LEGAL_SOURCES["tally_mismatch"],
            )
        )
    elif kind is VoteKind.SECRET_BALLOT and t.votes_for and t.votes_for == t.votes_against:
        findings.append(
            _finding(
                "secret_ballot_tie",
                f"Partage des voix au scrutin secret à la question n°{t.item} ({t.votes_for} pour, "
                f"{t.votes_against} contre) : sans voix prépondérante, la proposition est rejetée.",
                False,
                rules,
                items=(t.item,),
            )
        )
    return findings


def _why_undetermined(t: ItemTally) -> str:
    missing = [
        name
        for name, value in (
            ("pour", t.votes_for),
            ("contre", t.votes_against),
            ("abstentions", t.abstentions),
        )
        if value is None
    ]
    if missing:
        return "vote non saisi (" + ", ".join(missing) + ")"
    return (
        f"partage des voix ({t.votes_for} pour, {t.votes_against} contre) "
        "sans le vote, prépondérant, du président de séance"
    )


def _convocation_checks(meeting: Meeting, rules: RuleSet, item: int) -> list[PublicationFinding]:
    if not meeting.reconvened_without_quorum:
        return []
    first = meeting.first_convocation
    if first is None:
        return [
            _finding(
                "second_convocation_unrecorded",
                "La séance est dite réunie sans condition de quorum, mais la séance dont le quorum "
                "n'a pas été atteint n'est pas indiquée.",
                True,
                rules,
                items=(item,),
                field="first_convocation",
            )
        ]
    if (meeting.date - first).days < SECOND_CONVOCATION_DAYS:
        return [
            _finding(
                "second_convocation_too_soon",
                f"Seconde convocation le {meeting.date:%d/%m/%Y}, moins de {SECOND_CONVOCATION_DAYS} "
                f"jours après la séance du {first:%d/%m/%Y} dont le quorum n'a pas été atteint.",
                True,
                rules,
                items=(item,),
                field="first_convocation",
            )
        ]
    return []
