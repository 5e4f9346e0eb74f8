"""Candidate retrieval straight from the index table that Wagtail's database backend writes.

Wagtail writes the index (`wagtailsearch_indexentry`, and on SQLite its FTS5 twin); this
module only reads it, with SQL that stays fast at 100,000 items
(docs/decisions/0035-index-table-candidates.md):

- the match runs from the index outwards: the object table is only consulted for the ids the
  queryset allows (live, public, language...), never walked row by row;
- objects with every word are ranked by the database, title matches first (ts_rank over a
  bounded pool on PostgreSQL, FTS5's bm25 on SQLite);
- objects with only some of the words are not ranked by the database: newest first.

The dialects are search.backends.postgres and search.backends.sqlite. Elasticsearch has its
own backend.
"""

import re

from django.db import connections
from django.db.models import F

from . import postgres, sqlite

LEXEME = re.compile(r"^[a-z0-9]+$")


def dialect_for(backend, queryset):
    """The module that reads `backend`'s index on `queryset`'s database, or None."""
    for dialect in (postgres, sqlite):
        if dialect.serves(backend, connections[queryset.db].vendor):
            return dialect
    return None


def variant_groups(terms):
    """Each term's index tokens (only `[a-z0-9]+`, so nothing else reaches the SQL)."""
    groups = []
    for term in terms:
        variants = sorted({variant for variant in term.variants if LEXEME.match(variant)})
        if variants:
            groups.append(variants)
    return groups


def allowed_ids(queryset):
    """(SQL, params) of the ids the queryset allows, or None when it allows every row."""
    if not queryset.query.where:
        return None
    ids = queryset.order_by().annotate(candidate_pk=F("pk")).values("candidate_pk")
    return ids.query.sql_with_params()


def retrieve(dialect, queryset, terms, *, every_word, limit, exclude=()):
    """The matching objects of `queryset`, in candidate order."""
    groups = variant_groups(terms)
    if not groups:
        return []
    ids = dialect.candidate_ids(
        queryset,
        groups,
        allowed_ids(queryset),
        every_word=every_word,
        limit=limit,
        exclude=exclude,
    )
    by_id = queryset.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]
