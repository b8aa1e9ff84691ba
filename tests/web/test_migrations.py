from io import StringIO

import pytest
from django.core.management import call_command


def test_every_model_change_has_its_migration(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_beneficiary_shared_by_two_authorities_becomes_two_records():
    """grants 0003: each authority keeps its agreements under its own copy; accounts stay with the first."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = [("grants", "0002_termination"), ("accounts", "0001_initial")]
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Authority, Beneficiary, Agreement = (
        old.get_model("register", "Authority"),
        old.get_model("grants", "Beneficiary"),
        old.get_model("grants", "Agreement"),
    )
    User = old.get_model("accounts", "User")
    ours = Authority.objects.create(name="Ville A", slug="ville-a")
    theirs = Authority.objects.create(name="Ville B", slug="ville-b")
    shared = Beneficiary.objects.create(name="Club", siret="73282932000074", email="club@example.org")
    shared.accounts.add(User.objects.create(username="club", role="beneficiary"))
    common = {"object": "x", "amount": 1, "cap": 1, "financial_year": 2021}
    Agreement.objects.create(authority=ours, beneficiary=shared, reference="A-1", **common)
    Agreement.objects.create(authority=theirs, beneficiary=shared, reference="B-1", **common)
    Beneficiary.objects.create(name="Sans convention")
    executor = MigrationExecutor(connection)
    executor.migrate(latest)
    new = executor.loader.project_state(latest).apps
    Beneficiary, Agreement = new.get_model("grants", "Beneficiary"), new.get_model("grants", "Agreement")
    first, copy = (Agreement.objects.get(reference=r).beneficiary for r in ("A-1", "B-1"))
    assert first.pk == shared.pk and first.authority_id == ours.pk
    assert copy.pk != first.pk and copy.authority_id == theirs.pk
    assert (copy.name, copy.siret, copy.email) == ("Club", "73282932000074", "club@example.org")
    assert list(first.accounts.values_list("username", flat=True)) == ["club"] and not copy.accounts.exists()
    assert Beneficiary.objects.get(name="Sans convention").authority_id is not None
