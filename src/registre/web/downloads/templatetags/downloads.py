"""{% load downloads %} then {% download_links deliberation %} (public) or
{% clerk_download_links meeting_or_deliberation %} (clerk pages)."""

from django import template
from django.urls import reverse

from registre.web.register.models import Deliberation, Meeting

register = template.Library()

_FORMATS = (("pdf", "PDF", "PDF/A, environ 250 Ko"), ("docx", "DOCX", "Word modifiable, environ 40 Ko"))


def _links(label, name, args):
    return [
        {
            "url": reverse(f"downloads:{name}", args=[*args, fmt]),
            "label": f"{label} ({short})",
            "hint": hint,
            "format": fmt,
        }
        for fmt, short, hint in _FORMATS
    ]


@register.inclusion_tag("downloads/links.html")
def download_links(record):
    """Public: a published deliberation's extract, or a meeting's list of its published deliberations."""
    if isinstance(record, Meeting):
        published = Deliberation.objects.filter(item__meeting=record, status=Deliberation.PUBLISHED).exists()
        links = (
            _links("Télécharger la liste des délibérations", "public_list", [record.pk]) if published else []
        )
    else:
        links = _links("Télécharger l'extrait", "public_extract", [record.pk]) if record.is_published else []
    return {"links": links}


@register.inclusion_tag("downloads/links.html")
def clerk_download_links(record):
    if isinstance(record, Deliberation):
        links = _links("Télécharger l'extrait", "clerk_extract", [record.pk])
    elif isinstance(record, Meeting):
        links = _links(
            "Télécharger la liste des délibérations", "clerk_meeting", [record.pk, "list"]
        ) + _links("Télécharger le procès-verbal", "clerk_meeting", [record.pk, "minutes"])
    else:
        links = []
    return {"links": links}
