"""The register's and the grants' records as SCDL records, streamed from the database.

Deliberations: published only. Their vote figures come from DeliberationOpenData, filled once
per published deliberation by the rules core (meeting by meeting) or by an SCDL import.
Grants: the SCDL rows imported (ImportedGrant) and, when the grants app is installed, its
agreements through its own ``scdl_records`` hook.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.urls import reverse

from registre.opendata.records import DeliberationRecord, GrantRecord
from registre.web.register.models import Deliberation

from .models import DeliberationOpenData, ImportedGrant

ITERATOR_CHUNK = 2000
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000/"
_BUDGET_YEAR = re.compile(r"\b(?:BP|BS|DM|CA|budget(?: primitif| supplémentaire)?|exercice)\s*(\d{4})\b", re.I)
_ANNEX = re.compile(r"budget annexe[^,;.«»]*", re.I)
_TRANSMISSION = re.compile(r"^(\d{2}[\dAB])-")


def public_url() -> str:
    return getattr(settings, "REGISTRE_PUBLIC_URL", None) or DEFAULT_PUBLIC_URL


def published_deliberations(authority=None):
    queryset = Deliberation.objects.filter(status=Deliberation.PUBLISHED)
    if authority is not None:
        queryset = queryset.filter(authority=authority)
    return queryset


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


def ensure_figures(queryset=None) -> int:
    """Compute, once, the vote figures of published deliberations that have none. Returns how many."""
    from registre.web.register.conversion import tally

    missing = (queryset if queryset is not None else published_deliberations()).filter(open_data__isnull=True)
    meetings: dict[int, list[Deliberation]] = {}
    for deliberation in missing.select_related("item"):
        meetings.setdefault(deliberation.item.meeting_id, []).append(deliberation)
    created = 0
    for deliberations in meetings.values():
        meeting_tally = tally(deliberations[0].item.meeting)
        with transaction.atomic():
            for deliberation in deliberations:
                item = meeting_tally.for_item(deliberation.item.number)
                voted = item is not None and None not in (item.votes_for, item.votes_against, item.abstentions)
                DeliberationOpenData.objects.get_or_create(deliberation=deliberation, defaults=dict(
                    figures_source=DeliberationOpenData.ENGINE,
                    members_in_office=meeting_tally.meeting.seats if voted else None,
                    voters=item.voters if voted else None,
                    votes_for=item.votes_for if voted else None,
                    votes_against=item.votes_against if voted else None,
                    abstentions=item.abstentions if voted else None,
                ))
                created += 1
    return created


_COLUMNS = (
    "pk", "number", "year", "sequence", "title", "actes_code", "budget_line", "prefecture_transmission_id",
    "prefecture_transmitted_on", "authority__name", "authority__siret", "authority__slug", "item__meeting__date",
    "open_data__members_in_office", "open_data__voters", "open_data__votes_for", "open_data__votes_against",
    "open_data__abstentions", "open_data__budget_year", "open_data__budget_name", "open_data__prefecture_id",
    "open_data__document_url",
)


def deliberation_records(queryset=None, base_url: str | None = None) -> Iterator[DeliberationRecord]:
    """Stream the SCDL records of published deliberations: one query, rows fetched in chunks."""
    base = base_url or public_url()
    queryset = published_deliberations() if queryset is None else queryset.filter(status=Deliberation.PUBLISHED)
    rows = queryset.order_by("authority_id", "year", "sequence").values_list(*_COLUMNS)
    page = reverse("front:deliberation", kwargs={"authority": "AUTHORITY", "year": 1, "sequence": 2})
    for row in rows.iterator(chunk_size=ITERATOR_CHUNK):
        data = dict(zip(_COLUMNS, row))
        year, name = data["open_data__budget_year"], data["open_data__budget_name"]
        if not year and not name:
            year, name = budget_of(data["budget_line"])
        url = data["open_data__document_url"] or urljoin(base, page.replace("AUTHORITY", data["authority__slug"])
                                                         .replace("/1/2/", f"/{data['year']}/{data['sequence']}/"))
        yield DeliberationRecord(
            authority_name=data["authority__name"],
            authority_siret=data["authority__siret"] or "",
            deliberation_id=data["number"],
            date=data["item__meeting__date"],
            subject_code=data["actes_code"] or "",
            object=data["title"],
            budget_year=year or None,
            budget_name=name or None,
            prefecture_id=data["open_data__prefecture_id"] or prefecture_entity(data["prefecture_transmission_id"]) or None,
            prefecture_date=data["prefecture_transmitted_on"],
            members_in_office=data["open_data__members_in_office"],
            voters=data["open_data__voters"],
            votes_for=data["open_data__votes_for"],
            votes_against=data["open_data__votes_against"],
            abstentions=data["open_data__abstentions"],
            url=url,
        )


def imported_grant_record(grant: ImportedGrant) -> GrantRecord:
    return GrantRecord(
        grantor_name=grant.grantor_name, grantor_siret=grant.grantor_siret, agreement_date=grant.agreement_date,
        beneficiary_name=grant.beneficiary_name, object=grant.object, amount=grant.amount, nature=grant.nature,
        payment_conditions=grant.payment_conditions, payment_start=grant.payment_start,
        payment_end=grant.payment_end, budget_share=grant.budget_share,
        decision_reference=grant.decision_reference or None, beneficiary_siret=grant.beneficiary_siret or None,
        beneficiary_rna=grant.beneficiary_rna or None, rae_id=grant.rae_id or None,
        eu_notification=grant.eu_notification, aid_scheme=grant.aid_scheme or None,
    )


def grant_records(authority=None) -> Iterator[GrantRecord]:
    """SCDL Subventions records: imported rows, then the grants app's agreements if it is installed."""
    imported = ImportedGrant.objects.all() if authority is None else ImportedGrant.objects.filter(authority=authority)
    for grant in imported.order_by("authority_id", "agreement_date", "pk").iterator(chunk_size=ITERATOR_CHUNK):
        yield imported_grant_record(grant)
    for config in apps.get_app_configs():
        if config.name == "registre.web.grants":
            try:
                from importlib import import_module

                hook = import_module(f"{config.name}.opendata").scdl_records
            except (ModuleNotFoundError, AttributeError):
                continue
            yield from hook(authority)
