"""The administrator's screens. A published act is read-only here too: no path unpublishes,
rewrites or deletes it; a draft is published through the same service as everywhere else, and a
refusal is a French message on the page, never a server error."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import DatabaseError
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from . import services
from .models import (
    Attendance,
    Authority,
    Council,
    Deliberation,
    Item,
    Meeting,
    Member,
    Proxy,
    PublishedAct,
    PublishedRecordError,
    RollCallBallot,
)


def _refusal_text(error: Exception) -> str:
    if isinstance(error, PublishedRecordError):
        return " ".join(error.messages)
    if isinstance(error, ProtectedError):
        return "Suppression refusée : des actes publiés reposent sur cet enregistrement."
    text = str(error)
    return text if text.startswith("registre") else "Opération refusée par la base de données : " + text


class RefusalsAsMessages:
    """What the register refuses (model guards, protected acts, the database's triggers) comes
    back as a message on the page the administrator was on."""

    def _guarded(self, request, view, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (PublishedRecordError, ProtectedError, DatabaseError) as error:
            self.message_user(request, _refusal_text(error), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, *args, **kwargs):
        return self._guarded(request, super().changeform_view, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        return self._guarded(request, super().delete_view, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        return self._guarded(request, super().changelist_view, *args, **kwargs)


@admin.register(Authority)
class AuthorityAdmin(RefusalsAsMessages, admin.ModelAdmin):
    list_display = ("name", "slug", "kind", "siret")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.acts.exists():
            return ("slug",)  # its acts' public addresses
        return ()


@admin.register(Council, Member, Attendance, Proxy, RollCallBallot)
class RecordAdmin(RefusalsAsMessages, admin.ModelAdmin):
    pass


@admin.register(Meeting)
class MeetingAdmin(RefusalsAsMessages, admin.ModelAdmin):
    list_display = ("__str__", "council", "date")


@admin.register(Item)
class ItemAdmin(RefusalsAsMessages, admin.ModelAdmin):
    list_display = ("__str__", "meeting")


@admin.register(Deliberation)
class DeliberationAdmin(RefusalsAsMessages, admin.ModelAdmin):
    list_display = ("label_column", "title", "authority", "status", "publish_link")
    list_filter = ("status", "authority")
    search_fields = ("number", "title")
    readonly_fields = ("number", "year", "sequence", "status", "published_at")

    @admin.display(description="numéro")
    def label_column(self, obj):
        return obj.number or "brouillon"

    @admin.display(description="publication")
    def publish_link(self, obj):
        if obj.is_published:
            return format_html("<code>{}</code>…", obj.act.fingerprint[:16])
        url = reverse("admin:register_deliberation_publish", args=[obj.pk])
        return format_html('<a href="{}">Publier…</a>', url)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_published)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_published)

    def get_urls(self):
        own = [
            path(
                "<int:pk>/publier/",
                self.admin_site.admin_view(self.publish_view),
                name="register_deliberation_publish",
            )
        ]
        return own + super().get_urls()

    def publish_view(self, request, pk):
        """The register's publication service: its reasons, its warnings to acknowledge."""
        deliberation = get_object_or_404(Deliberation, pk=pk)
        if not self.has_change_permission(request, deliberation):
            self.message_user(request, "Cette délibération est déjà publiée.", messages.ERROR)
            return HttpResponseRedirect(reverse("admin:register_deliberation_changelist"))
        refused = None
        if request.method == "POST":
            try:
                act = services.publish(
                    deliberation,
                    actor=request.user,
                    acknowledged=request.POST.getlist("acknowledge"),
                    base_url=request.build_absolute_uri("/"),
                )
            except services.PublicationRefused as error:
                refused = error
            else:
                self.message_user(request, f"Délibération n°{act.number} publiée.", messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:register_deliberation_changelist"))
        review = services.review(deliberation, request.build_absolute_uri("/"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Publier : {deliberation.title}",
            "deliberation": deliberation,
            "review": review,
            "warnings": [(services.finding_key(w), w) for w in review.warnings],
            "refused": refused,
        }
        return TemplateResponse(
            request, "admin/register/publish.html", context, status=400 if refused else 200
        )


@admin.register(PublishedAct)
class PublishedActAdmin(admin.ModelAdmin):
    """Read-only: an act as it was published."""

    list_display = ("number", "authority", "position", "published_at", "fingerprint")
    list_filter = ("authority",)
    search_fields = ("number", "title", "fingerprint")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _audit_admin() -> None:
    """auditlog's own screen, never deleting (the database refuses it anyway)."""
    from auditlog.admin import LogEntryAdmin
    from auditlog.models import LogEntry

    class AppendOnlyLogEntryAdmin(LogEntryAdmin):
        def has_delete_permission(self, request, obj=None):
            return False

    if admin.site.is_registered(LogEntry):
        admin.site.unregister(LogEntry)
    admin.site.register(LogEntry, AppendOnlyLogEntryAdmin)


_audit_admin()
