from django.db import migrations


class Migration(migrations.Migration):
    """One name per concept: the core's Ballot is the choice (for, against, abstain); the stored
    record of one member's roll-call ballot becomes RollCallBallot, its choice field ``choice``."""

    dependencies = [
        ("register", "0002_proxy_proxy_to_someone_else"),
    ]

    operations = [
        migrations.RenameModel(old_name="Ballot", new_name="RollCallBallot"),
        migrations.RenameField(model_name="rollcallballot", old_name="ballot", new_name="choice"),
    ]
