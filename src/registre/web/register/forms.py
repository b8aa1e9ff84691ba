"""What every form of the web layer shares: French messages of our own on every field (Django's
defaults never show: no "inférieure ou égale à 9223372036854775807", no "Assurez-vous qu'il n'y a
pas plus de 0 chiffre après la virgule"), fields in error announced to assistive technologies,
and the error summary's count of messages (never "1 erreur" above three)."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator

LARGEST_NUMBER = 2**31 - 1  # PostgreSQL's integer; SQLite would take up to 2**63 - 1

# Our wording, by error code; the form's own message, when it has one, wins.
MESSAGES = {
    "invalid_choice": "Choisissez une valeur de la liste.",
    "invalid_list": "Choisissez des valeurs de la liste.",
    "invalid_pk_value": "Choisissez des valeurs de la liste.",
    "max_length": "%(limit_value)d caractères au plus (vous en avez saisi %(show_value)d).",
    "min_length": "%(limit_value)d caractères au moins (vous en avez saisi %(show_value)d).",
    "min_value": "Saisissez un nombre supérieur ou égal à %(limit_value)s.",
    "max_value": "Saisissez un nombre inférieur ou égal à %(limit_value)s.",
    "step_size": "Saisissez un multiple de %(limit_value)s.",
    "max_digits": "Ce nombre est trop long : %(max)s chiffres au plus.",
    "max_whole_digits": "Ce nombre est trop grand : %(max)s chiffres au plus avant la virgule.",
    "max_decimal_places": "%(max)s chiffres au plus après la virgule.",
    "missing": "Aucun fichier n'a été envoyé : choisissez-le à nouveau.",
    "empty": "Le fichier envoyé est vide.",
    "contradiction": "Envoyez un fichier ou cochez la case pour le retirer, pas les deux.",
}
INVALID = {
    forms.IntegerField: "Saisissez un nombre entier.",
    forms.DecimalField: "Saisissez un nombre, par exemple 45000 ou 45000,50.",
    forms.FloatField: "Saisissez un nombre, par exemple 45000 ou 45000,50.",
    forms.DateField: "Saisissez une date valide, par exemple 07/10/2021.",
    forms.TimeField: "Saisissez une heure valide, par exemple 18:30.",
    forms.DateTimeField: "Saisissez une date et une heure valides.",
    forms.EmailField: "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.",
    forms.URLField: "Saisissez une adresse web valide, par exemple https://exemple.fr/.",
    forms.FileField: "Le fichier n'a pas pu être lu.",
}


def _default_messages(field: forms.Field) -> dict[str, str]:
    found: dict[str, str] = {}
    for cls in reversed(type(field).__mro__):
        found.update({code: str(text) for code, text in getattr(cls, "default_error_messages", {}).items()})
    return found


def _required(field: forms.Field) -> str:
    """Shown beside the field's label, and after it in the summary: the label is not repeated."""
    if isinstance(field, forms.FileField):
        return "Choisissez un fichier."
    if isinstance(field, forms.BooleanField):
        return "Cochez cette case."
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return "Choisissez une valeur."
    return "Renseignez ce champ."


def french_messages(field: forms.Field) -> None:
    """Give ``field`` our messages wherever it would show Django's own (once per field)."""
    if getattr(field, "_french", False):
        return
    field._french = True  # type: ignore[attr-defined]
    defaults = _default_messages(field)
    ours = dict(MESSAGES, required=_required(field))
    for kind in type(field).__mro__:  # the most precise first: a DecimalField is an IntegerField
        if kind in INVALID:
            ours["invalid"] = INVALID[kind]
            break
    if isinstance(field, forms.DecimalField) and field.decimal_places == 0:
        ours["max_decimal_places"] = "Saisissez un nombre entier, sans décimales."
    for code, text in ours.items():
        current = field.error_messages.get(code)
        if current is None or str(current) == defaults.get(code):
            field.error_messages[code] = text
    whole = isinstance(field, forms.IntegerField) and not isinstance(
        field, forms.DecimalField | forms.FloatField
    )
    if whole and field.max_value is None:
        # below the database's own limit, which a model field would otherwise report in 19 digits
        cap = MaxValueValidator(LARGEST_NUMBER, message="Ce nombre est trop grand.")
        cap.code = "too_large"
        field.validators.append(cap)
    if isinstance(field, forms.CharField):
        # no maxlength attribute: a browser would cut a pasted text silently; the field says why
        field.widget.attrs.pop("maxlength", None)


class Accessible:
    """French messages of our own; fields in error say so to assistive technologies
    (aria-invalid, aria-describedby)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            french_messages(field)

    def full_clean(self):
        for field in self.fields.values():  # including the fields a form adds after __init__
            french_messages(field)
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                described = [self[name].auto_id + "_errors"]
                if self.fields[name].help_text:
                    described.append(self[name].auto_id + "_helptext")
                widget.attrs.update({"aria-invalid": "true", "aria-describedby": " ".join(described)})


def error_count(form: forms.BaseForm) -> int:
    """Every message the summary lists: the form's own and each field's."""
    return sum(len(errors) for errors in form.errors.values())
