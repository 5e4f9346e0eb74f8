"""Hostile requests against the public site: never a 500, never a reflected script.

Each case says what was sent; the expected answer is a 2xx/3xx/4xx, with the page cache on
(its keys hash whatever path and query string arrive).
"""

import pytest
from django.test import Client

HOSTILE_SEARCHES = {
    "100,000 characters": "a" * 100_000,
    "double quote": '"',
    "backslash": "\\",
    "star": "*",
    "field syntax": "title:foo",
    "unbalanced boolean": "a AND (b OR",
    "json": '{"match_all":{}}',
    "NUL": "\x00",
    "control characters": "\x0b\x0c\x1b",
    "script": "<script>alert(1)</script>",
    "Turkish dotted I": "İSTANBUL ıstanbul",
    "NFD e-diaeresis": "Prizre\u0308n",
}
RAW_QUERY_STRINGS = {
    "lone surrogate": "q=%ED%A0%80",
    "encoded NUL": "q=%00",
    "broken percent": "q=%E0%A4%A",
    "page=-1": "q=Prizren&page=-1",
    "page=0": "q=Prizren&page=0",
    "page=1e9": "q=Prizren&page=1e9",
    "page=999999999999": "q=Prizren&page=999999999999",
    "page=abc": "q=Prizren&page=abc",
}
HOSTILE_PATHS = {
    "/SR/": (301, 302, 404),
    "/SR-LATN/": (301, 302, 404),
    "/sr-Latn/": (301, 302, 404),
    "/sr_Latn/": (301, 302, 404),
    "/xx/": (301, 302, 404),
    "/tr/../sq/": (200, 301, 302, 404),
    "/sq/%00/": (301, 302, 400, 404),
    "/documents/1/wrong-name.pdf": (404,),
    "/documents/1/..%2F..%2Fsettings.py": (404,),
    "/documents/1/%252e%252e/settings.py": (404,),
    "/sq/search/?q=%3Cscript%3E": (200,),
}


def test_hostile_search_queries_are_answered(client, demo_site, caches_on):
    answers = {
        case: client.get(f"/{language}/search/", {"q": query})
        for case, query in HOSTILE_SEARCHES.items()
        for language in ("sq", "tr")
    }
    assert {case: r.status_code for case, r in answers.items()} == dict.fromkeys(answers, 200)
    assert not [case for case, r in answers.items() if b"<script>alert(1)" in r.content]


def test_hostile_raw_query_strings_are_answered(demo_site, caches_on):
    answers = {case: Client().get(f"/sq/search/?{raw}") for case, raw in RAW_QUERY_STRINGS.items()}
    assert {case: r.status_code for case, r in answers.items()} == dict.fromkeys(answers, 200)


def test_out_of_range_result_pages_are_clamped(client, demo_site):
    last = client.get("/sq/search/", {"q": "Prizren", "page": "1e9"})
    first = client.get("/sq/search/", {"q": "Prizren", "page": "-1"})
    assert last.context["results"].number == last.context["results"].paginator.num_pages
    assert first.context["results"].number == 1


def test_hostile_paths_get_a_redirect_or_a_404(client, demo_site, caches_on):
    answers = {path: client.get(path).status_code for path in HOSTILE_PATHS}
    wrong = {path: status for path, status in answers.items() if status not in HOSTILE_PATHS[path]}
    assert not wrong, wrong


def test_a_foreign_host_header_is_refused(client, db):
    # Tried: Host: evil.example (password-reset links and absolute URLs must not use it).
    assert client.get("/sq/", HTTP_HOST="evil.example").status_code == 400


def test_a_huge_accept_language_header_is_answered_fast(client, db):
    # Tried: a 10 KB Accept-Language header with 1,000 variants (CVE-2024-39614 class).
    header = ",".join(f"x{n}-yy;q=0.{n % 10}" for n in range(1000))[:10_000]
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code in (301, 302)


def csrf_client():
    # A client holding a valid CSRF cookie, so that the body is read, not refused unread.
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    return client


def test_a_3_mb_post_body_is_refused_with_400(db):
    # Tried: 3 MB of text posted to a public URL (DATA_UPLOAD_MAX_MEMORY_SIZE is 2.5 MB).
    data = {"csrfmiddlewaretoken": "a" * 32, "comment": "x" * 3_000_000}
    assert csrf_client().post("/sq/search/", data).status_code == 400


def test_a_post_without_csrf_token_is_refused(db):
    response = Client(enforce_csrf_checks=True).post("/sq/", {"name": "Ana\r\nBcc: a@b.example"})
    assert response.status_code == 403


def test_too_many_fields_are_refused(db):
    # Tried: a POST with 10,001 fields (DATA_UPLOAD_MAX_NUMBER_FIELDS is 10,000).
    data = {"csrfmiddlewaretoken": "a" * 32, **{f"f{n}": "1" for n in range(10_001)}}
    response = csrf_client().post("/sq/", data)
    assert response.status_code == 400


def test_unpublished_pages_are_404_even_with_preview_parameters(client, demo_site):
    from home.models import StandardPage

    draft = StandardPage(title="Projekt i fshehtë", slug="projekt-i-fshehte", live=False)
    demo_site["sq"].add_child(instance=draft)
    for path in ("/sq/projekt-i-fshehte/", "/sq/projekt-i-fshehte/?preview=1"):
        assert client.get(path).status_code == 404


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_item_with_cdata_end_and_control_characters_stays_valid(client, press_index, kind):
    # Tried: a release title with `]]>`, a vertical tab, an RTL override and a script tag.
    import feedparser

    from tests.media_helpers import make_release

    title = "Buxheti ]]> 2026\x0b \u202e<script>alert(1)</script>"
    make_release(press_index, title)
    response = client.get(f"/sq/njoftime/feed/{kind}/")
    assert response.status_code == 200
    assert b"<script>" not in response.content
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert "]]> 2026" in feed.entries[0].title
