"""What open data needs beyond the register.

- DeliberationOpenData: the SCDL figures of a published deliberation (computed once by the
  rules core: a published deliberation never changes, a correction is a new record; or taken
  from an imported SCDL file), and what the register does not hold (budget, prefecture entity,
  the original document's URL for imported deliberations).
- ImportedGrant: one row of an authority's existing SCDL "Subventions" open data, imported.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class DeliberationOpenData(models.Model):
    ENGINE, SCDL = "engine", "scdl"
    SOURCES = [(ENGINE, "calculé par le moteur de règles"), (SCDL, "fichier SCDL importé")]
    deliberation = models.OneToOneField(
        "register.Deliberation", on_delete=models.CASCADE, related_name="open_data", primary_key=True
    )
    figures_source = models.CharField(max_length=10, choices=SOURCES, default=ENGINE)
    members_in_office = models.PositiveIntegerField(null=True, blank=True)
    voters = models.PositiveIntegerField(null=True, blank=True)
    votes_for = models.PositiveIntegerField(null=True, blank=True)
    votes_against = models.PositiveIntegerField(null=True, blank=True)
    abstentions = models.PositiveIntegerField(null=True, blank=True)
    budget_year = models.CharField("année du budget", max_length=9, blank=True)
    budget_name = models.CharField("nom du budget", max_length=200, blank=True)
    prefecture_id = models.CharField("entité du contrôle de légalité", max_length=10, blank=True)
    document_url = models.URLField("adresse du document d'origine", max_length=500, blank=True)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "données ouvertes d'une délibération"

    def __str__(self) -> str:
        return f"Données ouvertes de {self.deliberation}"


class ImportedGrant(models.Model):
    """A grant as an authority already published it (SCDL Subventions), imported as is."""

    authority = models.ForeignKey(
        "register.Authority", on_delete=models.CASCADE, related_name="imported_grants"
    )
    grantor_name = models.CharField(max_length=300)
    grantor_siret = models.CharField(max_length=14)
    agreement_date = models.DateField()
    decision_reference = models.CharField(max_length=200, blank=True)
    beneficiary_name = models.CharField(max_length=300)
    beneficiary_siret = models.CharField(max_length=14, blank=True)
    beneficiary_rna = models.CharField(max_length=10, blank=True)
    object = models.CharField(max_length=256)
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    nature = models.CharField(max_length=40)
    payment_conditions = models.CharField(max_length=256)
    payment_start = models.DateField()
    payment_end = models.DateField(null=True, blank=True)
    eu_notification = models.BooleanField(default=False)
    budget_share = models.DecimalField(max_digits=5, decimal_places=4)
    rae_id = models.CharField(max_length=5, blank=True)
    aid_scheme = models.CharField(max_length=100, blank=True)
    source_file = models.CharField(max_length=300, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "subvention importée (SCDL)"
        ordering = ["agreement_date", "pk"]

    def __str__(self) -> str:
        return f"{self.beneficiary_name} — {self.amount} € ({self.agreement_date:%d/%m/%Y})"
