"""The public address of a published act: it never changes (slugs of authorities with acts
are frozen, register.immutability), so the open data, the chain and the act itself can cite it."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000/"


def public_url() -> str:
    return getattr(settings, "REGISTRE_PUBLIC_URL", None) or DEFAULT_PUBLIC_URL


def act_url(slug: str, year: int, sequence: int, base_url: str | None = None) -> str:
    """The public page of an act, absolute (``base_url``, else REGISTRE_PUBLIC_URL)."""
    base = (base_url or public_url()).rstrip("/")
    return base + reverse(
        "front:deliberation", kwargs={"authority": slug, "year": year, "sequence": sequence}
    )
