"""``{% load registre_forms %}{{ form|error_count }}``: the number of messages of a form."""

from django import template

from ..forms import error_count as count

register = template.Library()


@register.filter
def error_count(form) -> int:
    return count(form)
