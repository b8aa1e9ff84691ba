"""Deliberation numbers: year/sequence within an authority, as "2021/005795".

A new act gets its number when it is published (register.services): an abandoned draft leaves no
gap. An imported act keeps the number its source gave it; other schemes get the next free one.
"""

from __future__ import annotations

from django.db.models import Max

from .models import Authority, Deliberation


def next_sequence(authority: Authority, year: int) -> int:
    """Call inside the transaction that numbers the deliberation (the unique constraint guards races)."""
    last = Deliberation.objects.filter(authority=authority, year=year).aggregate(last=Max("sequence"))["last"]
    return (last or 0) + 1
