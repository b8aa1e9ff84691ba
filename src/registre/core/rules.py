"""The CGCT rules in force on a date, as data with their legal source.

A meeting is judged by the rules of its own date: the health-emergency laws of
2020-2022 lowered the quorum to a third and allowed two proxies per holder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from math import floor


@dataclass(frozen=True)
class RuleSet:
    start: dt.date
    end: dt.date | None  # inclusive; None = still in force
    source: str
    quorum_fraction: Fraction  # share of members in office that must be there
    quorum_strict_majority: bool  # "majorité": more than half, not "at least"
    quorum_counts_proxies: bool
    max_proxies_per_holder: int
    uncertain: bool = False
    note: str = ""

    def quorum_required(self, members_in_office: int) -> int:
        if self.quorum_strict_majority:
            return floor(members_in_office * self.quorum_fraction) + 1
        share = members_in_office * self.quorum_fraction
        return int(share) if share == int(share) else floor(share) + 1

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


_ORDINARY_SOURCE = "CGCT L2121-17 (quorum), L2121-20 (une procuration par membre)"
_HALF, _THIRD = Fraction(1, 2), Fraction(1, 3)


def _ordinary(start: dt.date, end: dt.date | None, *, uncertain: bool = False, note: str = "") -> RuleSet:
    return RuleSet(start, end, _ORDINARY_SOURCE, _HALF, True, False, 1, uncertain, note)


def _emergency(
    start: dt.date, end: dt.date, source: str, *, counts_proxies: bool = False, note: str = ""
) -> RuleSet:
    return RuleSet(start, end, source, _THIRD, False, counts_proxies, 2, False, note)


D = dt.date
RULE_SETS: tuple[RuleSet, ...] = (
    _ordinary(D(1996, 2, 24), D(2020, 3, 23)),
    _emergency(D(2020, 3, 24), D(2020, 4, 2), "loi n° 2020-290 du 23 mars 2020, art. 10"),
    _emergency(
        D(2020, 4, 3),
        D(2020, 7, 10),
        "loi n° 2020-290, art. 10, modifié par l'ordonnance n° 2020-391 du 1er avril 2020",
        counts_proxies=True,
        note="quorum du tiers présents ou représentés ; à compter du 15 mai 2020, "
        "l'élection du maire et des adjoints exige le tiers physiquement présent",
    ),
    _emergency(D(2020, 7, 11), D(2020, 8, 30), "loi n° 2020-760 du 22 juin 2020"),
    _ordinary(
        D(2020, 8, 31),
        D(2020, 11, 14),
        uncertain=True,
        note="période discutée entre les sources : règles ordinaires appliquées, à vérifier",
    ),
    _emergency(
        D(2020, 11, 15),
        D(2021, 9, 30),
        "loi n° 2020-1379 du 14 novembre 2020, art. 6, prorogée par les lois n° 2021-160 et n° 2021-689",
    ),
    _ordinary(D(2021, 10, 1), D(2021, 11, 10)),
    _emergency(D(2021, 11, 11), D(2022, 7, 31), "loi n° 2021-1465 du 10 novembre 2021, art. 10"),
    _ordinary(D(2022, 8, 1), None),
)


def rules_on(day: dt.date) -> RuleSet:
    for rule_set in RULE_SETS:
        if rule_set.covers(day):
            return rule_set
    return RULE_SETS[0] if day < RULE_SETS[0].start else RULE_SETS[-1]
