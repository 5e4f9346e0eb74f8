"""The page cache keys on the path and the query parameters each page declares, nothing else:
tracking parameters never make new entries in the Redis that also holds the rate limits."""

import os

import pytest
import redis
from django.test import Client

from tests.media_helpers import make_release
from tests.participation_helpers import build_small_site

pytestmark = pytest.mark.shared_redis  # Redis databases the nginx suite uses too

REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/2")


@pytest.fixture
def real_redis(settings):
    prefix = f"pagekeys{os.getpid()}"
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.PAGE_CACHE_SECONDS = 60
    client = redis.Redis.from_url(REDIS_URL)

    def keys(kind):
        return list(client.scan_iter(f"{prefix}:*pagecache:*:{kind}:*", count=1000))

    yield keys
    stale = list(client.scan_iter(f"{prefix}:*", count=1000))
    if stale:
        client.delete(*stale)


def test_2000_tracking_parameters_make_one_entry(db, real_redis):
    build_small_site()
    client = Client()
    statuses = set()
    cache_states = []
    for n in range(2000):
        response = client.get(f"/sq/?utm={n}")
        statuses.add(response.status_code)
        cache_states.append(response["X-Page-Cache"])
    assert statuses == {200}
    assert cache_states[0] == "miss" and set(cache_states[1:]) == {"hit"}
    assert len(real_redis("page")) == 1
    # The bare URL is the same entry.
    assert client.get("/sq/")["X-Page-Cache"] == "hit"


def test_search_keys_on_its_own_parameters_only(db, real_redis):
    build_small_site()
    client = Client()
    assert client.get("/sq/search/?q=buxheti&utm_source=x")["X-Page-Cache"] == "miss"
    assert client.get("/sq/search/?utm_source=y&q=buxheti")["X-Page-Cache"] == "hit"
    assert client.get("/sq/search/?q=buxheti&page=2")["X-Page-Cache"] == "miss"
    assert client.get("/sq/search/?q=vendimi")["X-Page-Cache"] == "miss"
    assert len(real_redis("page")) == 3


def test_listing_pages_key_on_their_filters(press_index, real_redis):
    for n in range(3):
        make_release(press_index, f"Njoftimi {n}")
    client = Client()
    url = press_index.url
    assert client.get(f"{url}?page=1")["X-Page-Cache"] == "miss"
    assert client.get(f"{url}?page=1&fbclid=abc")["X-Page-Cache"] == "hit"
    assert client.get(f"{url}?year=2023")["X-Page-Cache"] == "miss"
    assert len(real_redis("page")) == 2


def test_an_undeclared_view_is_not_cached_with_a_query_string(db, real_redis):
    build_small_site()
    client = Client()
    response = client.get("/sitemap.xml?utm=1")
    assert response.status_code == 200 and "X-Page-Cache" not in response
    assert real_redis("page") == []
    assert Client().get("/sitemap.xml")["X-Page-Cache"] == "miss"
