"""Deliberation numbers: year/sequence within an authority, as "2021/005795"."""

from __future__ import annotations

from django.db.models import Max

from .models import Authority, Deliberation


def next_sequence(authority: Authority, year: int) -> int:
    """Call inside the transaction that creates the deliberation (the unique constraint guards races)."""
    last = Deliberation.objects.filter(authority=authority, year=year).aggregate(last=Max("sequence"))["last"]
    return (last or 0) + 1


def next_number(authority: Authority, year: int) -> tuple[int, int, str]:
    sequence = next_sequence(authority, year)
    return year, sequence, Deliberation.format_number(year, sequence)
