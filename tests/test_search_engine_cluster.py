"""A three-node engine cluster (replicas 1), each node its own JVM (scripts/search-engine
start --nodes 3): one node killed, search keeps answering from the engine; `update_index`
rebuilding while queries run never returns an empty result (modelsearch's atomic rebuild:
a new index, then the alias moved to it). Timings are printed (run with -s)."""

import os
import threading
import time

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from search import service
from search.backends.engine import breaker
from tests.search_engine_helpers import PORT, PREFIX, Engine, delete_indexes
from tests.search_helpers import make_homes, make_page

pytestmark = pytest.mark.search_engine

CLUSTER_PORT = int(os.environ.get("SEARCH_ENGINE_CLUSTER_PORT", str(PORT + 10)))
PAGES = 12


@pytest.fixture(scope="module")
def cluster():
    engine = Engine(port=CLUSTER_PORT, nodes=3)
    try:
        seconds = engine.start()
    except RuntimeError as error:
        engine.stop()
        if os.environ.get("SEARCH_ENGINE_REQUIRED") == "1":
            pytest.fail(f"the three-node cluster could not start: {error}")
        pytest.skip(f"the three-node cluster could not start: {error}")
    print(f"\nthree-node cluster started in {seconds:.1f} s")
    yield engine
    engine.stop()


@pytest.fixture
def cluster_backend(settings, cluster, db):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": cluster.urls,
            "INDEX_PREFIX": PREFIX,
            "AUTO_UPDATE": False,
            "INDEX_SETTINGS": {"settings": {"index": {"number_of_replicas": 1}}},
        },
        "database": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
    }
    settings.SEARCH_FALLBACK_BACKEND = "database"
    breaker.reset()
    backend = get_search_backend()
    delete_indexes(backend)
    homes = make_homes()
    for n in range(PAGES):
        make_page(homes["sq"], f"Rruga {n} në Zhur", "Asfaltimi i rrugës")
    # The first build makes the indexes aliases already (an atomic rebuild).
    call_command("update_index", verbosity=0)
    backend.es.cluster.health(
        wait_for_status="green", params={"timeout": "60s"}, request_timeout=65
    )
    yield backend
    breaker.reset()
    delete_indexes(get_search_backend())


def engine_search(query):
    outcome = service.search(query, "sq")
    assert not outcome.fell_back, "search fell back to the database"
    return [result.title for result in outcome.results]


def test_one_node_killed_search_keeps_answering_from_the_engine(cluster, cluster_backend):
    page_index = cluster_backend.get_index_for_model(StandardPage).name
    shards = cluster_backend.es.cat.shards(index=page_index, format="json")
    assert sorted(shard["prirep"] for shard in shards if shard["state"] == "STARTED") == ["p", "r"]
    # Kill the node that holds the primary (node names are node-1…node-3).
    primary = next(shard["node"] for shard in shards if shard["prirep"] == "p")
    victim = int(primary.rsplit("-", 1)[1])
    assert len(engine_search("zhur")) == PAGES
    cluster.kill(victim)
    latencies = []
    for _ in range(20):
        started = time.monotonic()
        assert len(engine_search("zhur")) == PAGES
        latencies.append(time.monotonic() - started)
    print(
        f"\nnode-{victim} (primary) killed: 20 searches from the engine, first "
        f"{latencies[0]:.2f} s, max {max(latencies):.2f} s"
    )
    assert not cluster.answers(victim)


def test_rebuild_while_queries_run_never_returns_nothing(cluster, cluster_backend):
    if not all(cluster.answers(n) for n in (1, 2, 3)):
        cluster.start()  # the previous test killed a node
    # The query the site's search sends, run from another thread straight to the engine (that
    # thread cannot see this test's database transaction): the count of pages it matches.
    body = cluster_backend.search("zhur", StandardPage.objects.all())._get_es_body()
    alias = cluster_backend.get_index_for_model(StandardPage).name
    counts, stop = [], threading.Event()

    def query():
        while not stop.is_set():
            response = cluster_backend.es.search(index=alias, body=body, size=0)
            counts.append(response["hits"]["total"]["value"])

    thread = threading.Thread(target=query)
    thread.start()
    started = time.monotonic()
    try:
        for _ in range(2):
            call_command("update_index", verbosity=0)
    finally:
        stop.set()
        thread.join(10)
    elapsed = time.monotonic() - started
    print(
        f"\n2 rebuilds in {elapsed:.1f} s, {len(counts)} queries meanwhile, "
        f"counts {min(counts)}..{max(counts)}"
    )
    assert len(counts) > 20
    assert min(counts) >= PAGES  # never empty (and never partial)
    assert cluster_backend.es.indices.exists_alias(name=alias)
    assert len(cluster_backend.es.indices.get_alias(name=alias)) == 1
