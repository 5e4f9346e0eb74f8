"""The search page and its JSON answer; hostile queries and page numbers."""

import json
import time

import pytest

from tests.search_helpers import make_document, make_page


@pytest.fixture
def decisions(db):
    return [
        make_document(f"Vendimet e muajit {month}", f"Vendimi për ujësjellësin nr. {month}", "sq")
        for month in range(1, 26)
    ]


def get_json(client, url, **params):
    response = client.get(url, {**params, "format": "json"})
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def test_json_answer_has_the_documented_shape(client, demo_site):
    document = make_document("Vendimet e Kryetarit — Shkurt 2023", "ujësjellësi në Vlashnje", "sq")
    page = make_page(demo_site["sq"], "Ujësjellësi i Vlashnjës", "Punimet në ujësjellës.")
    response, data = get_json(client, "/sq/search/", q="ujesjellesi vlashnje")
    assert response.status_code == 200
    assert set(data) >= {"query", "total", "results"}
    assert data["query"] == "ujesjellesi vlashnje"
    assert data["total"] == 2
    assert {tuple(sorted(result)) for result in data["results"]} == {
        ("date", "locale", "snippet", "title", "type", "url")
    }
    by_type = {result["type"]: result for result in data["results"]}
    assert by_type["document"]["url"] == document.url
    assert by_type["document"]["url"].startswith(f"/documents/{document.pk}/")
    assert by_type["page"]["url"] == page.get_url()
    assert by_type["page"]["locale"] == "sq"
    assert "<mark>" in by_type["document"]["snippet"]


def test_json_ranking_matches_the_html_page(client, decisions):
    _, data = get_json(client, "/sq/search/", q="vendimet ujesjellesin")
    html = client.get("/sq/search/", {"q": "vendimet ujesjellesin"}).content.decode()
    positions = [html.index(f">{result['title']}</a>") for result in data["results"]]
    assert positions == sorted(positions)


def test_html_page_highlights_and_escapes(client, db):
    make_document("<script>alert(1)</script> Vendim", "vendim <b>i rëndësishëm</b>", "sq")
    html = client.get("/sq/search/", {"q": "vendim"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>vendim</mark>" in html
    assert "&lt;b&gt;" in html


def test_empty_state(client, db):
    response = client.get("/sr-latn/search/", {"q": "nepostojeca rec"})
    assert response.status_code == 200
    assert 'class="empty"' in response.content.decode()


def test_pagination_and_clamped_page_numbers(client, decisions):
    _, first = get_json(client, "/sq/search/", q="vendimet")
    assert first["total"] == 25 and first["pages"] == 3 and len(first["results"]) == 10
    # Tried: words, negative, zero, float notation, huge, empty, overflowing int.
    for value, expected in [("abc", 1), ("-1", 1), ("0", 1), ("1e9", 1), ("999999999999", 3),
                            ("", 1), ("3", 3), ("9" * 400, 3), ("2.5", 1)]:  # fmt: skip
        response, data = get_json(client, "/sq/search/", q="vendimet", page=value)
        assert response.status_code == 200, value
        assert data["page"] == expected, value
        html = client.get("/sq/search/", {"q": "vendimet", "page": value})
        assert html.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "a" * 4000,  # very long, no spaces
        "vendim " * 500,  # very long, many words
        '"vendim',  # unbalanced quote
        '"Dita e Dyerve"',
        "vendim AND NOT OR NEAR(a b)",  # FTS operators
        "* : ^ ( ) { } [ ] ~ - + ! \\",
        "vendim\x00\x00",  # NUL
        "\x0b\x0c\x1b vendim",  # control characters
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert(1)</script>",
        "İSTANBUL ıstanbul e\u0308\u200d",
    ],
)
def test_hostile_queries_give_no_error(client, decisions, query):
    started = time.monotonic()
    for fmt in ("json", "html"):
        response = client.get("/sq/search/", {"q": query, "format": fmt, "type": "x' OR 1=1"})
        assert response.status_code == 200
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("raw", ["%ED%A0%80vendim", "%FF%FE", "%C0%80", "vendim%00"])
def test_undecodable_query_strings(client, decisions, raw):
    # Tried: a lone surrogate encoded in UTF-8 (ED A0 80), invalid bytes, overlong NUL, %00.
    for fmt in ("json", "html"):
        response = client.get(f"/sq/search/?q={raw}&format={fmt}&page=%ED%A0%80")
        assert response.status_code == 200


def test_hostile_filters_are_ignored(client, decisions):
    # Tried: unknown kind, year out of range and not a number, unknown language.
    for params in [{"type": "<x>"}, {"year": "1e9"}, {"year": "-5"}, {"lang": "xx\x00"}]:
        response, data = get_json(client, "/sq/search/", q="vendimet", **params)
        assert response.status_code == 200
        assert data["total"] == 25


def test_unpublished_pages_documents_are_hidden(client, demo_site):
    draft = make_page(demo_site["sq"], "Faqe draft", live=False)
    document = make_document("Dokument i fshehur bletar", "bletarët", "sq", published=False)
    draft.body = [("paragraph", f'<a linktype="document" id="{document.pk}">doc</a>')]
    draft.save_revision()
    draft.save()
    from wagtail.models import ReferenceIndex

    ReferenceIndex.create_or_update_for_object(draft)
    _, data = get_json(client, "/sq/search/", q="bletar")
    assert data["total"] == 0
    draft.save_revision().publish()
    _, data = get_json(client, "/sq/search/", q="bletar")
    assert [result["title"] for result in data["results"]] == ["Dokument i fshehur bletar"]
