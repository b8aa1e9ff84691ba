"""Plain records the SCDL exports are built from and the SCDL imports produce.

Adapters (the register's models, the grants' models, a generator for the bench) fill these;
nothing here knows a database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

CASH = "aide en numéraire"
IN_KIND = "aide en nature"
NATURES = (CASH, IN_KIND, f"{CASH};{IN_KIND}", f"{IN_KIND};{CASH}")
PAYMENT_CONDITIONS = ("unique", "échelonné", "autre")
_BUDGET_YEAR = re.compile(
    r"\b(?:BP|BS|DM|CA|budget(?: primitif| supplémentaire)?|exercice)\s*(\d{4})\b", re.I
)
_ANNEX = re.compile(r"budget annexe[^,;.«»]*", re.I)
_TRANSMISSION = re.compile(r"^(\d{2}[\dAB])-")


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


# What the register's own fields say in SCDL terms (shared by the export and the publication check).


def budget_of(budget_line: str) -> tuple[str, str]:
    """("2021", "Budget principal") from "BP 2021 et PPIF 2021-2025 …"; ("", "") when unsaid.

    A budget line naming a "budget annexe …" gives that name; otherwise the line is on the main
    budget.
    """
    match = _BUDGET_YEAR.search(budget_line or "")
    if not match:
        return "", ""
    annex = _ANNEX.search(budget_line)
    return match.group(1), (annex.group(0).strip().capitalize() if annex else "Budget principal")


def prefecture_entity(transmission_id: str) -> str:
    """PREF_ID from an ACTES transmission id ("025-242500361-20211012-…" → "PREF025")."""
    transmission_id = (transmission_id or "").strip()
    if re.fullmatch(r"S?PREF\d{2}[\dAB]\d?|SGAR\d{2}[\dAB]", transmission_id):
        return transmission_id
    match = _TRANSMISSION.match(transmission_id)
    return f"PREF{match.group(1)}" if match else ""
