"""Security headers on public responses and the anonymous page cache.

Both leave the admin alone: Wagtail's admin needs inline scripts and must never be cached.
"""

import hashlib
import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from core import page_cache

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"
# Paths the page cache never stores: the admin, documents (access rules per request), health.
UNCACHED_PREFIXES = (ADMIN_PREFIX, "/documents/", "/health", "/static/", "/media/")
CACHED_CONTENT_TYPES = (
    "text/html",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
)
GENERATION_KEY = "pagecache:generation"


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIX)


class SecurityHeadersMiddleware:
    """Content-Security-Policy without 'unsafe-inline' and a Permissions-Policy on public pages.

    A response that already carries a CSP (documents: `default-src 'none'`) keeps its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_admin_path(request.path):
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _first_generation():
    """Where a generation starts when the cache has none (first start, Redis emptied): the
    clock, so that a restarted count never meets a number that processes still remember
    (core.published keeps facts per process for the current generation)."""
    return time.time_ns() // 1000


def current_generation():
    """The page cache's generation: publishing a page bumps it, which empties the cache."""
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, _first_generation(), timeout=None)
            generation = cache.get(GENERATION_KEY)
    except Exception:  # noqa: BLE001 - any cache error means: no page cache for this request
        return None
    return generation


def invalidate_page_cache(**kwargs):
    """Signal receiver: a page was published, unpublished, moved or deleted."""
    try:
        cache.add(GENERATION_KEY, _first_generation(), timeout=None)
        cache.incr(GENERATION_KEY)
    except Exception:  # noqa: BLE001 - entries still expire after PAGE_CACHE_SECONDS
        logger.warning("Could not invalidate the page cache", exc_info=True)


def empty_page_cache_on_change(*models):
    """Readers see these (non-page) models on pages: saving or deleting one empties the page
    cache, and with it every cache keyed on its generation (feeds, chrome, core.published)."""
    for model in models:
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                invalidate_page_cache,
                sender=model,
                dispatch_uid=f"pagecache-{model._meta.label}-{name}",
            )


def params_key(request, generation):
    """Where the names of the query parameters of this host and path are remembered."""
    raw = f"{request.get_host()}|{request.path}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:{generation}:params:{digest}"


def page_cache_key(request, generation, names=()):
    # The path carries the language prefix (/sq/, /sr-latn/, /tr/); of the query string only
    # the parameters the page declared count (core/page_cache.py), in a fixed order.
    values = [(name, value) for name in names for value in request.GET.getlist(name)]
    raw = f"{request.get_host()}|{request.path}|{urlencode(values)}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:{generation}:page:{digest}"


class AnonymousPageCacheMiddleware:
    """Cache whole responses of public pages for anonymous readers.

    Keyed by host, path and the query parameters the page declares (core/page_cache.py), so
    each language has its own entries and `?utm_source=…` makes none. A response is stored
    only if it is a 200 of an HTML or feed document that sets no cookie and used no CSRF
    token; requests of signed-in users or carrying a session skip the cache in both directions.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not self.is_cacheable_request(request):
            return self.get_response(request)
        generation = current_generation()
        if generation is None:
            return self.get_response(request)
        names_key = params_key(request, generation)
        try:
            names = cache.get(names_key)
            cached = (
                None if names is None else cache.get(page_cache_key(request, generation, names))
            )
        except Exception:  # noqa: BLE001
            cached = None
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        names = page_cache.declared(request)
        if names is None and request.GET:
            return response  # a view that declared nothing: only its bare URL is cached
        if self.is_cacheable_response(request, response):
            response["X-Page-Cache"] = "miss"
            names = names or ()
            try:
                cache.set(names_key, names, timeout=seconds)
                cache.set(page_cache_key(request, generation, names), response, timeout=seconds)
            except Exception:  # noqa: BLE001
                logger.warning("Could not store a page in the cache", exc_info=True)
        return response

    @staticmethod
    def is_cacheable_request(request):
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(UNCACHED_PREFIXES):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return False
        return not request.user.is_authenticated

    @staticmethod
    def is_cacheable_response(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        if request.META.get("CSRF_COOKIE_USED"):
            return False
        if "private" in response.get("Cache-Control", "") or "no-store" in response.get(
            "Cache-Control", ""
        ):
            return False
        content_type = response.get("Content-Type", "")
        return content_type.startswith(CACHED_CONTENT_TYPES)
