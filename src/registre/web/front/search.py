"""French full-text search of published deliberations, on SQLite and on PostgreSQL.

Both databases index the same words and answer the same questions: accents and case
are ignored and words are reduced to their stem ("subvention" finds "subventions",
"numerique" finds "numérique").

- PostgreSQL: table ``front_search`` (``rowid`` = deliberation id, ``document`` a
  tsvector, GIN index) filled with the ``registre_french`` text search configuration:
  the built-in ``french`` one with the ``unaccent`` dictionary before the French
  Snowball stemmer (migration 0001 of this app).
- SQLite: FTS5 table ``front_search`` (``rowid`` = deliberation id) holding the words
  already folded (no accents, lower case) and stemmed by the French Snowball stemmer
  (snowballstemmer): FTS5 removes diacritics but does not stem.

Only published deliberations have an entry, and every query also requires the
deliberation to be published: a deliberation withdrawn to draft is never found.

The register calls :func:`index_deliberation` when it publishes, corrects or changes a
deliberation; a ``post_save`` receiver (apps.py) does it too, so nothing is missed.
Bulk loads (bench, imports through ``bulk_create``) call :func:`index_deliberations`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer
from django.db import connection

from registre.core.names import fold
from registre.web.register.models import Deliberation

TABLE = "front_search"
CONFIG = "registre_french"  # PostgreSQL text search configuration (see the migration)
TITLE_WEIGHT = 5.0  # a word of the title counts five times a word of the body (SQLite bm25)
MAX_TERMS = 12  # longer queries keep their first twelve significant words

# French function words, folded: never indexed nor searched on SQLite (PostgreSQL's
# `french` configuration drops its own list, which includes these).
STOP_WORDS = frozenset(
    """
    a ai au aux avec c ce ces cet cette d dans de des du elle en est et eux il ils j je l la le les leur
    leurs lui m ma mais me meme mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses
    son sur t ta te tes toi ton tu un une vos votre vous y
