"""The search index: an FTS5 table on SQLite; on PostgreSQL a tsvector table with a GIN index
and the `registre_french` configuration (french, with unaccent before the stemmer)."""

from django.db import migrations, models

SQLITE = [
    "CREATE VIRTUAL TABLE front_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS front_search"]

POSTGRESQL = [
    # unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
    """DO $$ BEGIN
         CREATE EXTENSION IF NOT EXISTS unaccent;
       EXCEPTION WHEN insufficient_privilege THEN
         RAISE WARNING 'extension unaccent absente : la recherche ne pourra pas ignorer les accents';
       END $$""",
    """DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'registre_french') THEN
           CREATE TEXT SEARCH CONFIGURATION registre_french (COPY = pg_catalog.french);
           IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
             ALTER TEXT SEARCH CONFIGURATION registre_french
               ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
           END IF;
         END IF;
       END $$""",
    "CREATE TABLE front_search (rowid bigint PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE INDEX front_search_document ON front_search USING gin (document)",
]
POSTGRESQL_REVERSE = [
    "DROP TABLE IF EXISTS front_search",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS registre_french",
]


def create(apps, schema_editor):
    _run(schema_editor, SQLITE if schema_editor.connection.vendor == "sqlite" else POSTGRESQL)


def drop(apps, schema_editor):
    _run(schema_editor, SQLITE_REVERSE if schema_editor.connection.vendor == "sqlite" else POSTGRESQL_REVERSE)


def _run(schema_editor, statements):
    if schema_editor.connection.vendor not in ("sqlite", "postgresql"):
        raise RuntimeError("La recherche n'est prévue que pour SQLite et PostgreSQL.")
    for statement in statements:
        schema_editor.execute(statement)


def index_existing(apps, schema_editor):
    """Databases migrated before the index existed: index what is already published (plain SQL on
    the columns of register 0001, so that later changes to the model cannot break this step)."""
    from registre.web.front.search import CONFIG, terms

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, number, title, decision, budget_line, text FROM register_deliberation "
            "WHERE status = 'published'"
        )
        rows = cursor.fetchall()
        for pk, number, title, decision, budget_line, text in rows:
            search_text = "\n".join(part for part in (number, title, decision, budget_line, text) if part)
            cursor.execute(
                "UPDATE register_deliberation SET search_text = %s WHERE id = %s", [search_text, pk]
            )
            if schema_editor.connection.vendor == "postgresql":
                cursor.execute(
                    f"INSERT INTO front_search (rowid, document) VALUES (%s, setweight(to_tsvector('{CONFIG}', %s), 'A')"
                    f" || setweight(to_tsvector('{CONFIG}', %s), 'D'))",
                    [pk, title, search_text],
                )
            else:
                cursor.execute(
                    "INSERT INTO front_search (rowid, title, body) VALUES (%s, %s, %s)",
                    [pk, " ".join(terms(title)), " ".join(terms(search_text))],
                )


class Migration(migrations.Migration):
    initial = True
    dependencies = [("register", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchEntry",
                    fields=[
                        (
                            "deliberation",
                            models.OneToOneField(
                                db_column="rowid",
                                db_constraint=False,
                                on_delete=models.deletion.DO_NOTHING,
                                primary_key=True,
                                related_name="+",
                                serialize=False,
                                to="register.deliberation",
                            ),
                        ),
                    ],
                    options={"verbose_name": "entrée de l'index de recherche", "db_table": "front_search"},
                ),
            ],
            database_operations=[migrations.RunPython(create, drop)],
        ),
        migrations.RunPython(index_existing, migrations.RunPython.noop),
    ]
