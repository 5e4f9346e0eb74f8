"""Candidate retrieval straight from the index table (search/backends/index_table.py), on the
database the suite runs on: SQLite here, PostgreSQL in the second stage of .ci/run."""

import pytest
from django.db import connection
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from core.normalise import query_terms
from documents.models import MunicipalDocument
from search.backends import index_table, postgres, sqlite
from tests.search_helpers import make_document, make_homes, make_page


def required(query):
    return [term for term in query_terms(query) if term.required]


def test_only_index_tokens_reach_the_query_text():
    groups = index_table.variant_groups(required("vendimet buxhet"))
    assert len(groups) == 2 and "vendim" in groups[0] and "buxhet" in groups[1]
    hostile = required("a'b) | !c")
    for term in hostile:
        term.variants.append("x') | ('y")
        term.variants.append('x" OR "y')
    groups = index_table.variant_groups(hostile)
    assert "x')" not in postgres.tsquery_text(groups, "|")
    assert 'x"' not in sqlite.match_text(groups, "OR")
    assert (
        sqlite.match_text([["a", "b"], ["c"]], "AND") == '{title body} : (("a" OR "b") AND ("c"))'
    )


@pytest.fixture
def homes(db):
    return make_homes()


def candidates(queryset, query, every_word=True, exclude=()):
    dialect = index_table.dialect_for(get_search_backend(), queryset)
    assert dialect is {"postgresql": postgres, "sqlite": sqlite}[connection.vendor]
    return index_table.retrieve(
        dialect, queryset, required(query), every_word=every_word, limit=60, exclude=exclude
    )


def test_words_split_between_title_and_body_match_all_words(homes):
    page = make_page(homes["sq"], "Rregullore për parkimin", "Miratuar nga kuvendi komunal.")
    make_page(homes["sq"], "Parkimi në qendër", "Pa fjalën tjetër.")
    found = candidates(Page.objects.live(), "parkimin kuvendi")
    assert [p.pk for p in found] == [page.pk]


def test_only_what_the_queryset_allows(homes):
    albanian = make_page(homes["sq"], "Buxheti komunal 2026")
    make_page(homes["tr"], "Buxheti komunal 2026 (tr)")
    draft = make_page(homes["sq"], "Buxheti komunal draft", live=False)
    private = make_page(homes["sq"], "Buxheti komunal privat")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    queryset = Page.objects.live().public().filter(locale=homes["sq"].locale)

    assert [p.pk for p in candidates(queryset, "buxheti komunal")] == [albanian.pk]
    # The others are in the index: the queryset, not the index, kept them out.
    everything = {p.pk for p in candidates(Page.objects.all(), "buxheti komunal")}
    assert {albanian.pk, private.pk} <= everything
    assert draft.pk not in {p.pk for p in candidates(Page.objects.live(), "buxheti komunal")}


def test_title_matches_rank_first_and_some_words_come_newest_first(homes):
    in_body = make_document("Raport vjetor", "Vendimi për ujësjellësin e fshatit.")
    in_title = make_document("Vendimi për ujësjellësin", "Teksti i plotë.")
    older = make_document("Njoftim", "ujësjellësin")
    newer = make_document("Njoftim tjetër", "ujësjellësin")
    documents = MunicipalDocument.objects.defer("text")

    best = candidates(documents, "vendimi ujesjellesin")
    assert [d.pk for d in best] == [in_title.pk, in_body.pk]

    some = candidates(documents, "vendimi ujesjellesin", every_word=False, exclude=[in_title.pk])
    assert [d.pk for d in some] == [newer.pk, older.pk, in_body.pk]


def test_document_language_filter_is_applied_in_the_database(homes):
    albanian = make_document("Procesverbali", "procesverbali i takimit", language="sq")
    make_document("Zapisnik", "procesverbali i takimit", language="sr-latn")
    found = candidates(MunicipalDocument.objects.filter(language="sq"), "procesverbali")
    assert [d.pk for d in found] == [albanian.pk]
