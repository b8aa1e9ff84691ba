from decimal import Decimal

from django import template

from registre.core.grants.dates import format_date
from registre.core.grants.money import format_euros, format_percent

register = template.Library()


@register.filter
def euros(value):
    return "—" if value is None or value == "" else format_euros(Decimal(value))


@register.filter
def percent(value):
    return "—" if value is None else format_percent(Decimal(value))


@register.filter
def fdate(value):
    return format_date(value)


@register.filter
def number(value):
    if value is None:
        return "—"
    value = Decimal(value).normalize()
    return f"{value:,f}".replace(",", "\u202f").replace(".", ",")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
