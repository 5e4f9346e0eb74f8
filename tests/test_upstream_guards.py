"""Guards for what the site relies on in Wagtail and modelsearch beyond their public API.

Each test fails when the upstream behaviour changes, and names the decision that explains the
reliance, so an upgrade shows at once what to look at again. The database guards run on the
database of the session: SQLite in `make test`, PostgreSQL in the second stage of .ci/run.
"""

import pytest
from django.db import connection
from django.test import RequestFactory
from wagtail.models import Site

from search.backends import elasticsearch, opensearch, sqlite

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


@on_sqlite
def test_fts5_columns_are_in_the_order_of_the_bm25_weights(db):
    """Decision 0035: bm25() weighs FTS5 columns by position (search/backends/sqlite.py)."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    with connection.cursor() as cursor:
        cursor.execute(f'PRAGMA table_info("{SQLiteFTSIndexEntry._meta.db_table}")')
        columns = [row[1] for row in cursor.fetchall()]
    assert columns == ["autocomplete", "body", "title"]
    assert len(sqlite.BM25_WEIGHTS.split(",")) == len(columns)


@on_postgresql
def test_the_gin_index_covers_the_expression_the_candidates_match(db):
    """Decision 0035 (search/migrations/0001, search/backends/postgres.py): no upstream
    migration indexes `title || body`, the vector matched; ours does, on modelsearch's table."""
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexdef FROM pg_indexes"
            " WHERE indexname = 'search_indexentry_title_body_gin'"
        )
        table, definition = cursor.fetchone()
    assert table == IndexEntry._meta.db_table
    assert "USING gin" in definition and "(title || body)" in definition
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f'EXPLAIN SELECT e.id FROM "{table}" e'  # noqa: S608 - our own table name
            " WHERE (e.\"title\" || e.\"body\") @@ to_tsquery('simple', 'prizren')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_indexentry_title_body_gin" in plan, plan


def test_search_results_still_call_the_methods_the_breaker_wraps():
    """Decisions 0033 and 0036: the engine backends guard `_backend_do_search` and `_do_count`
    (search/backends/engine.py), private methods of modelsearch's results classes."""
    from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchResults
    from modelsearch.backends.opensearch2 import OpenSearch2SearchResults

    for upstream, ours in (
        (Elasticsearch8SearchResults, elasticsearch.PrizrenSearchResults),
        (OpenSearch2SearchResults, opensearch.PrizrenOpenSearchResults),
    ):
        for name in ("_backend_do_search", "_do_count"):
            assert callable(getattr(upstream, name, None)), (upstream, name)
            assert name in vars(ours), (ours, name)


def test_wagtail_looks_up_the_site_through_the_attribute_the_memo_sets(db):
    """Decision 0054 (core/published.py): SiteLookupMiddleware sets `request._wagtail_site`
    from `Site._find_for_request`; Wagtail's `Site.find_for_request` must still read it."""
    assert callable(getattr(Site, "_find_for_request", None))
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    sentinel = object()
    request._wagtail_site = sentinel
    assert Site.find_for_request(request) is sentinel
