"""Administrators link beneficiary accounts to their organisation here; agreements are
managed on the grants officer's pages, where the rules are applied."""

from django.contrib import admin

from registre.web.accounts.models import User

from . import models
from .siret import validate_siret


@admin.register(models.Beneficiary)
class BeneficiaryAdmin(admin.ModelAdmin):
    """One record per authority and organisation: the same SIRET under another authority is shown
    here as a hint (to link the same accounts deliberately), never merged."""

    list_display = ("name", "authority", "siret", "email")
    list_filter = ("authority",)
    search_fields = ("name", "siret")
    filter_horizontal = ("accounts",)
    readonly_fields = ("same_siret_elsewhere",)

    @admin.display(description="même SIRET dans d'autres collectivités")
    def same_siret_elsewhere(self, obj) -> str:
        if obj is None or not obj.siret:
            return "—"
        others = models.Beneficiary.objects.filter(siret=obj.siret).exclude(pk=obj.pk)
        return ", ".join(f"{o.name} ({o.authority})" for o in others.select_related("authority")) or "aucun"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "accounts":
            kwargs["queryset"] = User.objects.filter(role=User.BENEFICIARY)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        def clean_siret(self):
            return validate_siret(self.cleaned_data.get("siret", ""))

        form.clean_siret = clean_siret
        return form


@admin.register(models.Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ("reference", "authority", "beneficiary", "financial_year", "amount", "signed_on")
    list_filter = ("authority", "financial_year")
    search_fields = ("reference", "beneficiary__name", "object")

    def has_change_permission(self, request, obj=None):
        return False  # payments, amendments and budgets go through the officer's pages and their checks

    def has_add_permission(self, request):
        return False
