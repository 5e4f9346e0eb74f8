"""Rate limits for public forms, shared by every application server through the cache.

The client address comes from core.client_address: REMOTE_ADDR, or the proxy's X-Forwarded-For
when REMOTE_ADDR is a trusted proxy (TRUSTED_PROXIES).
"""

import hashlib
import time

from django.utils.translation import gettext_lazy as _

from core import counters
from core.client_address import client_address


class RateLimited(Exception):
    message = _("Too many submissions from your address. Please wait a few minutes and retry.")


def window_key(scope, key, period):
    """The cache key of `key`'s counter in `scope` for the current window of `period` s."""
    window = int(time.time() // period)
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{window}"


def hit(scope, key, *, limit, period):
    """Count one hit of `key` in `scope`; raise RateLimited past `limit` hits per `period` s.

    A fixed window per period. If the cache is down, the count is kept in this process
    (core.counters): the limit holds per worker and the form keeps working.
    """
    count = counters.increment(window_key(scope, key, period), period)
    if count > limit:
        raise RateLimited


def hit_for_request(request, scope, *, limit, period):
    hit(scope, client_address(request), limit=limit, period=period)
