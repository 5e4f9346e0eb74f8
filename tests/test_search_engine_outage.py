"""Outages of the live engine with a real process: the node frozen (SIGSTOP) and killed
(SIGKILL) mid-run. Pages keep answering, search falls back to the database, publishing does
not wait, and every change made meanwhile reaches the engine when it is back, through the
durable queue (search/queue.py), without a rebuild. Timings are printed (run with -s)."""

import time

import pytest
from wagtail.search.backends import get_search_backend

from search import service
from search.backends.engine import breaker
from search.models import PendingIndexChange
from tests.search_engine_helpers import (
    clear_indexes,
    create_indexes,
    engine_settings,
    search_engine,  # noqa: F401 - the session fixture
)
from tests.search_helpers import make_page

pytestmark = pytest.mark.search_engine


@pytest.fixture
def engine(settings, search_engine, django_capture_on_commit_callbacks):  # noqa: F811
    settings.WAGTAILSEARCH_BACKENDS, settings.SEARCH_FALLBACK_BACKEND = engine_settings(
        search_engine.url
    )
    breaker.reset()
    # A short pause before the engine is tried again, so the test sees the recovery soon.
    seconds, breaker.seconds = breaker.seconds, 1.0
    backend = get_search_backend()
    create_indexes(backend)
    yield backend
    if not search_engine.answers(timeout=0.2):  # a failed test must not leave it down
        try:
            search_engine.thaw()
        except (OSError, ValueError):
            pass
        if not search_engine.answers(timeout=3):
            search_engine.start()
    breaker.seconds = seconds
    breaker.reset()
    clear_indexes(get_search_backend())


def timed(call, *args, **kwargs):
    started = time.monotonic()
    result = call(*args, **kwargs)
    return result, time.monotonic() - started


def engine_titles(query):
    """What the site's search finds on the engine; None if it fell back to the database."""
    get_search_backend().refresh_indexes()
    outcome = service.search(query, "sq")
    return None if outcome.fell_back else [result.title for result in outcome.results]


def wait_for_recovery(seconds=30):
    """Search until the engine answers again; the first answer drains the queue."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        outcome = service.search("kontakt", "sq")
        if not outcome.fell_back:
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"the engine did not answer within {seconds} s")


def outage_run(client, press_index, commit, stop_node, bring_back):  # noqa: F811
    home = press_index.get_parent().specific
    with commit():
        before = make_page(home, "Ujësjellësi i Zhurit", "Riparimi para ndërprerjes")
    assert engine_titles("zhurit") == ["Ujësjellësi i Zhurit"]
    timings = {}

    stop_node()
    response, timings["page"] = timed(client.get, before.get_url())
    assert response.status_code == 200
    response, timings["search fallback"] = timed(
        client.get, "/sq/search/", {"q": "zhurit", "format": "json"}
    )
    assert response.status_code == 200
    assert [r["title"] for r in response.json()["results"]] == ["Ujësjellësi i Zhurit"]
    assert timings["search fallback"] < 2.5
    # Publishing, unpublishing and a page answer while the engine is down.
    with commit():
        during, timings["publish"] = timed(
            make_page, home, "Kanalizimi në Landovicë", "Publikuar gjatë ndërprerjes"
        )
    assert timings["publish"] < 5
    with commit():
        _, timings["unpublish"] = timed(before.unpublish)
    assert timings["unpublish"] < 5
    response, timings["new page"] = timed(client.get, during.get_url())
    assert response.status_code == 200
    # The database fallback is up to date already; the engine's changes wait in the queue.
    response = client.get("/sq/search/", {"q": "landovice", "format": "json"})
    assert [r["title"] for r in response.json()["results"]] == ["Kanalizimi në Landovicë"]
    assert PendingIndexChange.objects.count() >= 2

    timings["node back"] = bring_back()
    timings["first engine answer"] = wait_for_recovery()
    assert PendingIndexChange.objects.count() == 0
    # Found on the engine itself, no rebuild: the page published during the outage is there,
    # the page unpublished during it is gone.
    assert engine_titles("landovice") == ["Kanalizimi në Landovicë"]
    assert engine_titles("zhurit") == []
    return timings


def report(name, timings):
    print(f"\n{name}: " + ", ".join(f"{key} {value:.2f} s" for key, value in timings.items()))


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_frozen_node(engine, search_engine, client, press_index, commit):  # noqa: F811
    timings = outage_run(
        client,
        press_index,
        commit,
        stop_node=search_engine.freeze,
        bring_back=lambda: timed(search_engine.thaw)[1],
    )
    report("SIGSTOP", timings)


def test_killed_node(engine, search_engine, client, press_index, commit):  # noqa: F811
    timings = outage_run(
        client,
        press_index,
        commit,
        stop_node=search_engine.kill,
        bring_back=search_engine.start,
    )
    report("SIGKILL", timings)
