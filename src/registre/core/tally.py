"""The vote engine: for every item, in the order of passage, who counts and how.

Each present member holds one seat and each valid proxy one more, carried by
its holder. A seat does not vote when its member, or the holder carrying it,
is interested in the matter (L2131-11: "soit en leur nom personnel, soit comme
mandataires"). Voters = present + represented - not participating.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .attendance import Passage, resolve_presence
from .model import Ballot, Item, Meeting, Proxy, Vote, VoteKind
from .rules import RuleSet, rules_on
from .violations import Violation, violation, warning


@dataclass(frozen=True)
class ItemTally:
    item: int
    position: int
    present: tuple[str, ...]
    represented: tuple[Proxy, ...]  # valid proxies at this item
    absent: tuple[str, ...]  # listed, not present, not represented
    not_participating: int
    interested_present: tuple[str, ...]
    voters: int
    quorum_required: int
    quorum_count: int
    quorum_reached: bool
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    adopted: bool | None
    unanimous: bool | None
    unanimous_of_votes_cast: bool | None
    violations: tuple[Violation, ...] = ()

    @property
    def votes_cast(self) -> int | None:
        if self.votes_for is None or self.votes_against is None:
            return None
        return self.votes_for + self.votes_against

    @property
    def present_count(self) -> int:
        return len(self.present)

    @property
    def represented_count(self) -> int:
        return len(self.represented)


@dataclass
class MeetingTally:
    meeting: Meeting
    rules: RuleSet
    items: list[ItemTally]
    violations: list[Violation] = field(default_factory=list)  # about the meeting as a whole

    def for_item(self, number: int) -> ItemTally | None:
        return next((t for t in self.items if t.item == number), None)


def tally_meeting(meeting: Meeting) -> MeetingTally:
    rules = rules_on(meeting.date)
    passage = Passage(tuple(meeting.order_of_passage))
    findings = _check_agenda(meeting, passage) + _check_roster(meeting)
    presence = resolve_presence(meeting, passage)
    findings += presence.findings
    items_by_number = {item.number: item for item in meeting.items}
    tallies = []
    for position, number in enumerate(passage.order):
        item = items_by_number.get(number) or Item(number)
        present = presence.by_position[position]
        valid, item_findings = _valid_proxies(meeting, passage, rules, presence, position, number)
        tallies.append(_tally_item(meeting, rules, item, position, present, valid, presence, item_findings))
    return MeetingTally(meeting, rules, tallies, _merge_findings(findings))


def _check_agenda(meeting: Meeting, passage: Passage) -> list[Violation]:
    findings = []
    for item in meeting.items:
        if item.number not in passage.position:
            findings.append(
                violation(
                    "item_not_in_order_of_passage",
                    f"La question n°{item.number} n'apparaît pas dans l'ordre de passage.",
                    items=(item.number,),
                )
            )
    statements = [(a.member, a.window) for a in meeting.attendance]
    statements += [(p.principal, p.window) for p in meeting.proxies]
    for member, window in statements:
        unknown = sorted(i for i in window.named_items() if i not in passage.position)
        if unknown:
            findings.append(
                violation(
                    "window_item_not_on_agenda",
                    f"La fenêtre de {meeting.display_name(member)} cite la question n°{unknown[0]}, "
                    "absente de l'ordre du jour.",
                    members=(member,),
                    items=tuple(unknown),
                )
            )
    return findings


def _check_roster(meeting: Meeting) -> list[Violation]:
    findings = []
    known = {m.key for m in meeting.members}
    named = [a.member for a in meeting.attendance]
    named += [k for p in meeting.proxies for k in (p.principal, p.holder)]
    named += [k for item in meeting.items for k in item.interested_members]
    for key in dict.fromkeys(named):
        if key not in known:
            findings.append(
                violation(
                    "unknown_member",
                    f"{key} n'est pas un membre du conseil.",
                    members=(key,),
                )
            )
    seats = _seats_named(meeting)
    if meeting.members_in_office is not None and seats and seats != meeting.members_in_office:
        findings.append(
            warning(
                "roster_count_mismatch",
                f"Les listes nomment {seats} sièges pour {meeting.members_in_office} conseillers en exercice.",
                field="members_in_office",
            )
        )
    return findings


def _seats_named(meeting: Meeting) -> int:
    """Titular members, plus the substitutes sitting for a titular the lists do not name."""
    titular_communes = {m.commune for m in meeting.members if not m.substitute}
    titular = sum(1 for m in meeting.members if not m.substitute)
    return titular + sum(1 for m in meeting.members if m.substitute and m.commune not in titular_communes)


def _valid_proxies(meeting, passage, rules, presence, position, item):
    """Proxies that count at this item, and why the others do not."""
    present = presence.by_position[position]
    findings: list[Violation] = []
    valid: list[Proxy] = []
    held: Counter[str] = Counter()
    given: set[str] = set()
    name = meeting.display_name
    for proxy in meeting.proxies:
        if not passage.covers_position(proxy.window, position, item):
            continue
        if proxy.principal in present:
            findings.append(
                violation(
                    "proxy_principal_present",
                    f"La procuration de {name(proxy.principal)} à {name(proxy.holder)} ne compte pas : "
                    f"{name(proxy.principal)} est présent à la question n°{item}.",
                    members=(proxy.principal, proxy.holder),
                    items=(item,),
                )
            )
            continue
        if proxy.holder not in present:
            findings.append(
                violation(
                    "proxy_holder_absent",
                    f"La procuration de {name(proxy.principal)} ne compte pas : son mandataire "
                    f"{name(proxy.holder)} est absent à la question n°{item}.",
                    members=(proxy.principal, proxy.holder),
                    items=(item,),
                )
            )
            continue
        if proxy.principal in given:
            findings.append(
                violation(
                    "proxy_given_twice",
                    f"{name(proxy.principal)} a donné plus d'une procuration pour la question n°{item}.",
                    members=(proxy.principal,),
                    items=(item,),
                )
            )
            continue
        if held[proxy.holder] >= rules.max_proxies_per_holder:
            findings.append(
                violation(
                    "proxy_holder_overloaded",
                    f"{name(proxy.holder)} détient plus de {rules.max_proxies_per_holder} procuration(s) "
                    f"à la question n°{item} ({rules.source}) ; celle de {name(proxy.principal)} ne compte pas.",
                    members=(proxy.holder, proxy.principal),
                    items=(item,),
                )
            )
            continue
        held[proxy.holder] += 1
        given.add(proxy.principal)
        valid.append(proxy)
    return valid, findings


def _tally_item(meeting, rules, item, position, present, valid, presence, findings) -> ItemTally:
    findings = list(findings)
    interested = item.interested_members
    interested_present = tuple(sorted(k for k in present if k in interested))
    not_participating = len(interested_present) + sum(
        1 for p in valid if p.principal in interested or p.holder in interested
    )
    represented_keys = {p.principal for p in valid}
    absent = tuple(sorted(k for k in presence.listed if k not in present and k not in represented_keys))
    voters = len(present) + len(valid) - not_participating

    seats = meeting.seats
    quorum_required = 0 if meeting.reconvened_without_quorum else rules.quorum_required(seats)
    quorum_count = len(present) - len(interested_present)
    if rules.quorum_counts_proxies:
        quorum_count += sum(1 for p in valid if p.principal not in interested)
    quorum_reached = quorum_count >= quorum_required
    if not quorum_reached:
        findings.append(
            violation(
                "quorum_not_reached",
                f"Quorum non atteint à la question n°{item.number} : {quorum_count} pour {quorum_required} requis.",
                items=(item.number,),
            )
        )

    substitutes = _substitute_findings(meeting, item.number, present, valid)
    findings += substitutes
    votes, vote_findings = _count_votes(meeting, item, present, valid, voters)
    findings += vote_findings
    votes_for, votes_against, abstentions = votes
    adopted, unanimous, unanimous_cast, result_findings = _result(meeting, item, votes)
    findings += result_findings
    return ItemTally(
        item=item.number,
        position=position,
        present=tuple(sorted(present)),
        represented=tuple(valid),
        absent=absent,
        not_participating=not_participating,
        interested_present=interested_present,
        voters=voters,
        quorum_required=quorum_required,
        quorum_count=quorum_count,
        quorum_reached=quorum_reached,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        adopted=adopted,
        unanimous=unanimous,
        unanimous_of_votes_cast=unanimous_cast,
        violations=tuple(findings),
    )


def _substitute_findings(meeting, item, present, valid) -> list[Violation]:
    """L5211-6: a titular member replaced by the substitute must not also give a proxy."""
    sitting = {
        meeting.member(k).commune for k in present if meeting.member(k) and meeting.member(k).substitute
    }
    findings = []
    for proxy in valid:
        principal = meeting.member(proxy.principal)
        if principal and not principal.substitute and principal.commune and principal.commune in sitting:
            findings.append(
                violation(
                    "substitute_and_proxy",
                    f"{meeting.display_name(proxy.principal)} est remplacé par son suppléant et donne aussi "
                    f"procuration à la question n°{item}.",
                    members=(proxy.principal,),
                    items=(item,),
                )
            )
    return findings


def _count_votes(meeting, item, present, valid, voters):
    vote: Vote = item.vote
    if vote.kind is VoteKind.NO_VOTE:
        return (None, None, None), []
    if vote.kind is VoteKind.ROLL_CALL and vote.ballots:
        return _count_roll_call(meeting, item, present, valid, voters)
    findings = []
    totals = [vote.votes_for, vote.votes_against, vote.abstentions]
    if vote.unanimous and all(t is None for t in totals):
        return (voters, 0, 0), []
    missing = [i for i, t in enumerate(totals) if t is None]
    if vote.unanimous:
        totals = [voters if t is None and i == 0 else (0 if t is None else t) for i, t in enumerate(totals)]
    elif len(missing) == 1:
        known = sum(t for t in totals if t is not None)
        totals[missing[0]] = voters - known
    if any(t is None for t in totals):
        return tuple(totals), findings
    if vote.unanimous and totals[1]:
        findings.append(
            violation(
                "unanimity_with_votes_against",
                f"La question n°{item.number} est dite adoptée à l'unanimité avec {totals[1]} voix contre.",
                items=(item.number,),
            )
        )
    if any(t < 0 for t in totals) or sum(totals) != voters:
        findings.append(
            violation(
                "tally_mismatch",
                f"Question n°{item.number} : pour {totals[0]} + contre {totals[1]} + abstentions {totals[2]} "
                f"= {sum(totals)}, pour {voters} votants.",
                items=(item.number,),
            )
        )
    return tuple(totals), findings


def _count_roll_call(meeting, item, present, valid, voters):
    """Each ballot is counted for its member's seat, cast in person or through a proxy."""
    findings = []
    represented = {p.principal: p for p in valid}
    counts: Counter[Ballot] = Counter()
    name = meeting.display_name
    for member, ballot in item.vote.ballots:
        proxy = represented.get(member)
        if member not in present and proxy is None:
            findings.append(
                violation(
                    "ballot_from_absent_member",
                    f"{name(member)} est porté votant à la question n°{item.number} mais n'était ni présent ni représenté.",
                    members=(member,),
                    items=(item.number,),
                )
            )
            continue
        if member in item.interested_members or (proxy and proxy.holder in item.interested_members):
            findings.append(
                violation(
                    "interested_member_voted",
                    f"{name(member)}, intéressé à l'affaire, est porté votant à la question n°{item.number}.",
                    members=(member,),
                    items=(item.number,),
                )
            )
            continue
        counts[ballot] += 1
    totals = (counts[Ballot.FOR], counts[Ballot.AGAINST], counts[Ballot.ABSTAIN])
    if sum(totals) != voters:
        findings.append(
            warning(
                "roll_call_incomplete",
                f"Question n°{item.number} : {sum(totals)} votes nominatifs enregistrés pour {voters} votants.",
                items=(item.number,),
            )
        )
    return totals, findings


