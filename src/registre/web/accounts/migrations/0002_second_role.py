# The clerk and the grants officer are different roles; a second role gives one person both.
# Existing users keep their one role (a clerk no longer acts as grants officer).

from django.db import migrations, models

import registre.web.accounts.models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelManagers(
            name="user",
            managers=[
                ("objects", registre.web.accounts.models.RegistreUserManager()),
            ],
        ),
        migrations.AddField(
            model_name="user",
            name="second_role",
            field=models.CharField(
                blank=True,
                choices=[
                    ("clerk", "Secrétariat des assemblées"),
                    ("grants_officer", "Service des subventions"),
                ],
                default="",
                help_text="Pour une personne qui tient aussi l'autre fonction de la même collectivité.",
                max_length=20,
                verbose_name="second rôle",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("second_role", ""),
                    models.Q(
                        ("role__in", ("clerk", "grants_officer")),
                        ("second_role__in", ("clerk", "grants_officer")),
                        models.Q(("second_role", models.F("role")), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="second_role_is_the_other_staff_role",
            ),
        ),
    ]
