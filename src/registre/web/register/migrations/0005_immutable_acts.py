"""Acts already published get their frozen snapshot; then the database refuses to change them.

The snapshot of an act published before this migration is taken from the records as they are
(register.services.freeze_legacy, run with the current models: on a new database there is
nothing to freeze). Triggers: register.immutability, per vendor.
"""

from django.db import migrations

from registre.web.register import immutability


def freeze_published(apps, schema_editor):
    Deliberation = apps.get_model("register", "Deliberation")
    pending = list(
        Deliberation.objects.filter(status="published", act__isnull=True)
        .order_by("authority_id", "published_at", "pk")
        .values_list("pk", flat=True)
    )
    if not pending:
        return
    from registre.web.register import services
    from registre.web.register.models import Deliberation as Current

    for deliberation in Current.objects.filter(pk__in=pending).order_by("authority_id", "published_at", "pk"):
        services.freeze_legacy(deliberation)


def install(apps, schema_editor):
    immutability.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    immutability.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("register", "0004_published_act"), ("auditlog", "0017_add_actor_email")]

    operations = [
        migrations.RunPython(freeze_published, migrations.RunPython.noop),
        migrations.RunPython(install, uninstall),
    ]
