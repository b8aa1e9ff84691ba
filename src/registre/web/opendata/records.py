"""The register's and the grants' records as SCDL records, streamed from the database.

Deliberations: published only, read from their frozen act (register.PublishedAct: figures computed
once by the rules core at publication, or stated by an imported SCDL file); DeliberationOpenData
adds what the register does not hold (budget, prefecture entity, original document's URL).
Grants: the SCDL rows imported (ImportedGrant, when publishable) and the grants app's signed
agreements.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from django.urls import reverse

from registre.opendata.records import DeliberationRecord, GrantRecord, budget_of, prefecture_entity
from registre.web.grants.models import Agreement
from registre.web.register.addresses import public_url
from registre.web.register.models import Deliberation

from .models import ImportedGrant

ITERATOR_CHUNK = 2000


def published_deliberations(authority=None):
    queryset = Deliberation.objects.filter(status=Deliberation.PUBLISHED)
    if authority is not None:
        queryset = queryset.filter(authority=authority)
    return queryset


_COLUMNS = (
    "act__number",
    "act__year",
    "act__sequence",
    "act__title",
    "act__actes_code",
    "act__budget_line",
    "prefecture_transmission_id",
    "prefecture_transmitted_on",
    "act__authority_name",
    "act__authority_siret",
    "authority__slug",
    "act__meeting_date",
    "act__members_in_office",
    "act__voters",
    "act__votes_for",
    "act__votes_against",
    "act__abstentions",
    "open_data__budget_year",
    "open_data__budget_name",
    "open_data__prefecture_id",
    "open_data__document_url",
)


def deliberation_records(queryset=None, base_url: str | None = None) -> Iterator[DeliberationRecord]:
    """Stream the SCDL records of published acts, from their frozen act (PublishedAct): one query,
    rows fetched in chunks. Never the live rows: a renamed authority or member changes nothing."""
    queryset = (
        published_deliberations() if queryset is None else queryset.filter(status=Deliberation.PUBLISHED)
    )
    rows = queryset.order_by("authority_id", "act__year", "act__sequence").values_list(*_COLUMNS)
    base = (base_url or public_url()).rstrip("/")
    page = reverse("front:deliberation", kwargs={"authority": "AUTHORITY", "year": 1, "sequence": 2})
    head, tail = page.split("AUTHORITY")
    tail = tail.replace("/1/2/", "/")
    (
        number,
        year,
        sequence,
        title,
        code,
        budget_line,
        transmission,
        transmitted_on,
        authority_name,
        authority_siret,
        slug,
        day,
        in_office,
        voters,
        votes_for,
        against,
        abstentions,
        budget_year,
        budget_name,
        prefecture_id,
        document_url,
    ) = range(len(_COLUMNS))
    budget = lru_cache(maxsize=1024)(budget_of)
    for row in rows.iterator(chunk_size=ITERATOR_CHUNK):
        year_text, name = row[budget_year], row[budget_name]
        if not year_text and not name:
            year_text, name = budget(row[budget_line])
        yield DeliberationRecord(
            authority_name=row[authority_name],
            authority_siret=row[authority_siret] or "",
            deliberation_id=row[number],
            date=row[day],
            subject_code=row[code] or "",
            object=row[title],
            budget_year=year_text or None,
            budget_name=name or None,
            prefecture_id=row[prefecture_id] or prefecture_entity(row[transmission]) or None,
            prefecture_date=row[transmitted_on],
            members_in_office=row[in_office],
            voters=row[voters],
            votes_for=row[votes_for],
            votes_against=row[against],
            abstentions=row[abstentions],
            url=row[document_url] or f"{base}{head}{row[slug]}{tail}{row[year]}/{row[sequence]}/",
        )


def imported_grant_record(grant: ImportedGrant) -> GrantRecord:
    return GrantRecord(
        grantor_name=grant.grantor_name,
        grantor_siret=grant.grantor_siret,
        agreement_date=grant.agreement_date,
        beneficiary_name=grant.beneficiary_name,
        object=grant.object,
        amount=grant.amount,
        nature=grant.nature,
        payment_conditions=grant.payment_conditions,
        payment_start=grant.payment_start,
        payment_end=grant.payment_end,
        budget_share=grant.budget_share,
        decision_reference=grant.decision_reference or None,
        beneficiary_siret=grant.beneficiary_siret or None,
        beneficiary_rna=grant.beneficiary_rna or None,
        rae_id=grant.rae_id or None,
        eu_notification=grant.eu_notification,
        aid_scheme=grant.aid_scheme or None,
    )


def grant_records(authority=None) -> Iterator[GrantRecord]:
    """SCDL Subventions records: the imported rows without findings (or completed), then the grants
    app's signed agreements. Imported rows with findings are left out (history.left_out_report)."""
    imported = ImportedGrant.objects.filter(status__in=ImportedGrant.PUBLISHABLE)
    if authority is not None:
        imported = imported.filter(authority=authority)
    for grant in imported.order_by("authority_id", "agreement_date", "pk").iterator(
        chunk_size=ITERATOR_CHUNK
    ):
        yield imported_grant_record(grant)
    yield from agreement_records(authority)


OBJECT_MAX = 256  # maxLength of "objet" in SCDL Subventions 2.1.1


def agreement_records(authority=None) -> Iterator[GrantRecord]:
    """The grants app's agreements, once signed: one row per agreement (one beneficiary each).

    Payment dates: the payments recorded (one date, or the first/last as a period); else the
    dated tranches; else the agreement's validity (transmission → end). Conditions: one tranche
    "unique", several "échelonné". The object is cut at 256 characters (the schema's limit).
    """
    agreements = Agreement.objects.filter(signed_on__isnull=False)
    if authority is not None:
        agreements = agreements.filter(authority=authority)
    agreements = (
        agreements.select_related("authority", "beneficiary", "deliberation")
        .prefetch_related("tranches", "payments")
        .order_by("authority_id", "signed_on", "pk")
    )
    for agreement in agreements.iterator(chunk_size=200):
        paid = sorted(p.paid_on for p in agreement.payments.all())
        planned = sorted(t.on for t in agreement.tranches.all() if t.on)
        dates = paid or planned
        if dates:
            start, end = dates[0], (dates[-1] if dates[-1] != dates[0] else None)
        else:
            start, end = agreement.transmitted_on or agreement.signed_on, agreement.valid_until
        tranches = len(agreement.tranches.all())
        text = " ".join(agreement.object.split())
        if len(text) > OBJECT_MAX:
            text = text[: OBJECT_MAX - 1].rstrip() + "…"
        yield GrantRecord(
            grantor_name=agreement.authority.name,
            grantor_siret=agreement.authority.siret or "",
            agreement_date=agreement.signed_on,
            beneficiary_name=agreement.beneficiary.name,
            object=text,
            amount=agreement.amount,
            payment_conditions="échelonné" if tranches > 1 else "unique",
            payment_start=start,
            payment_end=end,
            decision_reference=agreement.deliberation.number
            if agreement.deliberation
            else agreement.reference,
            beneficiary_siret=agreement.beneficiary.siret or None,
        )
