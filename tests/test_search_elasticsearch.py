"""Elasticsearch without a server: index settings, mappings, documents and query bodies;
outages (refused port, a socket that never answers); live tests when ELASTICSEARCH_URL is set."""

import os
import socket
import threading
import time

import pytest
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from core.normalise import query_terms
from documents.models import MunicipalDocument
from home.models import StandardPage
from search.backends import elasticsearch as es_backend
from search.service import _term_query
from tests.search_helpers import make_document, make_homes, make_page

BACKEND = "search.backends.elasticsearch"


@pytest.fixture(autouse=True)
def closed_breaker():
    es_backend.breaker.reset()
    yield
    es_backend.breaker.reset()


def offline_backend(url="http://127.0.0.1:9"):
    return get_search_backend(BACKEND, URLS=[url], INDEX_PREFIX="test_")


def test_index_settings_fold_like_the_normaliser():
    analyzers = offline_backend().settings["settings"]["analysis"]["analyzer"]
    assert analyzers["prizren_text"]["filter"] == [
        "lowercase",
        "serbian_normalization",
        "asciifolding",
    ]
    assert analyzers["prizren_folded"] == {
        "type": "custom",
        "tokenizer": "whitespace",
        "filter": ["lowercase"],
    }
    # Wagtail's own analyzers (autocomplete) are kept.
    assert "edgengram_analyzer" in analyzers


def test_client_timeout_and_no_retries():
    backend = offline_backend()
    assert backend.timeout == 2
    # elasticsearch-py 8 applies these per request (the transport keeps its own defaults).
    assert backend.es._request_timeout == 2
    assert backend.es._max_retries == 0
    assert backend.es._retry_on_timeout is False


def test_mappings_give_every_text_field_an_analyzer():
    backend = offline_backend()
    for model in (StandardPage, MunicipalDocument):
        properties = backend.mapping_class(model).get_mapping()["properties"]
        folded = [name for name in properties if name.endswith("search_folded_text")]
        assert folded, model
        for name in folded:
            assert properties[name]["analyzer"] == "prizren_folded"
        assert properties["title"]["analyzer"] == "prizren_text"
        assert properties["_all_text"]["analyzer"] == "prizren_text"
    document_properties = backend.mapping_class(MunicipalDocument).get_mapping()["properties"]
    assert document_properties["language_filter"]["type"] == "keyword"


def test_documents_carry_the_folded_text(db):
    backend = offline_backend()
    document = make_document("Одлуке", "Асфалтирање пута, İTFAİYE, Hoçë 01-016/2023-86", "sr-latn")
    body = backend.mapping_class(MunicipalDocument).get_document(document)
    folded = body["search_folded_text"].split()
    assert {"asfaltiranje", "itfaiye", "hoce", "01016202386"} <= set(folded)
    assert body["title"] == "Одлуке"


def test_query_body_uses_folded_variants(db):
    backend = offline_backend()
    terms = query_terms("Асфалтирање ıspanak")
    query = And([_term_query(term) for term in terms])
    body = backend.search(query, MunicipalDocument.objects.all())._get_es_body()
    text = str(body)
    assert "asfaltiranje" in text and "ispanak" in text
    assert "Асфалтирање" not in text and "ı" not in text
    assert isinstance(query, And) and isinstance(query.subqueries[0], Or | PlainText)


# --- outages -------------------------------------------------------------------------------


def refused_url():
    """A port nothing listens on: bind a socket, note its port, close it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def hanging_url():
    """A real server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
                held.append(connection)  # keep it open, say nothing
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join(2)
    for connection in held:
        connection.close()
    server.close()


ENGINE_TIMEOUT = 1  # seconds the client waits for an answer
# A search that waits once for the timeout stays under this; one that retried the hanging
# server (the client's default is three retries) would take four timeouts.
ONE_TIMEOUT_AT_MOST = ENGINE_TIMEOUT + 1.5


