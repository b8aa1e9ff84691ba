"""What the database itself refuses, whatever the path (ORM, admin, raw SQL): triggers.

- a published act (register_publishedact) is never updated nor deleted;
- a published deliberation keeps its number, texts, status and date, and is never deleted;
- a deliberation becomes published only with its act already written (register.services);
- an authority with published acts keeps its slug (the acts' public addresses);
- the audit trail (auditlog_logentry) is append-only: only its link to a deleted account may
  be cleared (the entry keeps the account's name in ``additional_data``).

Installed by migration 0005 (RunSQL per vendor). ``suspended`` drops and restores them around
a whole-database flush (the test suite's; SQLite flushes with DELETE, which they would refuse).
"""

from __future__ import annotations

from contextlib import contextmanager

# Plain text, no quotes: they are written inside SQL string literals.
MESSAGES = {
    "act": "registre : un acte publié ne se modifie pas et ne se supprime pas",
    "deliberation": "registre : une délibération publiée ne se modifie pas et ne se supprime pas",
    "publish": "registre : une délibération ne se publie que par le service de publication (acte figé)",
    "slug": "registre : une collectivité ayant des actes publiés garde son identifiant (adresses publiques)",
}
# Columns of register_deliberation a publication fixes (Deliberation.CONTENT_FIELDS).
FROZEN_COLUMNS = (
    "authority_id",
    "item_id",
    "number",
    "year",
    "sequence",
    "kind",
    "reason",
    "title",
    "text",
    "decision",
    "budget_line",
    "actes_code",
    "corrects_id",
    "status",
    "published_at",
)


def _changed(distinct: str, columns=FROZEN_COLUMNS) -> str:
    return " OR ".join(f"NEW.{c} {distinct} OLD.{c}" for c in columns)


MESSAGES["audit"] = "registre : le journal des modifications ne se modifie pas et ne se supprime pas"
AUDIT_COLUMNS = (
    "id",
    "content_type_id",
    "object_pk",
    "object_id",
    "object_repr",
    "serialized_data",
    "action",
    "changes_text",
    "changes",
    "cid",
    "remote_addr",
    "remote_port",
    "timestamp",
    "additional_data",
    "actor_email",
)


SQLITE_INSTALL = [
    f"""CREATE TRIGGER registre_act_no_update BEFORE UPDATE ON register_publishedact
    BEGIN SELECT RAISE(ABORT, '{MESSAGES["act"]}'); END""",
    f"""CREATE TRIGGER registre_act_no_delete BEFORE DELETE ON register_publishedact
    BEGIN SELECT RAISE(ABORT, '{MESSAGES["act"]}'); END""",
    f"""CREATE TRIGGER registre_deliberation_frozen BEFORE UPDATE ON register_deliberation
    WHEN OLD.status = 'published' AND ({_changed("IS NOT")})
    BEGIN SELECT RAISE(ABORT, '{MESSAGES["deliberation"]}'); END""",
    f"""CREATE TRIGGER registre_deliberation_kept BEFORE DELETE ON register_deliberation
    WHEN OLD.status = 'published'
    BEGIN SELECT RAISE(ABORT, '{MESSAGES["deliberation"]}'); END""",
    f"""CREATE TRIGGER registre_deliberation_published_insert BEFORE INSERT ON register_deliberation
    WHEN NEW.status = 'published'
    BEGIN SELECT RAISE(ABORT, '{MESSAGES["publish"]}'); END""",
    f"""CREATE TRIGGER registre_deliberation_published_update BEFORE UPDATE OF status ON register_deliberation
    WHEN NEW.status = 'published' AND OLD.status IS NOT 'published'
      AND NOT EXISTS (SELECT 1 FROM register_publishedact WHERE deliberation_id = NEW.id)
    BEGIN SELECT RAISE(ABORT, '{MESSAGES["publish"]}'); END""",
    f"""CREATE TRIGGER registre_authority_slug BEFORE UPDATE OF slug ON register_authority
    WHEN NEW.slug IS NOT OLD.slug
      AND EXISTS (SELECT 1 FROM register_publishedact WHERE authority_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, '{MESSAGES["slug"]}'); END""",
    f"""CREATE TRIGGER registre_audit_no_update BEFORE UPDATE ON auditlog_logentry
    WHEN NEW.actor_id IS NOT NULL OR {_changed("IS NOT", AUDIT_COLUMNS)}
    BEGIN SELECT RAISE(ABORT, '{MESSAGES["audit"]}'); END""",
    f"""CREATE TRIGGER registre_audit_no_delete BEFORE DELETE ON auditlog_logentry
    BEGIN SELECT RAISE(ABORT, '{MESSAGES["audit"]}'); END""",
]
SQLITE_TRIGGERS = (
    "registre_act_no_update",
    "registre_act_no_delete",
    "registre_deliberation_frozen",
    "registre_deliberation_kept",
    "registre_deliberation_published_insert",
    "registre_deliberation_published_update",
    "registre_authority_slug",
    "registre_audit_no_update",
    "registre_audit_no_delete",
)
SQLITE_UNINSTALL = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]

