from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class FrontConfig(AppConfig):
    name = "registre.web.front"
    label = "front"
    verbose_name = "Portail public"

    def ready(self):
        # models only once the app registry is ready: Django allows it nowhere earlier
        from registre.web.register.models import Deliberation

        from .forms import forget_authorities
        from .search import index_deliberation, remove_entries

        def deliberation_saved(sender, instance, raw=False, **kwargs):
            if not raw:
                index_deliberation(instance)
                forget_authorities()

        def deliberation_deleted(sender, instance, **kwargs):
            remove_entries([instance.pk])
            forget_authorities()

        post_save.connect(
            deliberation_saved, sender=Deliberation, dispatch_uid="front-search-index", weak=False
        )
        post_delete.connect(
            deliberation_deleted, sender=Deliberation, dispatch_uid="front-search-remove", weak=False
        )