def use_elasticsearch(settings, url, fallback=True):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": BACKEND,
            "URLS": [url],
            "TIMEOUT": ENGINE_TIMEOUT,
            "INDEX_PREFIX": "test_",
        },
        "database": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
    }
    settings.SEARCH_FALLBACK_BACKEND = "database" if fallback else ""


@pytest.fixture(params=["refused", "hanging"])
def down_url(request, hanging_url):
    return refused_url() if request.param == "refused" else hanging_url


def timed_get(client, url, params):
    started = time.monotonic()
    response = client.get(url, params)
    return response, time.monotonic() - started


@pytest.mark.timing
def test_search_falls_back_to_the_database(client, db, settings, down_url):
    make_document("Vendimet shkurt", "ujësjellësi në Vlashnje", "sq")  # indexed before the outage
    use_elasticsearch(settings, down_url)
    response, elapsed = timed_get(client, "/sq/search/", {"q": "vlashnje", "format": "json"})
    assert response.status_code == 200
    assert [r["title"] for r in response.json()["results"]] == ["Vendimet shkurt"]
    assert elapsed < ONE_TIMEOUT_AT_MOST
    # The breaker is open now: the next search does not wait for the server again.
    response, elapsed = timed_get(client, "/sq/search/", {"q": "vlashnje"})
    assert response.status_code == 200 and elapsed < 0.5


@pytest.mark.timing
def test_search_says_unavailable_without_fallback(client, db, settings, down_url):
    use_elasticsearch(settings, down_url, fallback=False)
    response, elapsed = timed_get(client, "/sq/search/", {"q": "vlashnje"})
    assert response.status_code == 503
    assert 'class="search-unavailable"' in response.content.decode()
    assert elapsed < ONE_TIMEOUT_AT_MOST
    response, _ = timed_get(client, "/sq/search/", {"q": "vlashnje", "format": "json"})
    assert response.status_code == 503 and response.json()["error"] == "search unavailable"


@pytest.mark.timing
def test_publishing_and_other_pages_do_not_wait(client, demo_site, settings, down_url):
    use_elasticsearch(settings, down_url)
    started = time.monotonic()
    page = make_page(demo_site["sq"], "Faqe gjatë ndërprerjes", "Elasticsearch nuk përgjigjet.")
    page.save_revision().publish()
    # One 2 s timeout at most (then the breaker answers at once), plus the database work;
    # stock settings took 30 s here.
    assert time.monotonic() - started < 4
    response, elapsed = timed_get(client, page.get_url(), {})
    assert response.status_code == 200 and elapsed < 1
    # The database index was still updated: the fallback finds the new page.
    response = client.get("/sq/search/", {"q": "nderprerjes", "format": "json"})
    assert [r["title"] for r in response.json()["results"]] == ["Faqe gjatë ndërprerjes"]


# --- live server (only with ELASTICSEARCH_URL) -----------------------------------------------

LIVE_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.mark.elasticsearch_live
@pytest.mark.skipif(not LIVE_URL, reason="ELASTICSEARCH_URL is not set: no live Elasticsearch")
def test_live_server_folds_like_the_database(db, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": BACKEND, "URLS": [LIVE_URL], "INDEX_PREFIX": "test_live_"}
    }
    from search import service

    backend = get_search_backend()
    backend.reset_index()
    homes = make_homes()
    make_page(homes["sr-latn"], "Oslobađanje od takse", "osobe sa invaliditetom")
    make_document("Одлуке", "Асфалтирање пута у селу Ландовица", "sr-latn")
    make_document("Rregullorja", "Rregulloren për institucionet arsimore", "sq")
    backend.refresh_index()
    titles = lambda q, lang: [r.title for r in service.search(q, lang).results]  # noqa: E731
    assert titles("oslobadjanje takse", "sr-latn")[:1] == ["Oslobađanje od takse"]
    assert titles("asfaltiranje landovica", "sr-latn") == ["Одлуке"]
    assert titles("rregulloret", "sq") == ["Rregullorja"]
