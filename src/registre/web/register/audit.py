"""The audit trail: every change to every record of the register and of the grants — who, when,
which record, old and new values — kept by django-auditlog (one append-only table,
``auditlog_logentry``; the database refuses to change or delete its rows, migration 0005).

Each entry carries the record's authority (``additional_data["authority"]``) so that an
authority's clerks read their own trail. Writes made through ``QuerySet.update`` or
``bulk_create`` bypass the model signals auditlog listens to: the register's services use
``save()``; bulk loads (the importer's attendance lists, the bench) say so in their own logs.
"""

from __future__ import annotations

import operator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps

# Every audited model, and how to reach its authority's id from a record.
AUDITED = {
    "register.Authority": "pk",
    "register.Council": "authority_id",
    "register.Member": "council.authority_id",
    "register.Meeting": "council.authority_id",
    "register.Item": "meeting.council.authority_id",
    "register.RollCallBallot": "item.meeting.council.authority_id",
    "register.Attendance": "meeting.council.authority_id",
    "register.Proxy": "meeting.council.authority_id",
    "register.Deliberation": "authority_id",
    "register.PublishedAct": "authority_id",
    "opendata.DeliberationOpenData": "deliberation.authority_id",
    "opendata.ImportedGrant": "authority_id",
    "opendata.ImportedDeliberation": "authority_id",
    "opendata.ImportCompletion": "grant.authority_id|deliberation.authority_id",
    "grants.Beneficiary": "authority_id",
    "grants.CalendarAccess": "user.authority_id",
    "grants.Agreement": "authority_id",
    "grants.Tranche": "agreement.authority_id",
    "grants.Payment": "agreement.authority_id",
    "grants.BudgetLine": "agreement.authority_id",
    "grants.Objective": "agreement.authority_id",
    "grants.ObjectiveResult": "objective.agreement.authority_id",
    "grants.Submission": "agreement.authority_id",
    "grants.IndicatorReport": "agreement.authority_id",
    "grants.IndicatorValue": "report.agreement.authority_id",
    "grants.Amendment": "agreement.authority_id",
    "grants.Repayment": "agreement.authority_id",
    "grants.ReminderSent": "agreement.authority_id",
}
M2M = {"register.Item": ["interested_members"]}
# Long texts already frozen in the act itself, or derived: not repeated in every entry.
EXCLUDED = {
    "register.Deliberation": ["search_text", "corrections"],
    "register.PublishedAct": ["content", "corrections"],
}


def _authority_getter(path: str | None):
    """``path``: attributes to the authority's id; ``a|b``: the first of them that names one."""
    if path is None:
        return lambda self: {"authority": None}
    getters = [operator.attrgetter(alternative) for alternative in path.split("|")]

    def get_additional_data(self) -> dict:
        for get in getters:
            try:
                authority = get(self)
            except Exception:  # a half-deleted record, or the other alternative: the entry stays
                continue
            if authority is not None:
                return {"authority": authority}
        return {"authority": None}

    return get_additional_data


def register_models() -> None:
    """Called once, from RegisterConfig.ready()."""
    from auditlog.models import LogEntry
    from auditlog.registry import auditlog
    from django.db.models.signals import pre_save

    pre_save.connect(_fill_actor, sender=LogEntry, dispatch_uid="registre-audit-actor", weak=False)
    for label, path in AUDITED.items():
        app_label, _name = label.split(".")
        if not apps.is_installed(f"registre.web.{app_label}") and app_label not in apps.app_configs:
            continue
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if auditlog.contains(model):
            continue
        model.get_additional_data = _authority_getter(path)
        auditlog.register(model, m2m_fields=set(M2M.get(label, ())), exclude_fields=EXCLUDED.get(label, []))


_actor: ContextVar = ContextVar("registre_audit_actor", default=None)


def _fill_actor(sender, instance, **kwargs) -> None:
    """Every entry names who made the change (and keeps the name should the account go)."""
    user = _actor.get()
    if instance.actor_id is None and getattr(user, "is_authenticated", False):
        instance.actor = user
        instance.actor_email = user.email or None
    name = instance.actor.get_username() if instance.actor_id else None
    instance.additional_data = {**(instance.additional_data or {}), "actor": name}


class AuditMiddleware:
    """The changes a request makes are its user's (reset after the request: threads are reused)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = _actor.set(user if getattr(user, "is_authenticated", False) else None)
        try:
            return self.get_response(request)
        finally:
            _actor.reset(token)


def attribute_to(user) -> None:
    """The rest of this request's changes are ``user``'s (the API authenticates after the middleware)."""
    if getattr(user, "is_authenticated", False):
        _actor.set(user)


@contextmanager
def acting(user):
    """The changes made here are ``user``'s (CLI, demo, a service called with its actor)."""
    token = _actor.set(user if getattr(user, "is_authenticated", False) else _actor.get())
    try:
        yield
    finally:
        _actor.reset(token)


def entries_for(authority=None):
    """The trail, newest first: one authority's (its clerks), or everything (the administrator)."""
    from auditlog.models import LogEntry

    entries = LogEntry.objects.select_related("content_type", "actor").order_by("-timestamp", "-pk")
    if authority is not None:
        entries = entries.filter(additional_data__authority=authority.pk)
    return entries


def changes_of(entry) -> list[tuple[str, str, str]]:
    """(field, old, new) of one entry, as text; a many-to-many change says what was added or removed."""
    rows = []
    for name, values in (entry.changes_dict or {}).items():
        if isinstance(values, dict):  # many-to-many: {"type": "m2m", "operation": …, "objects": […]}
            verb = "ajout" if values.get("operation") == "add" else "retrait"
            rows.append((name, "", f"{verb} : " + ", ".join(map(str, values.get("objects", [])))))
        else:
            old, new = (list(values) + [None, None])[:2]
            rows.append((name, "∅" if old is None else str(old), "∅" if new is None else str(new)))
    return rows


def trail(entries) -> list[tuple]:
    return [(entry, changes_of(entry)) for entry in entries]