def _result(meeting, item, votes):
    votes_for, votes_against, abstentions = votes
    if votes_for is None or votes_against is None:
        return None, None, None, []
    unanimous = votes_for > 0 and votes_against == 0 and (abstentions or 0) == 0
    unanimous_cast = votes_for > 0 and votes_against == 0
    if votes_for != votes_against:
        return votes_for > votes_against, unanimous, unanimous_cast, []
    if votes_for == 0:
        return False, unanimous, unanimous_cast, []
    if item.vote.kind is VoteKind.SECRET_BALLOT:
        # no casting vote in a secret ballot: a tie rejects
        return False, unanimous, unanimous_cast, []
    chair_ballot = _chair_ballot(meeting, item)
    if chair_ballot is None:
        return (
            None,
            unanimous,
            unanimous_cast,
            [
                warning(
                    "tie_without_chair_vote",
                    f"Partage des voix à la question n°{item.number} : le vote du président, prépondérant, "
                    "n'est pas connu.",
                    items=(item.number,),
                )
            ],
        )
    return chair_ballot is Ballot.FOR, unanimous, unanimous_cast, []


def _chair_ballot(meeting, item) -> Ballot | None:
    if item.vote.chair_ballot is not None:
        return item.vote.chair_ballot
    return dict(item.vote.ballots).get(meeting.chair) if meeting.chair else None


def _merge_findings(findings: list[Violation]) -> list[Violation]:
    return list(dict.fromkeys(findings))
