"""Whoever writes to the database, raw SQL included, a published act and the audit trail do not
change (triggers of register.immutability): run on SQLite, and on PostgreSQL by `make test`."""

import pytest
from django.db import DatabaseError, connection, transaction

from registre.web.register.models import Deliberation, PublishedAct


def _refused(sql: str, params=()) -> str:
    with pytest.raises(DatabaseError) as error, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, list(params))
    return str(error.value)


def test_a_published_act_is_never_updated_nor_deleted(demo):
    act = demo["deliberation"].act
    message = _refused("UPDATE register_publishedact SET content = %s WHERE id = %s", ["{}", act.pk])
    assert "un acte publié ne se modifie pas" in message
    _refused("UPDATE register_publishedact SET fingerprint = %s", ["0" * 64])
    _refused("DELETE FROM register_publishedact WHERE id = %s", [act.pk])
    if connection.vendor == "postgresql":
        _refused("TRUNCATE register_publishedact CASCADE")
    assert PublishedAct.objects.get(pk=act.pk).content == act.content


def test_a_published_deliberation_keeps_its_words_number_and_status(demo):
    pk = demo["deliberation"].pk
    for column, value in (
        ("title", "Autre objet"),
        ("number", "2021/000001"),
        ("status", "draft"),
        ("text", ""),
    ):
        message = _refused(f"UPDATE register_deliberation SET {column} = %s WHERE id = %s", [value, pk])
        assert "une délibération publiée ne se modifie pas" in message
    _refused("DELETE FROM register_deliberation WHERE id = %s", [pk])
    with connection.cursor() as cursor:  # what comes after publication stays writable
        cursor.execute(
            "UPDATE register_deliberation SET prefecture_transmission_id = %s WHERE id = %s", ["025-X", pk]
        )
    assert Deliberation.objects.get(pk=pk).title == demo["deliberation"].title


def test_a_deliberation_is_published_only_with_its_act(demo, draft_elsewhere):
    message = _refused(
        "UPDATE register_deliberation SET status = 'published' WHERE id = %s", [draft_elsewhere.pk]
    )
    assert "service de publication" in message
    example = demo["deliberation"]
    _refused(
        "INSERT INTO register_deliberation (authority_id, item_id, number, kind, reason, title, text, decision,"
        " budget_line, actes_code, prefecture_transmission_id, status, search_text)"
        " VALUES (%s, %s, '', 'deliberation', '', 'x', '', '', '', '', '', 'published', '')",
        [example.authority_id, draft_elsewhere.item_id],
    )


def test_the_slug_of_an_authority_with_acts_is_frozen(demo):
    authority = demo["authority"]
    message = _refused("UPDATE register_authority SET slug = 'autre' WHERE id = %s", [authority.pk])
    assert "garde son identifiant" in message
    with connection.cursor() as cursor:  # an authority without acts may still choose its slug
        cursor.execute(
            "UPDATE register_authority SET slug = 'voisine' WHERE name = 'Commune de Voisine-sur-Doubs'"
        )


def test_the_audit_trail_is_append_only(demo):
    from auditlog.models import LogEntry

    entry = LogEntry.objects.order_by("pk").first()
    assert entry is not None
    _refused("UPDATE auditlog_logentry SET object_repr = 'x' WHERE id = %s", [entry.pk])
    _refused("DELETE FROM auditlog_logentry WHERE id = %s", [entry.pk])
    with connection.cursor() as cursor:  # a deleted account's link may go; the entry keeps its name
        cursor.execute("UPDATE auditlog_logentry SET actor_id = NULL WHERE id = %s", [entry.pk])
    assert LogEntry.objects.get(pk=entry.pk).object_repr == entry.object_repr
