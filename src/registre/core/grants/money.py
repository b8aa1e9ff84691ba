"""Amounts in euros as Decimal (to the cent) and their French spelling."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def euros(value: Decimal | int | str) -> Decimal:
    """An amount to the cent: 45000, "45 000", "45 000,50", Decimal("45000")."""
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        cleaned = value.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "")
        cleaned = cleaned.replace(",", ".")
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(f"montant illisible : « {value} »") from None
    else:
        raise TypeError(f"montant de type inattendu : {type(value).__name__}")
    if not amount.is_finite():
        raise ValueError(f"montant illisible : « {value} »")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_euros(amount: Decimal) -> str:
    """45000 -> "45 000 €", 1234.5 -> "1 234,50 €" (French grouping, narrow no-break space)."""
    amount = euros(amount)
    sign = "-" if amount < 0 else ""
    whole, cents = divmod(abs(amount) * 100, 100)
    digits = f"{int(whole):,}".replace(",", "\u202f")
    text = digits if cents == 0 else f"{digits},{int(cents):02d}"
    return f"{sign}{text}\u00a0€"


def format_percent(share: Decimal, places: int = 1) -> str:
    """Decimal("0.50212") -> "50,2 %"."""
    value = (share * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{value}".replace(".", ",") + "\u00a0%"


def share_of(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole as an exact Decimal fraction, None when whole is zero."""
    if not whole:
        return None
    return Decimal(part) / Decimal(whole)
