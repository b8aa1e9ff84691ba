"""The amount of a grant as its deliberation states it: in the budget line ("Montant de
l'opération : 45 000 €"), else in the decision or the text ("attribue une subvention de
12 500 € à …"). When none can be read, the reason says why, for the grants officer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_NUMBER = r"(\d[\d\s\u00a0\u202f.]*(?:,\d{1,2})?)\s*(?:€|euros?\b)"
_OPERATION = re.compile(r"Montant\s+de\s+l'op[ée]ration\s*:\s*" + _NUMBER, re.I)
# "une subvention de 12 500 €", "une subvention de fonctionnement d'un montant de 3 000,00 euros"
_GRANT = re.compile(r"subventions?\b[^.;€\d]{0,120}?" + _NUMBER, re.I)


@dataclass(frozen=True)
class GrantAmount:
    amount: Decimal | None
    source: str = ""  # where it was read: "inscription budgétaire", "décision", "texte"
    reason: str = ""  # why no amount was read


def _decimal(digits: str) -> Decimal:
    return Decimal(re.sub(r"[\s\u00a0\u202f.]", "", digits).replace(",", "."))


def grant_amount(budget_line: str, decision: str, text: str) -> GrantAmount:
    budget = _OPERATION.search((budget_line or "").replace("’", "'"))
    if budget:
        return GrantAmount(_decimal(budget.group(1)), "inscription budgétaire")
    for source, words in (("décision", decision), ("texte", text)):
        amounts = sorted({_decimal(m.group(1)) for m in _GRANT.finditer((words or "").replace("’", "'"))})
        if len(amounts) == 1:
            return GrantAmount(amounts[0], source)
        if len(amounts) > 1:
            listed = ", ".join(f"{a:,.2f} €".replace(",", " ").replace(".", ",") for a in amounts)
            return GrantAmount(
                None, reason=f"Montant non lu : la {source} cite plusieurs montants de subvention ({listed})."
            )
    return GrantAmount(
        None,
        reason="Montant non lu : ni l'inscription budgétaire, ni la décision, ni le texte n'indiquent "
        "« subvention de … € ».",
    )
