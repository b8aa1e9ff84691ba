"""The public portal's own storage: the full-text search index (see search.py)."""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    """One published deliberation in the search index; ``rowid`` is the deliberation's id.

    The table is not an ordinary one (SQLite: an FTS5 virtual table; PostgreSQL: a
    tsvector with a GIN index): migration 0001 creates it for each database, and
    search.py reads and writes it in SQL. The model exists so that Django knows the
    table (test databases are flushed with it).
    """

    deliberation = models.OneToOneField(
        "register.Deliberation",
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )

    class Meta:
        db_table = "front_search"
        verbose_name = "entrée de l'index de recherche"

    def __str__(self) -> str:
        return f"Entrée de recherche de la délibération {self.deliberation_id}"