""".split()
)

_WORD = re.compile(r"\w+")
_stemmer_lock = threading.Lock()
_stemmer = snowballstemmer.stemmer("french")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    with _stemmer_lock:  # Snowball stemmers keep state: one word at a time
        return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """The indexed form of a text: folded (no accents, lower case), function words dropped, stemmed."""
    words = _WORD.findall(fold(text).lower())
    return [_stem(word) for word in words if word not in STOP_WORDS]


def searchable_text(deliberation) -> str:
    """What the search reads of a deliberation: number, title, decision, budget line, full text."""
    parts = (
        deliberation.number,
        deliberation.title,
        deliberation.decision,
        deliberation.budget_line,
        deliberation.text,
    )
    return "\n".join(part for part in parts if part)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# -- indexing ---------------------------------------------------------------------------------


def index_deliberation(deliberation) -> None:
    """Bring the search entry of one deliberation up to date (call after publish, correction, change).

    Fills ``Deliberation.search_text``; the entry exists only while the deliberation is published.
    """
    if deliberation.pk is None:
        return
    text = searchable_text(deliberation)
    if deliberation.search_text != text:
        Deliberation.objects.filter(pk=deliberation.pk).update(search_text=text)
        deliberation.search_text = text
    index_deliberations([deliberation.pk])


def index_deliberations(ids: Iterable[int] | None = None, batch: int = 2000) -> int:
    """Rebuild the entries of these deliberations (all of them when ``ids`` is None).

    Deliberations whose ``search_text`` is empty get it computed first. Returns the
    number of published deliberations indexed.
    """
    if ids is None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
        ids = Deliberation.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=batch)
        everything = True
    else:
        everything = False
    indexed = 0
    chunk: list[int] = []
    for pk in ids:
        chunk.append(pk)
        if len(chunk) >= batch:
            indexed += _index_chunk(chunk, delete=not everything)
            chunk = []
    if chunk:
        indexed += _index_chunk(chunk, delete=not everything)
    return indexed


def _index_chunk(ids: list[int], delete: bool) -> int:
    missing = Deliberation.objects.filter(pk__in=ids, search_text="")
    for deliberation in missing.only("pk", "number", "title", "decision", "budget_line", "text"):
        Deliberation.objects.filter(pk=deliberation.pk).update(search_text=searchable_text(deliberation))
    with connection.cursor() as cursor:
        if delete:
            remove_entries(ids, cursor)
        if is_postgresql():
            cursor.execute(
                f"INSERT INTO {TABLE} (rowid, document) "
                f"SELECT id, setweight(to_tsvector('{CONFIG}', title), 'A') "
                f"|| setweight(to_tsvector('{CONFIG}', search_text), 'D') "
                f"FROM register_deliberation WHERE id = ANY(%s) AND status = %s",
                [list(ids), Deliberation.PUBLISHED],
            )
            return cursor.rowcount
        rows = Deliberation.objects.filter(pk__in=ids, status=Deliberation.PUBLISHED).values_list(
            "pk", "title", "search_text"
        )
        entries = [(pk, " ".join(terms(title)), " ".join(terms(text))) for pk, title, text in rows]
        cursor.executemany(f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)", entries)
        return len(entries)


def remove_entries(ids: list[int], cursor=None) -> None:
    if cursor is None:
        with connection.cursor() as cursor:
            return remove_entries(ids, cursor)
    placeholders = ", ".join(["%s"] * len(ids))
    cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({placeholders})", list(ids))


# -- searching --------------------------------------------------------------------------------


def significant(query: str) -> bool:
    """Does the query hold at least one word the index keeps?"""
    return bool(terms(query))


RANK_LIMIT = 1000  # beyond this many matches, ranking costs too much (>10 ms): most recent first


def _tsquery_text(query: str) -> str:
    return " ".join(_WORD.findall(query))[:500]


def match_count(query: str, limit: int = RANK_LIMIT) -> int:
    """How many published deliberations hold every word of the query, counted up to ``limit + 1``
    (the index alone: cheap, and independent of the other filters)."""
    words = terms(query)[:MAX_TERMS]
    if not words:
        return 0
    with connection.cursor() as cursor:
        if is_postgresql():
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE document @@ "
                f"plainto_tsquery('{CONFIG}', %s) LIMIT %s) AS hits",
                [_tsquery_text(query), limit + 1],
            )
        else:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH %s LIMIT %s)",
                [_match(words), limit + 1],
            )
        return cursor.fetchone()[0]


def _match(words: list[str]) -> str:
    return " ".join(f'"{word}"' for word in words)  # quoted: stems are plain words, never syntax


def search(queryset, query: str, ranked: bool = True, filtered: bool = False):
    """Deliberations of ``queryset`` holding every word of ``query``.

    ``ranked``: most relevant first (words of the title weigh more), then most recent; otherwise
    most recently recorded first, which the index answers without reading every match (the view
    asks for it when :func:`match_count` exceeds RANK_LIMIT). ``filtered``: the queryset carries other
    filters (dates, subject…), which may keep few of the matches. ``queryset`` must be a Deliberation
    queryset; it is narrowed to published records here too.
    """
    queryset = queryset.filter(status=Deliberation.PUBLISHED)
    words = terms(query)[:MAX_TERMS]
    if not words:
        return queryset.none()
    join = f"{TABLE}.rowid = register_deliberation.id"
    if is_postgresql():
        # Every word must be found (AND), as on SQLite; the configuration folds and stems them again.
        tsquery = f"plainto_tsquery('{CONFIG}', %s)"
        text = _tsquery_text(query)
        found = queryset.extra(tables=[TABLE], where=[join, f"{TABLE}.document @@ {tsquery}"], params=[text])
        if not ranked and filtered:
            # Sorting on an expression keeps PostgreSQL from walking the primary key backwards
            # through every match when the filters keep few of them: it reads the GIN index instead.
            return found.extra(select={"recorded": f"{TABLE}.rowid + 0"}).order_by("-recorded")
        if not ranked:
            return found.extra(order_by=[f"-{TABLE}.rowid"])
        return found.extra(
            select={"search_rank": f"ts_rank({TABLE}.document, {tsquery})"},
            select_params=[text],
        ).order_by("-search_rank", "-published_at", "-pk")
    found = queryset.extra(tables=[TABLE], where=[join, f"{TABLE} MATCH %s"], params=[_match(words)])
    if not ranked:
        return found.extra(order_by=[f"-{TABLE}.rowid"])
    return found.extra(
        select={"search_rank": f"bm25({TABLE}, {TITLE_WEIGHT}, 1.0)"},
    ).order_by("search_rank", "-published_at", "-pk")
