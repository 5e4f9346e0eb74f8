"""`/health`: the state of the database, the cache and the search backend, for load balancers.

200 while the database answers (the site can serve pages), 503 otherwise. The cache and the
search backend may be "down" without failing the check: the site degrades, it does not stop.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001
        logger.exception("Health: database unavailable")
        return "down"
    return "ok"


def cache_state():
    if hasattr(cache, "ping"):
        return "ok" if cache.ping() else "down"
    try:
        cache.set("health:probe", "1", timeout=5)
        return "ok" if cache.get("health:probe") == "1" else "down"
    except Exception:  # noqa: BLE001
        return "down"


def search_state():
    backend_path = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    if "elasticsearch" not in backend_path:
        return "database"
    try:
        backend = get_search_backend()
        return "ok" if backend.es.options(request_timeout=1).ping() else "down"
    except Exception:  # noqa: BLE001
        logger.warning("Health: search backend unavailable", exc_info=True)
        return "down"


@never_cache
@require_GET
def health(request):
    state = {"database": database_state(), "cache": cache_state(), "search": search_state()}
    return JsonResponse(state, status=200 if state["database"] == "ok" else 503)
