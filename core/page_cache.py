"""Which query parameters a cached page depends on (core.middleware.AnonymousPageCacheMiddleware).

The page cache keys an entry on the host, the path and the values of the query parameters the
page or view *declares*; any other parameter (utm_source, fbclid, a random one) neither makes
a new entry nor misses the cache. Pages declare theirs in `cache_query_params` (BasePage: none;
core/wagtail_hooks.py passes it on), other views with the decorator below. A response of a
view that declares nothing is stored only for a URL without a query string.
"""

from functools import wraps

REQUEST_ATTRIBUTE = "cache_query_params"


def declare(request, names):
    setattr(request, REQUEST_ATTRIBUTE, tuple(sorted(set(names))))


def declared(request):
    """The names this request's view declared, or None when it declared nothing."""
    return getattr(request, REQUEST_ATTRIBUTE, None)


def cache_query_params(*names):
    """View decorator: the view's answer depends on these query parameters and no others."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            declare(request, names)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
