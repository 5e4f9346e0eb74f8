"""Index-table candidates on PostgreSQL (search.backends.index_table).

- The match is `(title || body) @@ to_tsquery('simple', …)`: the expression of the GIN index
  made by search's migration 0001, with the query as a constant the planner can estimate.
- PostgreSQL prices `title || body` like any operator, though it builds a new vector from two
  (often toasted) ones per row: it would rather test rows one by one, from a sequential scan
  or from the content type's b-tree index, than use the GIN index (90 ms instead of 5 at
  10,000 items). Hence `content_type_id + 0` (an expression: no b-tree) and, inside the
  query's own transaction, `SET LOCAL enable_seqscan = off`.
- Every-word matches are ranked within a pool of RANKED_POOL: title matches first, then the
  newest; in the pool by title match, then ts_rank (the title weighted by its norm, with
  modelsearch's weights), then newest. A word found in half the corpus costs what a rare one
  does.
"""

from django.db import connections, transaction
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresSearchBackend
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.utils import get_descendants_content_types_pks

RANKED_POOL = 2000
# The indexed object's integer primary key (object_id is text); CASE keeps PostgreSQL from
# casting the id of a row of another model that it has not filtered out yet.
OBJECT_PK = "(CASE WHEN e.object_id ~ '^[0-9]{1,9}$' THEN CAST(e.object_id AS integer) END)"


def serves(backend, vendor):
    return isinstance(backend, PostgresSearchBackend) and vendor == "postgresql"


def tsquery_text(groups, operator):
    """`('a' | 'a1') & ('b')`: each term an OR of its tokens, joined by `operator`."""
    return f" {operator} ".join(
        "(" + " | ".join(f"'{token}'" for token in group) + ")" for group in groups
    )


def candidate_ids(queryset, groups, allowed, *, every_word, limit, exclude=()):
    """Primary keys of matching objects, best first (every_word) or newest first; `allowed`
    is the (SQL, params) of the ids the queryset allows, or None for every row."""
    text = tsquery_text(groups, "&" if every_word else "|")
    table = connections[queryset.db].ops.quote_name(IndexEntry._meta.db_table)
    query = "to_tsquery('simple', %s)"
    where = ["e.content_type_id + 0 = ANY(%s)", f'(e."title" || e."body") @@ {query}']
    params = [get_descendants_content_types_pks(queryset.model), text]
    prefix, prefix_params = "", []
    if allowed is not None:
        # The queryset's own SQL, compiled by Django with its values as parameters, computed
        # once: the visibility rule's subqueries (core.visibility) run per index row otherwise,
        # seconds per search with enable_seqscan off.
        prefix = f"WITH allowed AS MATERIALIZED ({allowed[0]}) "
        prefix_params = list(allowed[1])
        where.append(f"{OBJECT_PK} IN (SELECT allowed.candidate_pk FROM allowed)")  # noqa: S608
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
        cursor.execute("SET LOCAL enable_seqscan = off")
        # The penalty enable_seqscan = off puts on the small tables of the allowed ids (pages,
        # releases, reference index) lifts the plan's cost past JIT's thresholds: 3 s of JIT
        # compilation for a 1 ms query.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(prefix + sql, prefix_params + params)
        ids = [int(row[0]) for row in cursor.fetchall()]
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
        cursor.execute("SET LOCAL jit TO DEFAULT")
    return ids
