"""A Redis cache that fails open: when Redis is down the site keeps serving, uncached.

Django's RedisCache raises on every call during an outage. This subclass logs the error,
answers like an empty cache, and stops trying for a few seconds so that a blackholed Redis
costs one timeout per process per pause, not one per cache call.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


class FailOpenRedisCache(RedisCache):
    _down_until = 0.0

    def _available(self):
        return time.monotonic() >= self._down_until

    def available(self):
        """False during the pause after an error (core.counters then counts in memory)."""
        return self._available()

    def _failed(self, operation, error):
        self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
        logger.error("Redis cache unavailable during %s: %s", operation, error)

    def _call(self, operation, fallback, *args, **kwargs):
        if not self._available():
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - redis-py raises many types on outage
            self._failed(operation, error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def clear(self):
        return self._call("clear", False)

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read must not look like zero: callers (rate limits) fail
        # open on this error themselves.
        if not self._available():
            raise ConnectionError("Redis cache unavailable")
        try:
            return super().incr(key, delta, version)
        except ValueError:
            raise
        except Exception as error:  # noqa: BLE001
            self._failed("incr", error)
            raise ConnectionError("Redis cache unavailable") from error

    def ping(self):
        """True when Redis answers now (for /health), regardless of the pause."""
        try:
            client = self._cache.get_client(write=False)
            return bool(client.ping())
        except Exception:  # noqa: BLE001
            return False
