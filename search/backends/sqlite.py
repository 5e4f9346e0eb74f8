"""Index-table candidates on SQLite (search.backends.index_table), from modelsearch's FTS5
table.

modelsearch's own query scores each object with a correlated subquery that runs the FTS
match again per row: seconds per query at 100,000 items, once 50 s. Here the FTS5 table is
matched once, joined to the index rows by rowid, and bm25 is computed once per match (title
weighted ten times the body).
"""

from django.db import connections
from modelsearch.utils import get_descendants_content_types_pks

# modelsearch's SQLite module can only be imported where its FTS5 model exists (on SQLite).

# bm25's weights follow the FTS5 table's columns as modelsearch's migration creates them:
# (autocomplete, body, title).
BM25_WEIGHTS = "0.0, 1.0, 10.0"


def serves(backend, vendor):
    if vendor != "sqlite":
        return False
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return isinstance(backend, SQLiteSearchBackend)


def match_text(groups, operator):
    """`{title body} : (("a" OR "a1") AND ("b"))`: FTS5's syntax, every token quoted."""
    joined = f" {operator} ".join(
        "(" + " OR ".join(f'"{token}"' for token in group) + ")" for group in groups
    )
    return "{title body} : (" + joined + ")"


def candidate_ids(queryset, groups, allowed, *, every_word, limit, exclude=()):
    """Primary keys of matching objects, best first (every_word) or newest first; `allowed`
    is the (SQL, params) of the ids the queryset allows, or None for every row."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    quote = connections[queryset.db].ops.quote_name
    fts = quote(SQLiteFTSIndexEntry._meta.db_table)
    entries = quote(SQLiteFTSIndexEntry._meta.get_field("index_entry").related_model._meta.db_table)
    types = get_descendants_content_types_pks(queryset.model)
    where = [
        f"{fts} MATCH %s",
        f"e.content_type_id IN ({', '.join(['%s'] * len(types))})",
    ]
    params = [match_text(groups, "AND" if every_word else "OR"), *types]
    if allowed is not None:
        # The queryset's own SQL, compiled by Django with its values as parameters.
        subquery = f"SELECT allowed.candidate_pk FROM ({allowed[0]}) allowed"  # noqa: S608
        where.append(f"CAST(e.object_id AS INTEGER) IN ({subquery})")
        params += list(allowed[1])
    if exclude:
        where.append(f"e.object_id NOT IN ({', '.join(['%s'] * len(exclude))})")
        params += [str(pk) for pk in exclude]
    newest = "CAST(e.object_id AS INTEGER) DESC"
    order = f"bm25({fts}, {BM25_WEIGHTS}), {newest}" if every_word else newest
    sql = f"""
        SELECT e.object_id FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid
        WHERE {" AND ".join(where)}
        ORDER BY {order}
        LIMIT %s
    """  # noqa: S608 - tables and columns are ours; every value is a parameter
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [int(row[0]) for row in cursor.fetchall()]
