"""Checking the register against its chains: every act's stored words against its fingerprint,
every link against the previous act, and the columns lists and exports read against the words."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from registre.opendata.chain import Link, verify

from .models import Authority, Deliberation, PublishedAct


@dataclass
class ChainReport:
    authorities: int = 0
    acts: int = 0
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (authority, number, problem)

    @property
    def intact(self) -> bool:
        return not self.problems


def _column_problems(act: PublishedAct, stored: dict) -> list[str]:
    """What the act's columns (and its deliberation's) say that its content does not."""
    try:
        data = json.loads(act.content)
        words, figures = data["act"], data["figures"]
    except (ValueError, KeyError, TypeError):
        return []  # already named by the chain's check
    expected = {
        "number": words.get("number"),
        "year": words.get("year"),
        "sequence": words.get("sequence"),
        "kind": words.get("kind"),
        "title": words.get("title"),
        "actes_code": words.get("actes_code"),
        "budget_line": words.get("budget_line"),
        "authority_name": data.get("authority", {}).get("name"),
        "authority_siret": data.get("authority", {}).get("siret") or "",
        "meeting_date": data.get("meeting", {}).get("date"),
        "published_at": data.get("published_at"),
        **{
            name: figures.get(name)
            for name in ("members_in_office", "voters", "votes_for", "votes_against", "abstentions")
        },
    }
    problems = []
    for name, value in expected.items():
        column = getattr(act, name)
        if isinstance(column, dt.datetime | dt.date):
            column = column.isoformat()
        if column != value:
            problems.append(f"la colonne {name} ne dit pas ce que dit l'acte")
    if stored.get("status") != Deliberation.PUBLISHED:
        problems.append("la délibération n'est plus marquée publiée")
    for name in ("number", "title", "text", "decision", "actes_code"):
        if stored.get(name) != words.get(name):
            problems.append(f"la délibération ({name}) ne dit plus ce que dit l'acte")
    return problems


def verify_register(authority: Authority | None = None) -> ChainReport:
    report = ChainReport()
    authorities = Authority.objects.filter(acts__isnull=False).distinct().order_by("slug")
    if authority is not None:
        authorities = authorities.filter(pk=authority.pk)
    for current in authorities:
        report.authorities += 1
        acts = list(
            PublishedAct.objects.filter(authority=current).select_related("deliberation").order_by("position")
        )
        report.acts += len(acts)
        links = [
            Link(current.slug, a.position, a.number, a.fingerprint, a.previous_fingerprint, a.content)
            for a in acts
        ]
        for link, problem in verify(links):
            report.problems.append((current.slug, link.number, problem))
        for act in acts:
            d = act.deliberation
            stored = {
                "status": d.status,
                "number": d.number,
                "title": d.title,
                "text": d.text,
                "decision": d.decision,
                "actes_code": d.actes_code,
            }
            report.problems += [(current.slug, act.number, p) for p in _column_problems(act, stored)]
    return report
