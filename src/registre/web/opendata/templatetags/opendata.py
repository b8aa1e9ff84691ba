"""{% history_link user %}: on a back-office dashboard, the imported rows waiting to be completed."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html

from registre.opendata.schemas import DELIBERATIONS, GRANTS
from registre.web.accounts.permissions import authority_scope

register = template.Library()


@register.simple_tag
def history_link(user):
    authority = authority_scope(user)
    if authority is None:
        return ""
    from registre.web.opendata.history import pending

    count = sum(pending(kind, authority).count() for kind in (GRANTS, DELIBERATIONS))
    if not count:
        return ""
    return format_html(
        '<p class="notice" data-history="{}"><a href="{}">Historique importé à compléter : {} ligne(s)</a> '
        "— gardées telles que publiées, hors des données ouvertes tant qu'elles ne sont pas complétées.</p>",
        count,
        reverse("opendata:history"),
        count,
    )
