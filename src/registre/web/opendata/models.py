"""What open data needs beyond the register.

- DeliberationOpenData: the SCDL figures of a published deliberation (computed once by the
  rules core: a published deliberation never changes, a correction is a new record; or taken
  from an imported SCDL file), and what the register does not hold (budget, prefecture entity,
  the original document's URL for imported deliberations).
- ImportedGrant, ImportedDeliberation: one row of an authority's existing SCDL open data,
  kept as stated, with its findings, as the authority's history (publishable once complete).
- ImportCompletion: the trace of a grants officer's or clerk's completion of such a row.
"""

from __future__ import annotations

from django.conf import settings
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


class ImportedHistory(models.Model):
    """What every imported row keeps: its authority, where it comes from, what it states, its findings.

    ``stated``: every cell of the row as written ({"column", "field", "value"}), never changed.
    The typed fields beside it are what the register read (empty: "non renseigné" or not read);
    ``findings`` ({"field", "rule", "message", "value", "line"}) are why the row is not yet
    publishable. A grants officer or a clerk completes it (ImportCompletion keeps the trace).
    """

    COMPLETE, PENDING, COMPLETED = "complete", "pending", "completed"
    STATUSES = [
        (COMPLETE, "conforme au schéma"),
        (PENDING, "à compléter"),
        (COMPLETED, "complétée"),
    ]
    PUBLISHABLE = (COMPLETE, COMPLETED)

    source_file = models.CharField(max_length=300, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    layout = models.CharField("format du fichier", max_length=20, blank=True)
    stated = models.JSONField("ligne telle que publiée", default=list, blank=True)
    findings = models.JSONField("réserves", default=list, blank=True)
    status = models.CharField("état", max_length=10, choices=STATUSES, default=COMPLETE)
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    @property
    def is_publishable(self) -> bool:
        return self.status in self.PUBLISHABLE


class ImportedGrant(ImportedHistory):
    """A grant as an authority already published it (SCDL Subventions), imported as stated."""

    authority = models.ForeignKey(
        "register.Authority", on_delete=models.CASCADE, related_name="imported_grants"
    )
    grantor_name = models.TextField(blank=True)
    grantor_siret = models.TextField(blank=True)  # as read: a damaged SIRET is kept, flagged
    agreement_date = models.DateField(null=True, blank=True)
    decision_reference = models.TextField(blank=True)
    beneficiary_name = models.TextField(blank=True)
    beneficiary_siret = models.TextField(blank=True)
    beneficiary_rna = models.TextField(blank=True)
    object = models.TextField(blank=True)
    amount = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    nature = models.TextField(blank=True)
    payment_conditions = models.TextField(blank=True)
    payment_start = models.DateField(null=True, blank=True)
    payment_end = models.DateField(null=True, blank=True)
    eu_notification = models.BooleanField(null=True, blank=True)
    budget_share = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    rae_id = models.TextField(blank=True)
    aid_scheme = models.TextField(blank=True)

    class Meta:
        verbose_name = "subvention importée (SCDL)"
        ordering = ["agreement_date", "pk"]
        indexes = [models.Index(fields=["authority", "status"])]

    def __str__(self) -> str:
        when = f" ({self.agreement_date:%d/%m/%Y})" if self.agreement_date else ""
        amount = f" — {self.amount} €" if self.amount is not None else ""
        return f"{self.beneficiary_name or 'bénéficiaire non renseigné'}{amount}{when}"


class ImportedDeliberation(ImportedHistory):
    """A deliberation as an authority already published it (SCDL Délibérations), imported as stated.

    Its act is in the register (``act``, published) once the row has no findings left;
    until then it is the authority's history only.
    """

    authority = models.ForeignKey(
        "register.Authority", on_delete=models.CASCADE, related_name="imported_deliberations"
    )
    authority_name = models.TextField(blank=True)
    authority_siret = models.TextField(blank=True)
    deliberation_id = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    subject_code = models.TextField(blank=True)
    subject_name = models.TextField(blank=True)
    object = models.TextField(blank=True)
    budget_year = models.TextField(blank=True)
    budget_name = models.TextField(blank=True)
    prefecture_id = models.TextField(blank=True)
    prefecture_date = models.DateField(null=True, blank=True)
    members_in_office = models.PositiveIntegerField(null=True, blank=True)
    voters = models.PositiveIntegerField(null=True, blank=True)
    votes_for = models.PositiveIntegerField(null=True, blank=True)
    votes_against = models.PositiveIntegerField(null=True, blank=True)
    abstentions = models.PositiveIntegerField(null=True, blank=True)
    url = models.TextField(blank=True)
    act = models.ForeignKey(
        "register.Deliberation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_rows",
        verbose_name="délibération au registre",
    )

    class Meta:
        verbose_name = "délibération importée (SCDL)"
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["authority", "status"])]

    def __str__(self) -> str:
        return f"Délibération {self.deliberation_id or '(numéro non renseigné)'} importée"


class ImportCompletion(models.Model):
    """The trace of a completion: who, when, which fields changed from what to what, which findings it lifted."""

    grant = models.ForeignKey(
        ImportedGrant, null=True, blank=True, on_delete=models.CASCADE, related_name="completions"
    )
    deliberation = models.ForeignKey(
        ImportedDeliberation, null=True, blank=True, on_delete=models.CASCADE, related_name="completions"
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(default=timezone.now)
    changes = models.JSONField(default=list)  # [{"field", "before", "after"}] in SCDL terms
    lifted = models.JSONField(default=list)  # the findings the completion answered

    class Meta:
        verbose_name = "complément d'une ligne importée"
        ordering = ["completed_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(grant__isnull=False, deliberation__isnull=True)
                | models.Q(grant__isnull=True, deliberation__isnull=False),
                name="completion_of_one_row",
            )
        ]

    def __str__(self) -> str:
        return f"Complément du {self.completed_at:%d/%m/%Y %H:%M}"
