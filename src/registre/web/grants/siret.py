"""SIRET checked by python-stdnum (outside the core, which takes the check as a function)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from stdnum.fr import siret as stdnum_siret


def is_valid_siret(value: str) -> bool:
    return bool(stdnum_siret.is_valid(value))


def validate_siret(value: str) -> str:
    """The compact SIRET, or a French ValidationError."""
    compact = stdnum_siret.compact(value or "")
    if not compact:
        return ""
    if not compact.isdigit() or len(compact) != 14:
        raise ValidationError("Un SIRET compte 14 chiffres.")
    if not stdnum_siret.is_valid(compact):
        raise ValidationError("SIRET invalide : la clé de contrôle ne correspond pas.")
    return compact
