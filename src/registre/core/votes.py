"""How one item's vote falls, once its voters are known: totals, result, unanimity.

A vote belongs to its item alone, so both engines (the sweep in ``tally`` and the per-item
``reference``) count it here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from .model import Ballot, Item, Meeting, Proxy, VoteKind
from .violations import Violation, violation, warning

Totals = tuple[int | None, int | None, int | None]  # for, against, abstentions
Result = tuple[bool | None, bool | None, bool | None]  # adopted, unanimous, unanimous of votes cast


def count_votes(
    meeting: Meeting, item: Item, present: Collection[str], valid: Sequence[Proxy], voters: int
) -> tuple[Totals, list[Violation]]:
    vote = item.vote
    if vote.kind is VoteKind.NO_VOTE:
        return (None, None, None), []
    if vote.kind is VoteKind.ROLL_CALL and vote.ballots:
        return _count_roll_call(meeting, item, present, valid, voters)
    totals: list[int | None] = [vote.votes_for, vote.votes_against, vote.abstentions]
    if vote.unanimous and all(t is None for t in totals):
        return (voters, 0, 0), []
    missing = [i for i, t in enumerate(totals) if t is None]
    if vote.unanimous:
        totals = [voters if t is None and i == 0 else (0 if t is None else t) for i, t in enumerate(totals)]
    elif len(missing) == 1:
        totals[missing[0]] = voters - sum(t for t in totals if t is not None)
    votes_for, votes_against, abstentions = totals
    if votes_for is None or votes_against is None or abstentions is None:
        return (votes_for, votes_against, abstentions), []
    return (votes_for, votes_against, abstentions), _check_totals(
        item, vote.unanimous, (votes_for, votes_against, abstentions), voters
    )


def _check_totals(item: Item, unanimous: bool, totals: tuple[int, int, int], voters: int) -> list[Violation]:
    findings = []
    if unanimous and totals[1]:
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
    return findings


def _count_roll_call(
    meeting: Meeting, item: Item, present: Collection[str], valid: Sequence[Proxy], voters: int
) -> tuple[Totals, list[Violation]]:
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


def result(meeting: Meeting, item: Item, votes: Totals) -> tuple[Result, list[Violation]]:
    votes_for, votes_against, abstentions = votes
    if votes_for is None or votes_against is None:
        return (None, None, None), []
    unanimous = votes_for > 0 and votes_against == 0 and (abstentions or 0) == 0
    unanimous_cast = votes_for > 0 and votes_against == 0
    if votes_for != votes_against:
        return (votes_for > votes_against, unanimous, unanimous_cast), []
    if votes_for == 0:
        return (False, unanimous, unanimous_cast), []
    if item.vote.kind is VoteKind.SECRET_BALLOT:
        # no casting vote in a secret ballot: a tie rejects
        return (False, unanimous, unanimous_cast), []
    chair_ballot = _chair_ballot(meeting, item)
    if chair_ballot is None:
        tie = warning(
            "tie_without_chair_vote",
            f"Partage des voix à la question n°{item.number} : le vote du président, prépondérant, "
            "n'est pas connu.",
            items=(item.number,),
        )
        return (None, unanimous, unanimous_cast), [tie]
    return (chair_ballot is Ballot.FOR, unanimous, unanimous_cast), []


def _chair_ballot(meeting: Meeting, item: Item) -> Ballot | None:
    if item.vote.chair_ballot is not None:
        return item.vote.chair_ballot
    return dict(item.vote.ballots).get(meeting.chair) if meeting.chair else None
