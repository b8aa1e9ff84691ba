"""Records in, SCDL rows out: one dict of strings per row, in the schema's column order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from registre.core import ItemTally, Meeting

from . import actes
from .records import DeliberationRecord, GrantRecord
from .schemas import DELIBERATIONS, GRANTS, official_schema


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Decimal):
        return _decimal(value)
    return str(value)


def _decimal(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _one_line(text: str | None) -> str:
    """Keep the text; only normalise line ends (CSV quoting carries newlines)."""
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _name_of(code: str) -> str:
    subject = actes.subject(code)
    return subject.scdl_name if subject else ""


def _int(value: int | None) -> str:
    return "" if value is None else str(value)


def _date(value: dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def deliberation_row(record: DeliberationRecord) -> dict[str, str]:
    # written for speed: a million rows go through here
    return {
        "COLL_NOM": (record.authority_name or "").strip(),
        "COLL_SIRET": (record.authority_siret or "").strip(),
        "DELIB_ID": (record.deliberation_id or "").strip(),
        "DELIB_DATE": _date(record.date),
        "DELIB_MATIERE_CODE": (record.subject_code or "").strip(),
        "DELIB_MATIERE_NOM": record.subject_name or _name_of(record.subject_code or ""),
        "DELIB_OBJET": _one_line(record.object),
        "BUDGET_ANNEE": record.budget_year or "",
        "BUDGET_NOM": record.budget_name or "",
        "PREF_ID": record.prefecture_id or "",
        "PREF_DATE": _date(record.prefecture_date),
        "VOTE_EFFECTIF": _int(record.members_in_office),
        "VOTE_REEL": _int(record.voters),
        "VOTE_POUR": _int(record.votes_for),
        "VOTE_CONTRE": _int(record.votes_against),
        "VOTE_ABSTENTION": _int(record.abstentions),
        "DELIB_URL": record.url or "",
    }


def grant_row(record: GrantRecord) -> dict[str, str]:
    dates = _text(record.payment_start)
    if record.payment_end is not None:
        dates = f"{dates}/{record.payment_end.isoformat()}"
    return {
        "nomAttribuant": _text(record.grantor_name).strip(),
        "idAttribuant": _text(record.grantor_siret).strip(),
        "dateConvention": _text(record.agreement_date),
        "referenceDecision": _text(record.decision_reference),
        "nomBeneficiaire": _text(record.beneficiary_name).strip(),
        "idBeneficiaire": _text(record.beneficiary_siret),
        "rnaBeneficiaire": _text(record.beneficiary_rna),
        "objet": _one_line(record.object),
        "montant": _text(record.amount),
        "nature": _text(record.nature),
        "conditionsVersement": _text(record.payment_conditions),
        "datesPeriodeVersement": dates,
        "idRAE": _text(record.rae_id),
        "notificationUE": "" if record.eu_notification is None else _text(bool(record.eu_notification)),
        "pourcentageSubvention": _text(record.budget_share),
        "dispositifAide": _text(record.aid_scheme),
    }


BUILDERS: dict[str, Callable[[Any], dict[str, str]]] = {DELIBERATIONS: deliberation_row, GRANTS: grant_row}


def header(kind: str) -> tuple[str, ...]:
    return official_schema(kind).field_names


def deliberation_record(
    meeting: Meeting,
    item: ItemTally,
    *,
    deliberation_id: str,
    subject_code: str,
    object: str,
    **extra: Any,
) -> DeliberationRecord:
    """A deliberation's SCDL record from the core meeting and the engine's tally of its item.

    VOTE_EFFECTIF is the members in office; VOTE_REEL the voters (members not taking part are
    left out, so that VOTE_REEL = POUR + CONTRE + ABSTENTION). An item without a vote ("prend
    acte") leaves the five VOTE_* columns empty together.
    """
    voted = item.votes_for is not None and item.votes_against is not None and item.abstentions is not None
    authority = meeting.authority
    return DeliberationRecord(
        authority_name=extra.pop("authority_name", authority.name),
        authority_siret=extra.pop("authority_siret", authority.siret or ""),
        deliberation_id=deliberation_id,
        date=extra.pop("date", meeting.date),
        subject_code=subject_code,
        object=object,
        members_in_office=meeting.seats if voted else None,
        voters=item.voters if voted else None,
        votes_for=item.votes_for if voted else None,
        votes_against=item.votes_against if voted else None,
        abstentions=item.abstentions if voted else None,
        **extra,
    )
