# A separate migration: PostgreSQL refuses to alter a table with row updates pending in the
# same transaction (the split in 0003).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0003_beneficiary_authority"),
    ]

    operations = [
        migrations.AlterField(
            model_name="beneficiary",
            name="authority",
            field=models.ForeignKey(
                on_delete=models.deletion.PROTECT,
                related_name="grant_beneficiaries",
                to="register.authority",
                verbose_name="collectivité qui l'a enregistré",
            ),
        ),
        migrations.AddConstraint(
            model_name="beneficiary",
            constraint=models.UniqueConstraint(
                fields=("authority", "name"), name="one_beneficiary_name_per_authority"
            ),
        ),
    ]