POSTGRESQL_INSTALL = [
    """CREATE OR REPLACE FUNCTION registre_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation'; END $$""",
    f"""CREATE OR REPLACE FUNCTION registre_publish_through_act() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'published' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'published')
         AND NOT EXISTS (SELECT 1 FROM register_publishedact WHERE deliberation_id = NEW.id) THEN
        RAISE EXCEPTION '{MESSAGES["publish"]}' USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END $$""",
    f"""CREATE OR REPLACE FUNCTION registre_authority_slug() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.slug IS DISTINCT FROM OLD.slug
         AND EXISTS (SELECT 1 FROM register_publishedact WHERE authority_id = OLD.id) THEN
        RAISE EXCEPTION '{MESSAGES["slug"]}' USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END $$""",
    f"""CREATE TRIGGER registre_act_frozen BEFORE UPDATE OR DELETE ON register_publishedact
    FOR EACH ROW EXECUTE FUNCTION registre_refuse('{MESSAGES["act"]}')""",
    f"""CREATE TRIGGER registre_act_no_truncate BEFORE TRUNCATE ON register_publishedact
    FOR EACH STATEMENT EXECUTE FUNCTION registre_refuse('{MESSAGES["act"]}')""",
    f"""CREATE TRIGGER registre_deliberation_frozen BEFORE UPDATE ON register_deliberation
    FOR EACH ROW WHEN (OLD.status = 'published' AND ({_changed("IS DISTINCT FROM")}))
    EXECUTE FUNCTION registre_refuse('{MESSAGES["deliberation"]}')""",
    f"""CREATE TRIGGER registre_deliberation_kept BEFORE DELETE ON register_deliberation
    FOR EACH ROW WHEN (OLD.status = 'published')
    EXECUTE FUNCTION registre_refuse('{MESSAGES["deliberation"]}')""",
    """CREATE TRIGGER registre_deliberation_published BEFORE INSERT OR UPDATE OF status
    ON register_deliberation FOR EACH ROW EXECUTE FUNCTION registre_publish_through_act()""",
    """CREATE TRIGGER registre_authority_slug BEFORE UPDATE OF slug ON register_authority
    FOR EACH ROW EXECUTE FUNCTION registre_authority_slug()""",
    f"""CREATE TRIGGER registre_audit_no_update BEFORE UPDATE ON auditlog_logentry
    FOR EACH ROW WHEN (NEW.actor_id IS NOT NULL OR {_changed("IS DISTINCT FROM", AUDIT_COLUMNS)})
    EXECUTE FUNCTION registre_refuse('{MESSAGES["audit"]}')""",
    f"""CREATE TRIGGER registre_audit_no_delete BEFORE DELETE ON auditlog_logentry
    FOR EACH ROW EXECUTE FUNCTION registre_refuse('{MESSAGES["audit"]}')""",
]
POSTGRESQL_UNINSTALL = [
    "DROP TRIGGER IF EXISTS registre_act_frozen ON register_publishedact",
    "DROP TRIGGER IF EXISTS registre_act_no_truncate ON register_publishedact",
    "DROP TRIGGER IF EXISTS registre_deliberation_frozen ON register_deliberation",
    "DROP TRIGGER IF EXISTS registre_deliberation_kept ON register_deliberation",
    "DROP TRIGGER IF EXISTS registre_deliberation_published ON register_deliberation",
    "DROP TRIGGER IF EXISTS registre_authority_slug ON register_authority",
    "DROP TRIGGER IF EXISTS registre_audit_no_update ON auditlog_logentry",
    "DROP TRIGGER IF EXISTS registre_audit_no_delete ON auditlog_logentry",
]

INSTALL = {"sqlite": SQLITE_INSTALL, "postgresql": POSTGRESQL_INSTALL}
UNINSTALL = {"sqlite": SQLITE_UNINSTALL, "postgresql": POSTGRESQL_UNINSTALL}


def _run(connection, statements) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection) -> None:
    _run(connection, INSTALL.get(connection.vendor, []))


def uninstall(connection) -> None:
    _run(connection, UNINSTALL.get(connection.vendor, []))


@contextmanager
def suspended(connection):
    """Without the triggers for the time of a whole-database flush; restored even on error."""
    uninstall(connection)
    try:
        yield
    finally:
        install(connection)
