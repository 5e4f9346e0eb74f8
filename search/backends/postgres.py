"""Candidate retrieval on PostgreSQL, straight from Wagtail's index table.

Wagtail's database backend writes the index (`wagtailsearch_indexentry`: a title and a body
tsvector per object); this module only reads it, with SQL that stays fast at 100,000 items
(docs/decisions/0035-postgres-candidates.md):

- the match runs on `title || body`, the expression of the GIN index made by search's
  migration 0001, and from the index table outwards: the object table is consulted for the
  ids the queryset allows (live, public, language...), never walked row by row;
- at most RANKED_POOL matches are ranked with ts_rank (which reads each body vector): title
  matches first, then the newest objects. A word found in half the corpus costs the same as a
  rare one;
- objects with only some of the words are not ranked by PostgreSQL at all: newest first.

SQLite keeps Wagtail's own query (its FTS5 BM25 is cheap); Elasticsearch has its own backend.
"""

import re

from django.db import connections, transaction
from django.db.models import F
from modelsearch.backends.database.postgres.postgres import IndexEntry
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.utils import get_descendants_content_types_pks

RANKED_POOL = 2000
LEXEME = re.compile(r"^[a-z0-9]+$")
# The indexed object's integer primary key (object_id is text); CASE keeps PostgreSQL from
# casting the id of a row of another model that it has not filtered out yet.
OBJECT_PK = "(CASE WHEN e.object_id ~ '^[0-9]{1,9}$' THEN CAST(e.object_id AS integer) END)"


def applies_to(backend, queryset):
    """True when `backend` is Wagtail's database backend running on PostgreSQL."""
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return (
        isinstance(backend, PostgresSearchBackend)
        and connections[queryset.db].vendor == "postgresql"
    )


def tsquery_text(terms, operator):
    """`(a | a1) & (b | b1)`: each term an OR of its index tokens, joined by `operator`."""
    groups = []
    for term in terms:
        variants = sorted({variant for variant in term.variants if LEXEME.match(variant)})
        if variants:
            groups.append("(" + " | ".join(f"'{variant}'" for variant in variants) + ")")
    return f" {operator} ".join(groups)


def _allowed_ids(queryset):
    """SQL and params of the ids the queryset allows, or None when it allows every row."""
    if not queryset.query.where:
        return None
    ids = queryset.order_by().annotate(candidate_pk=F("pk")).values("candidate_pk")
    return ids.query.sql_with_params()


def candidate_ids(queryset, terms, *, every_word, limit, exclude=()):
    """Primary keys of matching objects, best first (every_word) or newest first."""
    text = tsquery_text(terms, "&" if every_word else "|")
    if not text:
        return []
    table = connections[queryset.db].ops.quote_name(IndexEntry._meta.db_table)
    # The query is repeated as a constant (not joined in) so that the planner uses the GIN
    # index and estimates how many rows match.
    query = "to_tsquery('simple', %s)"
    # `content_type_id + 0`: an expression, so that the content type's b-tree index is not
    # used; from it the planner would test `title || body` row by row (priced too low, see
    # enable_seqscan below).
    where = ["e.content_type_id + 0 = ANY(%s)", f'(e."title" || e."body") @@ {query}']
    params = [get_descendants_content_types_pks(queryset.model), text]
    allowed = _allowed_ids(queryset)
    if allowed is not None:
        # The queryset's own SQL, compiled by Django with its values as parameters.
        subquery = f"SELECT allowed.candidate_pk FROM ({allowed[0]}) allowed"  # noqa: S608
        where.append(f"{OBJECT_PK} IN ({subquery})")
        params += list(allowed[1])
    if exclude:
        where.append("NOT (e.object_id = ANY(%s))")
        params.append([str(pk) for pk in exclude])
    newest = f"{OBJECT_PK} DESC"
    if every_word:
        weights = get_sql_weights()
        sql = f"""
            SELECT e.object_id FROM (
                SELECT e.object_id, e."title", e."body", e."title_norm"
                FROM {table} e
                WHERE {" AND ".join(where)}
                ORDER BY (e."title" @@ {query}) DESC, {newest}
                LIMIT {RANKED_POOL:d}
            ) e
            ORDER BY (e."title" @@ {query}) DESC,
                     ts_rank(%s::float4[], e."title", {query}) * e."title_norm"
                   + ts_rank(%s::float4[], e."body", {query}) DESC, {newest}
            LIMIT %s
        """  # noqa: S608 - table and columns are ours; every value is a parameter
        params += [text, text, weights, text, weights, text, limit]
    else:
        sql = f"""
            SELECT e.object_id FROM {table} e
            WHERE {" AND ".join(where)}
            ORDER BY {newest}
            LIMIT %s
        """  # noqa: S608
        params.append(limit)
    with transaction.atomic(using=queryset.db), connections[queryset.db].cursor() as cursor:
        # PostgreSQL prices `title || body` like any operator, though it builds a new vector
        # from two (often toasted) ones per row: on small tables it would rather scan them
        # all than use the GIN index (90 ms instead of 5 at 10,000 items).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, params)
        ids = [int(row[0]) for row in cursor.fetchall()]
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
    return ids


def retrieve(queryset, terms, *, every_word, limit, exclude=()):
    """The matching objects of `queryset`, in candidate order."""
    ids = candidate_ids(queryset, terms, every_word=every_word, limit=limit, exclude=exclude)
    by_id = queryset.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]
