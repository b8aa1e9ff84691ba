"""DeliberationOpenData and ImportedGrant move here from the api app; their tables were renamed by
api/0002, so this migration only records them in this app's state."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("register", "0001_initial"),
        ("api", "0002_move_open_data_models"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DeliberationOpenData",
                    fields=[
                        (
                            "deliberation",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="open_data",
                                serialize=False,
                                to="register.deliberation",
                            ),
                        ),
                        (
                            "figures_source",
                            models.CharField(
                                choices=[
                                    ("engine", "calculé par le moteur de règles"),
                                    ("scdl", "fichier SCDL importé"),
                                ],
                                default="engine",
                                max_length=10,
                            ),
                        ),
                        ("members_in_office", models.PositiveIntegerField(blank=True, null=True)),
                        ("voters", models.PositiveIntegerField(blank=True, null=True)),
                        ("votes_for", models.PositiveIntegerField(blank=True, null=True)),
                        ("votes_against", models.PositiveIntegerField(blank=True, null=True)),
                        ("abstentions", models.PositiveIntegerField(blank=True, null=True)),
                        (
                            "budget_year",
                            models.CharField(blank=True, max_length=9, verbose_name="année du budget"),
                        ),
                        (
                            "budget_name",
                            models.CharField(blank=True, max_length=200, verbose_name="nom du budget"),
                        ),
                        (
                            "prefecture_id",
                            models.CharField(
                                blank=True, max_length=10, verbose_name="entité du contrôle de légalité"
                            ),
                        ),
                        (
                            "document_url",
                            models.URLField(
                                blank=True, max_length=500, verbose_name="adresse du document d'origine"
                            ),
                        ),
                        ("computed_at", models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={
                        "verbose_name": "données ouvertes d'une délibération",
                    },
                ),
                migrations.CreateModel(
                    name="ImportedGrant",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("grantor_name", models.CharField(max_length=300)),
                        ("grantor_siret", models.CharField(max_length=14)),
                        ("agreement_date", models.DateField()),
                        ("decision_reference", models.CharField(blank=True, max_length=200)),
                        ("beneficiary_name", models.CharField(max_length=300)),
                        ("beneficiary_siret", models.CharField(blank=True, max_length=14)),
                        ("beneficiary_rna", models.CharField(blank=True, max_length=10)),
                        ("object", models.CharField(max_length=256)),
                        ("amount", models.DecimalField(decimal_places=2, max_digits=14)),
                        ("nature", models.CharField(max_length=40)),
                        ("payment_conditions", models.CharField(max_length=256)),
                        ("payment_start", models.DateField()),
                        ("payment_end", models.DateField(blank=True, null=True)),
                        ("eu_notification", models.BooleanField(default=False)),
                        ("budget_share", models.DecimalField(decimal_places=4, max_digits=5)),
                        ("rae_id", models.CharField(blank=True, max_length=5)),
                        ("aid_scheme", models.CharField(blank=True, max_length=100)),
                        ("source_file", models.CharField(blank=True, max_length=300)),
                        ("source_line", models.PositiveIntegerField(blank=True, null=True)),
                        ("fingerprint", models.CharField(editable=False, max_length=64, unique=True)),
                        ("imported_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "authority",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="imported_grants",
                                to="register.authority",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "subvention importée (SCDL)",
                        "ordering": ["agreement_date", "pk"],
                    },
                ),
            ],
        ),
    ]
