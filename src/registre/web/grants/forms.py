"""Forms: French labels and errors at the field; the core's refusals land on their field."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from registre.core import grants as core
from registre.web.register.forms import Accessible
from registre.web.register.models import Deliberation

from . import models
from .siret import validate_siret
from .uploads import check_upload, max_bytes

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def add_refusal(form: forms.Form, refused: core.GrantRefused) -> None:
    for finding in refused.violations:
        field = finding.field if finding.field in form.fields else None
        form.add_error(field, finding.message)


def approving_deliberations(authority):
    """What may approve an agreement or an amendment: the authority's published deliberations only."""
    return (
        Deliberation.objects.filter(authority=authority, status=Deliberation.PUBLISHED)
        .select_related("item__meeting")
        .order_by("-year", "-sequence")
    )


class DeliberationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"n°{obj.number} — {obj.title[:80]}"


class PaymentForm(Accessible, forms.Form):
    prefix = "payment"
    paid_on = forms.DateField(label="Versé le", widget=DATE)
    amount = forms.DecimalField(label="Montant (€)", max_digits=14, decimal_places=2)
    reference = forms.CharField(label="Référence du mandat", max_length=100, required=False)
    tranche = forms.ModelChoiceField(
        label="Tranche",
        queryset=models.Tranche.objects.none(),
        required=False,
        empty_label="— hors échéancier —",
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tranche"].queryset = agreement.tranches.all()
        self.fields["tranche"].label_from_instance = lambda t: t.label or t.get_trigger_display()


class AmendmentForm(Accessible, forms.Form):
    prefix = "amendment"
    description = forms.CharField(label="Objet de l'avenant", widget=forms.Textarea(attrs={"rows": 2}))
    deliberation = DeliberationChoiceField(
        label="Délibération qui l'approuve (publiée)",
        required=False,
        queryset=Deliberation.objects.none(),
        empty_label="— pas encore délibéré —",
    )
    signed_on = forms.DateField(label="Signé le", widget=DATE, required=False)
    cap = forms.DecimalField(label="Nouveau plafond (€)", max_digits=14, decimal_places=2, required=False)
    amount = forms.DecimalField(label="Nouveau montant (€)", max_digits=14, decimal_places=2, required=False)
    valid_until = forms.DateField(label="Nouvelle fin de validité", widget=DATE, required=False)
    programme_end = forms.DateField(label="Nouvelle fin du programme", widget=DATE, required=False)

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deliberation"].queryset = approving_deliberations(agreement.authority)


class RepaymentForm(Accessible, forms.Form):
    prefix = "repayment"
    requested_on = forms.DateField(label="Demandé le", widget=DATE)
    amount = forms.DecimalField(label="Montant (€)", max_digits=14, decimal_places=2)
    ground = forms.ChoiceField(label="Motif (prévu par la convention)")
    total = forms.BooleanField(label="Reversement total", required=False)

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [(g, g) for g in agreement.repayment_grounds]


class TerminationForm(Accessible, forms.Form):
    prefix = "termination"
    formal_notice_on = forms.DateField(
        label="Mise en demeure (lettre recommandée avec AR) le", widget=DATE, required=False
    )
    terminated_on = forms.DateField(label="Résiliation effective le", widget=DATE)
    without_notice = forms.BooleanField(
        label="Sans préavis (déclarations fausses ou incomplètes)", required=False
    )
    ground = forms.CharField(label="Motif", widget=forms.Textarea(attrs={"rows": 2}))


class PublicationForm(Accessible, forms.Form):
    prefix = "publication"
    published_on = forms.DateField(label="Données essentielles publiées le", widget=DATE)


class ReviewForm(Accessible, forms.Form):
    decision = forms.ChoiceField(
        label="Décision", choices=[("accept", "Accepter"), ("reject", "Refuser, à reprendre")]
    )
    comment = forms.CharField(label="Observations", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("comment", "").strip():
            self.add_error("comment", "Indiquez au bénéficiaire ce qui est à reprendre.")
        return data


class BudgetLineForm(Accessible, forms.Form):
    # the select shows "Dépense" first: as the initial value, a blank row left alone is unchanged
    # (the formset skips it) instead of a half-filled line to tick "Supprimer" on
    side = forms.ChoiceField(
        label="Nature",
        choices=models.BudgetLine._meta.get_field("side").choices,
        initial=models.BudgetLine.EXPENSE,
    )
    funder = forms.ChoiceField(
        label="Financeur",
        required=False,
        choices=[("", "—")] + list(models.BudgetLine._meta.get_field("funder").choices),
    )
    label = forms.CharField(label="Libellé", max_length=200)
    amount = forms.DecimalField(label="Montant (€)", max_digits=14, decimal_places=2, min_value=0)

    def clean(self):
        data = super().clean()
        if data.get("side") == models.BudgetLine.REVENUE and not data.get("funder"):
            self.add_error("funder", "Indiquez le financeur de cette recette.")
        return data


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=2, can_delete=True)


class BudgetTotalsForm(Accessible, forms.Form):
    stated_expenses = forms.DecimalField(
        label="Total des dépenses indiqué", max_digits=14, decimal_places=2, required=False
    )
    stated_public = forms.DecimalField(
        label="Total du financement public indiqué", max_digits=14, decimal_places=2, required=False
    )
    stated_private = forms.DecimalField(
        label="Total du financement privé indiqué", max_digits=14, decimal_places=2, required=False
    )
    stated_revenues = forms.DecimalField(
        label="Total des recettes indiqué", max_digits=14, decimal_places=2, required=False
    )


class SubmissionForm(Accessible, forms.Form):
    kind = forms.ChoiceField(label="Document", choices=models.Submission.KINDS)
    year = forms.IntegerField(label="Exercice", min_value=2000, max_value=2100)
    file = forms.FileField(label="Fichier", help_text="")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = f"PDF, ODT, ODS, DOCX, XLSX, PNG ou JPEG ; {max_bytes() // (1024 * 1024)} Mo au plus."

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = check_upload(upload)
        return upload


_COMPANY_LINE = re.compile(r"^(?P<company>.+?)\s*[;:|]\s*(?P<value>-?\d[\d\s]*(?:[.,]\d+)?)\s*$")


class IndicatorsForm(Accessible, forms.Form):
    """One field per indicator; per-company indicators are one line per company ("Entreprise ; 3")."""

    year = forms.IntegerField(label="Année", min_value=2000, max_value=2100)

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            name = self.field_name(indicator)
            if indicator.per_company:
                self.fields[name] = forms.CharField(
                    label=f"{indicator.label} ({indicator.scope.label})",
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    help_text="Une ligne par entreprise : « Nom de l'entreprise ; nombre ».",
                )
            else:
                unit = " (€)" if indicator.unit.value == "euros" else ""
                self.fields[name] = forms.DecimalField(
                    label=f"{indicator.label}{unit} — {indicator.scope.label}",
                    required=False,
                    min_value=0,
                    max_digits=16,
                    decimal_places=2 if indicator.unit.value == "euros" else 0,
                )

    @staticmethod
    def field_name(indicator) -> str:
        return "i_" + indicator.key.replace(".", "__")

    def clean(self):
        data = super().clean()
        values = []
        for indicator in self.indicators:
            raw = data.get(self.field_name(indicator))
            if indicator.per_company:
                for number, line in enumerate((raw or "").splitlines(), start=1):
                    if not line.strip():
                        continue
                    match = _COMPANY_LINE.match(line.strip())
                    if not match:
                        self.add_error(
                            self.field_name(indicator),
                            f"Ligne {number} : attendu « Nom de l'entreprise ; nombre ».",
                        )
                        continue
                    value = Decimal(re.sub(r"\s", "", match.group("value")).replace(",", "."))
                    values.append(core.IndicatorValue(indicator.key, value, match.group("company").strip()))
            elif raw is not None:
                values.append(core.IndicatorValue(indicator.key, raw))
        if not values and not self.errors:
            raise ValidationError("Renseignez au moins un indicateur.")
        self.values = values
        return data


class ResultsForm(Accessible, forms.Form):
    year = forms.IntegerField(label="Année", min_value=2000, max_value=2100)

    def __init__(self, *args, objectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.objectives = [o for o in objectives if o.target_kind and not o.measure]
        for objective in self.objectives:
            self.fields[f"o_{objective.pk}"] = forms.DecimalField(
                label=objective.text[:200], required=False, min_value=0, max_digits=14, decimal_places=2
            )

    def clean(self):
        data = super().clean()
        self.results = [
            core.ReportedResult(o.key, data[f"o_{o.pk}"], data.get("year"))
            for o in self.objectives
            if data.get(f"o_{o.pk}") is not None
        ]
        if not self.results and not self.errors:
            raise ValidationError("Renseignez au moins un résultat.")
        return data


class AgreementForm(Accessible, forms.Form):
    """A new agreement linked to its deliberation; the annexes are entered on the agreement's pages."""

    deliberation = DeliberationChoiceField(
        label="Délibération d'approbation (publiée)",
        queryset=Deliberation.objects.none(),
        empty_label="— choisir —",
    )
    reference = forms.CharField(label="Référence", max_length=60)
    beneficiary_name = forms.CharField(label="Bénéficiaire", max_length=200)
    beneficiary_siret = forms.CharField(label="SIRET du bénéficiaire", max_length=20, required=False)
    object = forms.CharField(label="Objet", widget=forms.Textarea(attrs={"rows": 3}))
    amount = forms.DecimalField(label="Montant (€)", max_digits=14, decimal_places=2, min_value=0)
    cap = forms.DecimalField(label="Plafond (€)", max_digits=14, decimal_places=2, min_value=0)
    budget_line = forms.CharField(label="Inscription budgétaire", max_length=300, required=False)
    financial_year = forms.IntegerField(label="Exercice", min_value=2000, max_value=2100)
    signed_on = forms.DateField(label="Signée le", widget=DATE, required=False)
    transmitted_on = forms.DateField(label="Transmise en préfecture le", widget=DATE, required=False)
    valid_until = forms.DateField(label="Fin de validité", widget=DATE, required=False)
    share_at_signature = forms.DecimalField(
        label="Part versée à la signature (%)", min_value=0, max_value=100, initial=100, decimal_places=2
    )

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority = authority
        self.fields["deliberation"].queryset = approving_deliberations(authority)

    def clean_beneficiary_siret(self):
        return validate_siret(self.cleaned_data["beneficiary_siret"])

    def clean(self):
        """A SIRET already known to this authority under another name: suggest that name. Only this
        authority's beneficiaries are searched; another authority's records are never shown."""
        data = super().clean()
        name, siret = (data.get("beneficiary_name") or "").strip(), data.get("beneficiary_siret")
        if siret and name:
            known = (
                models.Beneficiary.objects.filter(authority=self.authority, siret=siret)
                .exclude(name=name)
                .first()
            )
            if known is not None:
                self.add_error(
                    "beneficiary_name",
                    f"Ce SIRET est celui de « {known.name} », bénéficiaire déjà enregistré par votre "
                    "collectivité : reprenez ce nom pour lui rattacher la convention.",
                )
        return data

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        if models.Agreement.objects.filter(authority=self.authority, reference=reference).exists():
            raise ValidationError("Une convention porte déjà cette référence.")
        return reference
