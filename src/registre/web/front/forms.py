"""The public search form: every bad input gets a French message at its field."""

from __future__ import annotations

import time
from functools import lru_cache

from django import forms
from django.db import connection
from django.db.models import Exists, OuterRef
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from registre.opendata import actes
from registre.web.register.models import Authority, Deliberation

MAX_PAGE = 400  # 10,000 results at 25 a page: narrow the search beyond that


AUTHORITIES_TTL = 60.0  # seconds: a newly published authority appears in the filter within a minute
_authorities: tuple[float, str, list] = (0.0, "", [])


def authority_choices() -> list[tuple[str, str]]:
    """Authorities with at least one published deliberation (cached a minute per process and database)."""
    global _authorities
    now, alias = time.monotonic(), _database_key()
    stamp, key, choices = _authorities
    if key != alias or now - stamp > AUTHORITIES_TTL:
        published = Deliberation.objects.filter(authority=OuterRef("pk"), status=Deliberation.PUBLISHED)
        choices = list(
            Authority.objects.filter(Exists(published)).order_by("name").values_list("slug", "name")
        )
        _authorities = (now, alias, choices)
    return choices


def _database_key() -> str:
    return f"{connection.vendor}:{connection.settings_dict.get('NAME')}"


def forget_authorities() -> None:
    """Drop the cached list (tests, and after publishing the first deliberation of an authority)."""
    global _authorities
    _authorities = (0.0, "", [])


@lru_cache(maxsize=256)
def options_html(choices: tuple, selected: str) -> str:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, mark_safe(" selected") if str(value) == selected else "", label)
            for value, label in choices
        ),
    )


@lru_cache(maxsize=1)
def subject_choices() -> list[tuple[str, str]]:
    """ACTES subjects, levels 1 and 2 ("7 Finances locales", "7.5 Subventions")."""
    level1 = actes.level1_titles()
    choices = []
    for code, title in sorted(level1.items(), key=lambda pair: int(pair[0])):
        choices.append((code, f"{code} {title}"))
        children = [s for s in actes.subjects().values() if s.code.split(".")[0] == code]
        for child in sorted(children, key=lambda s: [int(p) for p in s.code.split(".")]):
            choices.append((child.code, f"\u00a0\u00a0{child.code} {child.title}"))
    return choices


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Rechercher dans les délibérations publiées",
        required=False,
        max_length=200,
        help_text="Des mots de l'objet ou du texte : les accents, les majuscules et les pluriels sont ignorés.",
        error_messages={
            "max_length": "Votre recherche est trop longue : %(limit_value)d caractères au plus "
            "(elle en compte %(show_value)d)."
        },
    )
    date_from = forms.DateField(
        label="Séances à partir du",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Saisissez une date valide, par exemple 07/10/2021."},
    )
    date_to = forms.DateField(
        label="Séances jusqu’au",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Saisissez une date valide, par exemple 07/10/2021."},
    )
    authority = forms.ChoiceField(
        label="Collectivité",
        required=False,
        error_messages={"invalid_choice": "Choisissez une collectivité de la liste."},
    )
    subject = forms.ChoiceField(
        label="Matière (nomenclature ACTES)",
        required=False,
        error_messages={"invalid_choice": "Choisissez une matière de la liste."},
    )
    meeting = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=2**62,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "La séance demandée n'existe pas.",
            "min_value": "La séance demandée n'existe pas.",
            "max_value": "La séance demandée n'existe pas.",
        },
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "Le numéro de page doit être un nombre entier.",
            "min_value": "Le numéro de page commence à 1.",
            "max_value": f"Les résultats s'arrêtent à la page {MAX_PAGE} : précisez votre recherche.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].choices = [("", "Toutes")] + authority_choices()
        self.fields["subject"].choices = [("", "Toutes")] + subject_choices()

    def options(self, name: str) -> str:
        """The <option> elements of a select, the submitted one selected (built here: faster than a loop
        in the template, and the list of subjects is long)."""
        return options_html(tuple(self.fields[name].choices), str(self[name].value() or ""))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "La date de fin doit être postérieure ou égale à la date de début.")
        return cleaned
