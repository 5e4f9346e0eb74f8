"""Counters of rate limits and throttles, in the shared cache with a per-process fallback.

While Redis is down (core.cache.FailOpenRedisCache pauses after an error) the counters live in
this process's memory instead: limits keep working, only per worker instead of per site, and
no request fails because a counter cannot be written (docs/decisions/0065-credential-throttle.md).
"""

import logging

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

_local = LocMemCache("prizren-counters-fallback", {"OPTIONS": {"MAX_ENTRIES": 20_000}})


def _store():
    available = getattr(cache, "available", None)
    if available is not None and not available():
        return _local
    return cache


def increment(key, timeout):
    """Add one to the counter `key` (created with `timeout` seconds) and return its value."""
    store = _store()
    try:
        store.add(key, 0, timeout=timeout)
        return store.incr(key)
    except Exception:  # noqa: BLE001 - the shared cache failed: count in this process
        if store is _local:
            raise
        logger.warning("Counter %s kept in process memory: the cache is unavailable", key)
        _local.add(key, 0, timeout=timeout)
        return _local.incr(key)


def read(*keys):
    """{key: value} of the counters that exist."""
    store = _store()
    try:
        return store.get_many(keys)
    except Exception:  # noqa: BLE001
        return _local.get_many(keys)


def put(key, value, timeout):
    store = _store()
    try:
        store.set(key, value, timeout=timeout)
    except Exception:  # noqa: BLE001
        _local.set(key, value, timeout=timeout)


def clear_local():
    """Forget the per-process fallback counters (tests)."""
    _local.clear()
