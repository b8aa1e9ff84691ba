"""Stored grant agreements and what happens to them. The rules live in
registre.core.grants: records are converted (conversion.py) to be judged."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from registre.core.grants import Funder, MissionCategory, ObligationKind, TargetKind, Trigger

MONEY = {"max_digits": 14, "decimal_places": 2}


def _choices(enum, labels=None):
    return [
        (member.value, (labels or {}).get(member, getattr(member, "label", member.value))) for member in enum
    ]


class Beneficiary(models.Model):
    """An organisation that receives grants, as one authority knows it; its accounts see only its
    own agreements. The same organisation funded by two authorities is two records: nothing one
    authority enters about it (SIRET, address, accounts) is shown to the other. A shared SIRET
    only suggests, to the administrator, that two records are the same organisation."""

    authority = models.ForeignKey(
        "register.Authority",
        on_delete=models.PROTECT,
        related_name="grant_beneficiaries",
        verbose_name="collectivité qui l'a enregistré",
    )
    name = models.CharField("nom", max_length=200)
    siret = models.CharField("SIRET", max_length=14, blank=True)
    email = models.EmailField("adresse de contact", blank=True)
    accounts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="beneficiaries",
        verbose_name="comptes du bénéficiaire",
    )

    class Meta:
        verbose_name = "bénéficiaire"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "name"], name="one_beneficiary_name_per_authority")
        ]

    def __str__(self) -> str:
        return self.name


class Agreement(models.Model):
    authority = models.ForeignKey(
        "register.Authority",
        on_delete=models.PROTECT,
        related_name="grant_agreements",
        verbose_name="attribuant",
    )
    beneficiary = models.ForeignKey(
        Beneficiary, on_delete=models.PROTECT, related_name="agreements", verbose_name="bénéficiaire"
    )
    deliberation = models.ForeignKey(
        "register.Deliberation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grant_agreements",
        verbose_name="délibération d'approbation",
    )
    reference = models.CharField("référence", max_length=60)
    object = models.TextField("objet")
    amount = models.DecimalField("montant", **MONEY, validators=[MinValueValidator(0)])
    cap = models.DecimalField(
        "plafond (non révisable à la hausse)", **MONEY, validators=[MinValueValidator(0)]
    )
    budget_line = models.CharField("inscription budgétaire", max_length=300, blank=True)
    budget_line_amount = models.DecimalField("crédit de la ligne budgétaire", **MONEY, null=True, blank=True)
    programme_budget = models.DecimalField("budget du programme", **MONEY, null=True, blank=True)
    financial_year = models.PositiveIntegerField("exercice")
    signed_on = models.DateField("signée le", null=True, blank=True)
    transmitted_on = models.DateField("transmise en préfecture le (prise d'effet)", null=True, blank=True)
    valid_until = models.DateField("fin de validité", null=True, blank=True)
    programme_end = models.DateField(
        "fin du programme", null=True, blank=True, help_text="Vide : fin de l'exercice."
    )
    retention_years = models.PositiveIntegerField("conservation des pièces (années)", default=10)
    report_copies = models.PositiveIntegerField("exemplaires des comptes rendus", default=2)
    obligations = models.JSONField("obligations du bénéficiaire", default=list, blank=True)
    control = models.TextField("modalités de contrôle", blank=True)
    repayment_grounds = models.JSONField("motifs de reversement", default=list, blank=True)
    termination_notice_months = models.PositiveIntegerField("préavis de résiliation (mois)", default=1)
    termination_without_notice = models.CharField(
        "résiliation sans préavis en cas de", max_length=200, blank=True
    )
    court = models.CharField("juridiction compétente", max_length=200, blank=True)
    redistribution_allowed = models.BooleanField("reversement à d'autres organismes autorisé", default=False)
    indicators = models.JSONField("indicateurs territoriaux", default=list, blank=True)
    stated_expenses = models.DecimalField("total des dépenses indiqué", **MONEY, null=True, blank=True)
    stated_public = models.DecimalField("total public indiqué", **MONEY, null=True, blank=True)
    stated_private = models.DecimalField("total privé indiqué", **MONEY, null=True, blank=True)
    stated_revenues = models.DecimalField("total des recettes indiqué", **MONEY, null=True, blank=True)
    published_on = models.DateField("données essentielles publiées le", null=True, blank=True)
    formal_notice_on = models.DateField("mise en demeure le", null=True, blank=True)
    terminated_on = models.DateField("résiliée le", null=True, blank=True)
    terminated_without_notice = models.BooleanField("résiliée sans préavis", default=False)
    termination_ground = models.TextField("motif de la résiliation", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "convention de subvention"
        ordering = ["-financial_year", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "reference"], name="unique_agreement_reference")
        ]

    def __str__(self) -> str:
        return f"Convention {self.reference} — {self.beneficiary}"


class Tranche(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="tranches")
    position = models.PositiveIntegerField("rang")
    trigger = models.CharField("déclencheur", max_length=20, choices=_choices(Trigger))
    share = models.DecimalField("part", max_digits=7, decimal_places=6, null=True, blank=True)
    amount = models.DecimalField("montant", **MONEY, null=True, blank=True)
    on = models.DateField("date", null=True, blank=True)
    report = models.CharField("rapport déclencheur", max_length=30, blank=True)
    label = models.CharField("libellé", max_length=300, blank=True)

    class Meta:
        ordering = ["agreement", "position"]
        verbose_name = "tranche"

    def __str__(self) -> str:
        return f"Tranche {self.position} — {self.agreement.reference}"


class Payment(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="payments")
    tranche = models.ForeignKey(
        Tranche,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="payments",
        verbose_name="tranche",
    )
    paid_on = models.DateField("versé le")
    amount = models.DecimalField("montant", **MONEY)
    reference = models.CharField("référence du mandat", max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreement", "paid_on", "pk"]
        verbose_name = "versement"

    def __str__(self) -> str:
        return f"Versement du {self.paid_on:%d/%m/%Y} — {self.amount} €"


class BudgetLine(models.Model):
    EXPENSE, REVENUE = "expense", "revenue"
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="budget_lines")
    side = models.CharField("nature", max_length=10, choices=[(EXPENSE, "Dépense"), (REVENUE, "Recette")])
    funder = models.CharField("financeur", max_length=30, choices=_choices(Funder), blank=True)
    label = models.CharField("libellé", max_length=200)
    amount = models.DecimalField("montant", **MONEY)
    position = models.PositiveIntegerField("rang", default=0)

    class Meta:
        ordering = ["agreement", "side", "position", "pk"]
        verbose_name = "ligne du budget prévisionnel"

    def __str__(self) -> str:
        return f"{self.label} — {self.amount} €"


class Objective(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="objectives")
    key = models.CharField("code", max_length=60)
    category = models.CharField("catégorie de mission", max_length=1, choices=_choices(MissionCategory))
    section = models.CharField("rubrique", max_length=300, blank=True)
    text = models.TextField("objectif")
    target_kind = models.CharField(
        "cible",
        max_length=20,
        choices=_choices(
            TargetKind,
            {
                TargetKind.AT_LEAST: "au moins",
                TargetKind.RANGE: "entre",
                TargetKind.SHARE_ABOVE: "part supérieure à",
            },
        ),
        blank=True,
    )
    target_low = models.DecimalField("valeur cible", max_digits=14, decimal_places=4, null=True, blank=True)
    target_high = models.DecimalField("borne haute", max_digits=14, decimal_places=4, null=True, blank=True)
    target_unit = models.CharField("unité", max_length=60, blank=True)
    measure = models.CharField("mesurée par", max_length=40, blank=True)
    position = models.PositiveIntegerField("rang", default=0)

    class Meta:
        ordering = ["agreement", "position"]
        verbose_name = "objectif"
        constraints = [models.UniqueConstraint(fields=["agreement", "key"], name="unique_objective_key")]

    def __str__(self) -> str:
        return f"{self.key} — {self.text[:60]}"


class ObjectiveResult(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="results")
    year = models.PositiveIntegerField("année")
    value = models.DecimalField("résultat", max_digits=14, decimal_places=4)
    comment = models.TextField("commentaire", blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "résultat"
        constraints = [models.UniqueConstraint(fields=["objective", "year"], name="one_result_per_year")]

    def __str__(self) -> str:
        return f"{self.objective.key} {self.year} : {self.value}"


class Review(models.Model):
    """What the beneficiary hands in, reviewed by the grants officer."""

    SUBMITTED, ACCEPTED, REJECTED = "submitted", "accepted", "rejected"
    STATUSES = [(SUBMITTED, "reçu, à examiner"), (ACCEPTED, "accepté"), (REJECTED, "refusé, à reprendre")]
    status = models.CharField("examen", max_length=10, choices=STATUSES, default=SUBMITTED)
    review_comment = models.TextField("observations du service", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


def _upload_to(instance, filename):
    return f"subventions/{instance.agreement_id}/{instance.kind}/{filename}"


class Submission(Review):
    FINANCIAL_REPORT, ACTIVITY_REPORT, SUPPORTING = (
        "financial_report",
        "activity_report",
        "supporting_document",
    )
    KINDS = [
        (FINANCIAL_REPORT, "Compte-rendu financier"),
        (ACTIVITY_REPORT, "Rapport d'activité"),
        (SUPPORTING, "Pièce justificative"),
    ]
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="submissions")
    kind = models.CharField("nature", max_length=30, choices=KINDS)
    year = models.PositiveIntegerField("exercice")
    file = models.FileField("fichier", upload_to=_upload_to, max_length=300)
    original_name = models.CharField("nom du fichier", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField("taille (octets)")

    class Meta:
        ordering = ["agreement", "-submitted_at"]
        verbose_name = "document remis"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} — {self.agreement.reference}"


class IndicatorReport(Review):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="indicator_reports")
    year = models.PositiveIntegerField("année")

    class Meta:
        ordering = ["agreement", "-year"]
        verbose_name = "indicateurs territoriaux"
        constraints = [
            models.UniqueConstraint(fields=["agreement", "year"], name="one_indicator_report_per_year")
        ]

    def __str__(self) -> str:
        return f"Indicateurs {self.year} — {self.agreement.reference}"


class IndicatorValue(models.Model):
    report = models.ForeignKey(IndicatorReport, on_delete=models.CASCADE, related_name="values")
    key = models.CharField("indicateur", max_length=60)
    company = models.CharField("entreprise", max_length=200, blank=True)
    value = models.DecimalField("valeur", max_digits=16, decimal_places=2)

    class Meta:
        ordering = ["report", "pk"]

    def __str__(self) -> str:
        return f"{self.key} : {self.value}"


class Amendment(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="amendments")
    number = models.PositiveIntegerField("numéro")
    deliberation = models.ForeignKey(
        "register.Deliberation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grant_amendments",
        verbose_name="délibération",
    )
    signed_on = models.DateField("signé le", null=True, blank=True)
    description = models.TextField("objet de l'avenant")
    cap = models.DecimalField("nouveau plafond", **MONEY, null=True, blank=True)
    amount = models.DecimalField("nouveau montant", **MONEY, null=True, blank=True)
    valid_until = models.DateField("nouvelle fin de validité", null=True, blank=True)
    programme_end = models.DateField("nouvelle fin du programme", null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreement", "number"]
        verbose_name = "avenant"
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="unique_amendment_number")
        ]

    def __str__(self) -> str:
        return f"Avenant n° {self.number} — {self.agreement.reference}"


class Repayment(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="repayments")
    requested_on = models.DateField("demandé le")
    amount = models.DecimalField("montant", **MONEY)
    ground = models.TextField("motif")
    total = models.BooleanField("reversement total", default=False)
    received_on = models.DateField("reçu le", null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreement", "requested_on"]
        verbose_name = "reversement"

    def __str__(self) -> str:
        return f"Reversement du {self.requested_on:%d/%m/%Y} — {self.amount} €"


class ReminderSent(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=30, choices=_choices(ObligationKind))
    due_on = models.DateField()
    sent_on = models.DateField()
    recipients = models.JSONField(default=list)

    class Meta:
        ordering = ["agreement", "-sent_on"]

    def __str__(self) -> str:
        return f"Rappel {self.kind} du {self.sent_on:%d/%m/%Y}"


class CalendarAccess(models.Model):
    """The version of a person's calendar subscription links: revoking them all bumps it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_access"
    )
    version = models.PositiveIntegerField(default=1)
    revoked_at = models.DateTimeField("liens révoqués le", null=True, blank=True)

    class Meta:
        verbose_name = "abonnement au calendrier"

    def __str__(self) -> str:
        return f"Abonnement au calendrier de {self.user} (version {self.version})"
