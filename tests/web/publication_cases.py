"""The records that must not be certified, and the lawful oddities a clerk must acknowledge.

Each case changes the clerks' test meeting (tests/web/clerk/conftest.py: 7 in office, items 1-3,
the first five present, VIGNOT chairs) the way a careless entry or an import would, directly in
the records; the clerk page and the API must then refuse to publish the act of item 2 with this
reason, or ask for the warning to be acknowledged. ``fragment`` is part of the French reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from registre.web.register.models import Attendance, Council, Item, Member, Proxy, RollCallBallot


def _member(meeting, last_name) -> Member:
    return meeting.council.members.get(last_name=last_name)


def _vote(meeting, **fields) -> Item:
    item = meeting.items.get(number=2)
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    return item


def _absent(meeting, *last_names) -> None:
    Attendance.objects.filter(meeting=meeting, member__last_name__in=last_names).update(present=False)


def _unanimous(meeting) -> None:
    _vote(meeting, unanimous=True)


def quorum(meeting):
    _unanimous(meeting)
    _absent(meeting, "CROIZIER", "VUILLEMIN")


def totals(meeting):
    _vote(meeting, votes_for=20, votes_against=0, abstentions=0)


def seats(meeting):
    _unanimous(meeting)
    meeting.members_in_office = 3
    meeting.save()


def no_members(meeting):
    _unanimous(meeting)
    meeting.members_in_office = 0
    meeting.save()


def _roll_call(meeting, *last_names):
    item = _vote(meeting, vote_kind="roll_call")
    for name in last_names:
        RollCallBallot.objects.create(item=item, member=_member(meeting, name), choice="for")
    return item


def roll_call_absent(meeting):
    _roll_call(meeting, "VIGNOT", "BODIN", "AEBISCHER", "CROIZIER", "VUILLEMIN", "GHEZALI")


def roll_call_interested(meeting):
    item = _roll_call(meeting, "VIGNOT", "BODIN", "AEBISCHER", "CROIZIER", "VUILLEMIN")
    item.interested_members.add(_member(meeting, "BODIN"))


def roll_call_stranger(meeting):
    item = _roll_call(meeting, "VIGNOT", "BODIN", "AEBISCHER", "CROIZIER", "VUILLEMIN")
    other = Council.objects.create(authority=meeting.council.authority, name="Conseil d'exploitation")
    stranger = Member.objects.create(council=other, first_name="Paul", last_name="ÉTRANGER")
    RollCallBallot.objects.create(item=item, member=stranger, choice="for")


def _proxy(meeting, principal, holder):
    Proxy.objects.create(
        meeting=meeting, principal=_member(meeting, principal), holder=_member(meeting, holder)
    )


def proxy_principal_present(meeting):
    _unanimous(meeting)
    _proxy(meeting, "BODIN", "VIGNOT")


def proxy_holder_absent(meeting):
    _unanimous(meeting)
    _proxy(meeting, "PRESSE", "GHEZALI")


def proxy_overloaded(meeting):
    _unanimous(meeting)
    _proxy(meeting, "PRESSE", "VIGNOT")
    _proxy(meeting, "GHEZALI", "VIGNOT")


def proxy_twice(meeting):
    _unanimous(meeting)
    _proxy(meeting, "PRESSE", "VIGNOT")
    _proxy(meeting, "PRESSE", "BODIN")


def present_and_absent(meeting):
    _unanimous(meeting)
    Attendance.objects.create(meeting=meeting, member=_member(meeting, "BODIN"), present=False)


def interested_counted(meeting):
    item = _vote(meeting, votes_for=5, votes_against=0, abstentions=0)
    item.interested_members.add(_member(meeting, "AEBISCHER"))


def undetermined(meeting):
    pass  # no vote recorded


def tie_without_chair(meeting):
    _absent(meeting, "VUILLEMIN")
    _vote(meeting, votes_for=2, votes_against=2, abstentions=0)


def no_subject(meeting):
    _unanimous(meeting)
    meeting.deliberation_fields = {"actes_code": ""}


def no_siret(meeting):
    _unanimous(meeting)
    authority = meeting.council.authority
    authority.siret = ""
    authority.save()


def second_convocation_unrecorded(meeting):
    quorum(meeting)
    meeting.reconvened_without_quorum = True
    meeting.save()


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable
    code: str
    fragment: str


BLOCKING = [
    Case(
        "quorum", quorum, "quorum_not_reached", "Quorum non atteint aux questions n°1 à n°3 : 3 pour 4 requis"
    ),
    Case("totals", totals, "tally_mismatch", "pour 20 + contre 0 + abstentions 0 = 20, pour 5 votants"),
    Case("seats", seats, "seats_exceeded", "5 présents et 0 représentés, soit 5 sièges comptés pour 3"),
    Case("no_members", no_members, "no_members_in_office", "Aucun conseiller en exercice"),
    Case(
        "roll_call_absent", roll_call_absent, "ballot_from_absent_member", "M. Abdel GHEZALI est porté votant"
    ),
    Case(
        "roll_call_interested", roll_call_interested, "interested_member_voted", "M. Nicolas BODIN, intéressé"
    ),
    Case(
        "roll_call_stranger",
        roll_call_stranger,
        "ballot_from_non_member",
        "qui n'est pas membre de l'assemblée",
    ),
    Case(
        "proxy_principal_present",
        proxy_principal_present,
        "proxy_principal_present",
        "M. Nicolas BODIN est présent aux questions n°1 à n°3",
    ),
    Case(
        "proxy_holder_absent",
        proxy_holder_absent,
        "proxy_holder_absent",
        "son mandataire M. Abdel GHEZALI est absent",
    ),
    Case(
        "proxy_overloaded",
        proxy_overloaded,
        "proxy_holder_overloaded",
        "Mme Anne VIGNOT détient plus de 1 procuration",
    ),
    Case(
        "proxy_twice", proxy_twice, "proxy_given_twice", "Mme Françoise PRESSE a donné plus d'une procuration"
    ),
    Case("present_and_absent", present_and_absent, "present_and_absent", "M. Nicolas BODIN figure à la fois"),
    Case(
        "interested_counted",
        interested_counted,
        "interested_member_counted",
        "(conseillers intéressés : Mme Elise AEBISCHER) ; votants : 4",
    ),
    Case("undetermined", undetermined, "undetermined_result", "vote non saisi (pour, contre, abstentions)"),
    Case(
        "tie_without_chair", tie_without_chair, "undetermined_result", "partage des voix (2 pour, 2 contre)"
    ),
    Case("no_subject", no_subject, "scdl:table-schema:required", "matière ACTES de l'acte"),
    Case("no_siret", no_siret, "scdl:table-schema:required", "SIRET de la collectivité"),
    Case(
        "second_convocation_unrecorded",
        second_convocation_unrecorded,
        "second_convocation_unrecorded",
        "la séance dont le quorum n'a pas été atteint n'est pas indiquée",
    ),
]


def overlap(meeting):
    _unanimous(meeting)
    bodin = _member(meeting, "BODIN")
    Attendance.objects.filter(meeting=meeting, member=bodin).delete()
    Attendance.objects.create(meeting=meeting, member=bodin, present=True, until_item=1, loose_end=True)
    Attendance.objects.create(meeting=meeting, member=bodin, present=False, from_item=1)


def secret_tie(meeting):
    _absent(meeting, "VUILLEMIN")
    _vote(meeting, vote_kind="secret_ballot", votes_for=2, votes_against=2, abstentions=0)


def uncertain_rules(meeting):
    _unanimous(meeting)
    meeting.date = dt.date(2020, 9, 15)
    meeting.save()


def roster_count(meeting):
    _unanimous(meeting)
    meeting.members_in_office = 8
    meeting.save()


WARNINGS = [
    Case("overlap", overlap, "attendance_overlap_resolved", "M. Nicolas BODIN est indiqué présent et absent"),
    Case(
        "secret_tie", secret_tie, "secret_ballot_tie", "sans voix prépondérante, la proposition est rejetée"
    ),
    Case("uncertain_rules", uncertain_rules, "rules_uncertain", "période discutée entre les sources"),
    Case("roster_count", roster_count, "roster_count_mismatch", "Les listes nomment 7 sièges pour 8"),
]


def prepare(case: Case, meeting):
    """Apply the case; return the draft act of item 2 (ACTES subject 8.3 unless the case removes it)."""
    from registre.web.register.models import Deliberation

    case.make(meeting)
    fields = {"actes_code": "8.3", **getattr(meeting, "deliberation_fields", {})}
    item = meeting.items.get(number=2)
    return Deliberation.objects.create(
        authority=meeting.council.authority, item=item, title="Subvention au club de kayak", **fields
    )
