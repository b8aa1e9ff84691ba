"""Plain records the SCDL exports are built from and the SCDL imports produce.

Adapters (the register's models, the grants' models, a generator for the bench) fill these;
nothing here knows a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

CASH = "aide en numéraire"
IN_KIND = "aide en nature"
NATURES = (CASH, IN_KIND, f"{CASH};{IN_KIND}", f"{IN_KIND};{CASH}")
PAYMENT_CONDITIONS = ("unique", "échelonné", "autre")


@dataclass(frozen=True)
class DeliberationRecord:
    """One published deliberation, as the SCDL "Délibérations" schema sees it."""

    authority_name: str
    authority_siret: str
    deliberation_id: str
    date: dt.date
    subject_code: str  # ACTES level 2, "7.5"
    object: str
    subject_name: str | None = None  # default: the ACTES titles of subject_code
    budget_year: str | None = None  # "2021" or "2021/2022"
    budget_name: str | None = None
    prefecture_id: str | None = None  # "PREF025"
    prefecture_date: dt.date | None = None  # registered by the legality review
    members_in_office: int | None = None  # VOTE_EFFECTIF
    voters: int | None = None  # VOTE_REEL: present + represented - not participating
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    url: str | None = None


@dataclass(frozen=True)
class GrantRecord:
    """One grant to one beneficiary, as the SCDL "Subventions" schema sees it."""

    grantor_name: str
    grantor_siret: str
    agreement_date: dt.date
    beneficiary_name: str
    object: str
    amount: Decimal  # total of the grant, before sharing between beneficiaries
    nature: str = CASH
    payment_conditions: str = "unique"
    payment_start: dt.date | None = None
    payment_end: dt.date | None = None  # None: a single date
    budget_share: Decimal = Decimal("1")  # pourcentageSubvention, 0.01 … 1
    decision_reference: str | None = None
    beneficiary_siret: str | None = None
    beneficiary_rna: str | None = None
    rae_id: str | None = None
    eu_notification: bool = False
    aid_scheme: str | None = None  # dispositifAide
