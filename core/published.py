"""Facts about the published site that every request needs and that change only when an
editor publishes, unpublishes, moves or deletes a page, changes a page's privacy or edits a
Site: which Site answers a host, whether any page is private at all.

Each process keeps them for the current generation of the page cache (core.middleware), which
all those changes bump; reading the generation is one cache read per request instead of a
query per fact. FRAGMENT_CACHE_SECONDS = 0 turns this off, as it does the site chrome.
"""

from django.conf import settings
from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import PageViewRestriction, Site

from core.middleware import UNCACHED_PREFIXES, current_generation

_memo = {"generation": None, "values": {}}


def remember(key, build):
    """`build()`, computed once per process for the current published generation."""
    generation = current_generation() if settings.FRAGMENT_CACHE_SECONDS else None
    if generation is None:
        return build()
    if _memo["generation"] != generation:
        _memo["generation"] = generation
        _memo["values"] = {}
    values = _memo["values"]
    if key not in values:
        values[key] = build()
    return values[key]


def any_page_is_private():
    """False while no page has a view restriction (then no page needs the check)."""
    return remember("private-pages", PageViewRestriction.objects.exists)


class SiteLookupMiddleware:
    """Sets the request's Wagtail Site (Site.find_for_request) from the per-process memo.

    Not for the admin, documents, health and files, and never an error of its own: if the
    database cannot answer, Wagtail looks the Site up itself (and the view decides).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(UNCACHED_PREFIXES) and not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]
            key = ("site", hostname, request.get_port())
            try:
                request._wagtail_site = remember(key, lambda: Site._find_for_request(request))
            except DatabaseError:
                pass
        return self.get_response(request)
