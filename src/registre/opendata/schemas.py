"""The official SCDL Table Schemas shipped with Registre (see schemas/NOTICE.txt)."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DELIBERATIONS = "deliberations"
GRANTS = "subventions"
KINDS = (DELIBERATIONS, GRANTS)
_FILES = {DELIBERATIONS: "scdl-deliberations.schema.json", GRANTS: "scdl-subventions.schema.json"}
LABELS = {DELIBERATIONS: "SCDL Délibérations", GRANTS: "SCDL Subventions"}


@dataclass(frozen=True)
class OfficialSchema:
    kind: str
    descriptor: dict[str, Any]  # verbatim, custom_checks included

    @property
    def version(self) -> str:
        return str(self.descriptor["version"])

    @property
    def source(self) -> str:
        return str(self.descriptor["path"])

    @property
    def title(self) -> str:
        return f"{LABELS[self.kind]} {self.version}"

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f["name"] for f in self.descriptor["fields"])

    @property
    def fields(self) -> dict[str, dict[str, Any]]:
        return {f["name"]: f for f in self.descriptor["fields"]}

    @property
    def custom_checks(self) -> list[dict[str, Any]]:
        return list(self.descriptor.get("custom_checks", []))

    def table_schema(self) -> dict[str, Any]:
        """The descriptor a plain Table Schema validator accepts: without custom_checks."""
        plain = copy.deepcopy(self.descriptor)
        plain.pop("custom_checks", None)
        return plain


def schema_text(kind: str) -> str:
    return resources.files(__package__).joinpath("schemas").joinpath(_FILES[kind]).read_text(encoding="utf-8")


@cache
def official_schema(kind: str) -> OfficialSchema:
    if kind not in _FILES:
        raise ValueError(f"schéma inconnu : {kind!r} (attendu : {', '.join(KINDS)})")
    return OfficialSchema(kind, json.loads(schema_text(kind)))
