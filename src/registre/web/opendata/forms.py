"""The completion form of an imported row: one text field per SCDL column, checked as an export is.

The form only carries text; reading and judging the values is the same path as an import
(registre.opendata.reading), done by the service (history.complete_imported_row).
"""

from __future__ import annotations

from django import forms

from registre.opendata.reading import FIELDS
from registre.opendata.schemas import official_schema
from registre.web.register.forms import Accessible

LONG_TEXT = {"objet", "conditionsVersement", "DELIB_OBJET"}


class CompletionForm(Accessible, forms.Form):
    def __init__(self, kind: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        schema = official_schema(kind)
        required = {
            f["name"] for f in schema.descriptor["fields"] if f.get("constraints", {}).get("required")
        }
        for name in FIELDS[kind]:
            spec = schema.fields[name]
            widget = forms.Textarea(attrs={"rows": 3}) if name in LONG_TEXT else forms.TextInput
            self.fields[name] = forms.CharField(
                label=f"{spec.get('title', name)} ({name})",
                required=False,  # the schema's checks decide, with their own words
                strip=True,
                widget=widget,
                help_text=_hint(spec) + (" Obligatoire." if name in required else ""),
            )

    def cells(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in FIELDS[self.kind]}

    def refuse(self, findings) -> None:
        """Each finding at its field (or above the form), with its rule."""
        for finding in findings:
            text = f"{finding.message} [règle {finding.rule}]"
            self.add_error(finding.field if finding.field in self.fields else None, text)


def _hint(spec: dict) -> str:
    example = spec.get("example")
    return f"Exemple : {example}." if example else ""
