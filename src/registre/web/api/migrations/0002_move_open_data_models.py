"""DeliberationOpenData and ImportedGrant belong to the opendata app (registre.web.opendata): their
tables are renamed to that app's names and the models leave this app's state, rows kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("deliberationopendata", "opendata_deliberationopendata"),
                migrations.AlterModelTable("importedgrant", "opendata_importedgrant"),
            ],
            state_operations=[
                migrations.DeleteModel("DeliberationOpenData"),
                migrations.DeleteModel("ImportedGrant"),
            ],
        ),
    ]
