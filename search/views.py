import logging

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].replace("\x00", "").strip()
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    status = 200
    # --- hardening: a query the backend cannot parse (SQLite FTS5 and `"`), or a search
    # backend that is down, gives an empty result page, never a 500.
    try:
        page = paginator.get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)
    except DatabaseError:
        logger.info("Search query the backend could not parse: %r", query)
        page = Paginator(Page.objects.none(), RESULTS_PER_PAGE).get_page(1)
    except Exception:  # noqa: BLE001 - Elasticsearch client errors: the backend is down
        logger.exception("Search backend unavailable")
        page = Paginator(Page.objects.none(), RESULTS_PER_PAGE).get_page(1)
        status = 503
    # --- end hardening
    return render(request, "search/search.html", {"query": query, "results": page}, status=status)
