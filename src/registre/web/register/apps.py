from django.apps import AppConfig
from django.db.models.signals import m2m_changed, pre_delete


class RegisterConfig(AppConfig):
    name = "registre.web.register"
    label = "register"
    verbose_name = "Registre"

    def ready(self):
        # models only once the app registry is ready: Django allows it nowhere earlier
        from . import audit
        from .models import Attendance, Item, Proxy, RollCallBallot, guard_item, guard_meeting

        audit.register_models()

        def meeting_line_deleted(sender, instance, **kwargs):
            guard_meeting(instance.meeting)

        def ballot_deleted(sender, instance, **kwargs):
            guard_item(instance.item)

        def item_deleted(sender, instance, **kwargs):
            guard_item(instance)

        def interested_changed(sender, instance, action, reverse, pk_set, **kwargs):
            if action not in ("pre_add", "pre_remove", "pre_clear"):
                return
            if not reverse:
                guard_item(instance)
            else:
                items = Item.objects.filter(pk__in=pk_set) if pk_set else instance.interests.all()
                for item in items:
                    guard_item(item)

        # The model-level guard of published records also covers deletions and the interested members.
        for model in (Attendance, Proxy):
            pre_delete.connect(
                meeting_line_deleted,
                sender=model,
                dispatch_uid=f"register-guard-{model.__name__}",
                weak=False,
            )
        pre_delete.connect(
            ballot_deleted, sender=RollCallBallot, dispatch_uid="register-guard-ballot", weak=False
        )
        pre_delete.connect(item_deleted, sender=Item, dispatch_uid="register-guard-item", weak=False)
        m2m_changed.connect(
            interested_changed,
            sender=Item.interested_members.through,
            dispatch_uid="register-guard-interested",
            weak=False,
        )
