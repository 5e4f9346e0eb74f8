"""Rate limits for public forms, shared by every application server through the cache.

The client address is REMOTE_ADDR: nginx sets it to the real peer; an X-Forwarded-For header
sent by the client is never trusted here.
"""

import hashlib
import time

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _


class RateLimited(Exception):
    message = _("Too many submissions from your address. Please wait a few minutes and retry.")


def client_address(request):
    return request.META.get("REMOTE_ADDR", "") or "unknown"


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
