"""Beneficiaries belong to the authority that recorded them.

Until now one record was shared by every authority that typed the same name. Each record is
given the authority of its first agreement; for every other authority that funded it, a
copy (name, SIRET, contact address) takes that authority's agreements. The copies get no
accounts: the administrator links them deliberately, an account never follows a name.
A beneficiary without any agreement goes to the first authority recorded.
"""

from django.db import migrations, models


def split_shared_beneficiaries(apps, schema_editor):
    Authority = apps.get_model("register", "Authority")
    Beneficiary = apps.get_model("grants", "Beneficiary")
    Agreement = apps.get_model("grants", "Agreement")
    first_authority = Authority.objects.order_by("pk").first()
    for beneficiary in Beneficiary.objects.order_by("pk"):
        authorities = list(
            dict.fromkeys(
                Agreement.objects.filter(beneficiary=beneficiary)
                .order_by("pk")
                .values_list("authority_id", flat=True)
            )
        )
        if not authorities:
            if first_authority is None:
                raise RuntimeError(
                    f"Bénéficiaire « {beneficiary.name} » sans convention ni collectivité : "
                    "enregistrez une collectivité avant de migrer."
                )
            authorities = [first_authority.pk]
        beneficiary.authority_id = authorities[0]
        beneficiary.save(update_fields=["authority"])
        for authority_id in authorities[1:]:
            copy = Beneficiary.objects.create(
                authority_id=authority_id,
                name=beneficiary.name,
                siret=beneficiary.siret,
                email=beneficiary.email,
            )
            Agreement.objects.filter(beneficiary=beneficiary, authority_id=authority_id).update(
                beneficiary=copy
            )


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0002_termination"),
        ("register", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="beneficiary",
            name="authority",
            field=models.ForeignKey(
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="grant_beneficiaries",
                to="register.authority",
                verbose_name="collectivité qui l'a enregistré",
            ),
        ),
        migrations.AlterField(
            model_name="beneficiary",
            name="name",
            field=models.CharField(max_length=200, verbose_name="nom"),
        ),
        migrations.RunPython(split_shared_beneficiaries, migrations.RunPython.noop),
    ]
