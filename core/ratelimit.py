"""Rate limits for public forms, shared by every application server through the cache.

The client address comes from core.client_address: REMOTE_ADDR, or the proxy's X-Forwarded-For
when REMOTE_ADDR is a trusted proxy (TRUSTED_PROXIES).
"""

import hashlib
import time

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from core.client_address import client_address


class RateLimited(Exception):
    message = _("Too many submissions from your address. Please wait a few minutes and retry.")


def hit(scope, key, *, limit, period):
    """Count one hit of `key` in `scope`; raise RateLimited past `limit` hits per `period` s.

    A fixed window per period. If the cache is down, the request goes through: a rate limit
    must not take a form offline.
    """
    window = int(time.time() // period)
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}:{window}"
    try:
        cache.add(cache_key, 0, timeout=period)
        count = cache.incr(cache_key)
    except Exception:  # noqa: BLE001 - cache outage: fail open, the form keeps working
        return
    if count > limit:
        raise RateLimited


def hit_for_request(request, scope, *, limit, period):
    hit(scope, client_address(request), limit=limit, period=period)
