"""One search page per language: /<lang>/search/?q=… (HTML), the same URL with ?format=json."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language

from core.page_cache import cache_query_params

from . import service

RESULTS_PER_PAGE = 10
MAX_PAGE = service.MAX_RESULTS // RESULTS_PER_PAGE
FIRST_YEAR = 2000


def _page_number(value):
    """Any `page` value gives a page number within sane bounds (abc, -1, 1e9 → 1 or the last)."""
    try:
        number = int(str(value).strip()[:12])
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def _year(value):
    try:
        year = int(str(value).strip()[:4])
    except (TypeError, ValueError):
        return None
    return year if FIRST_YEAR <= year <= datetime.date.today().year + 1 else None


def _filters(params):
    kind = params.get("type", "")
    document_language = params.get("lang", "")
    return service.Filters(
        kind=kind if kind in service.KINDS else "",
        year=_year(params.get("year")),
        document_language=(
            document_language if document_language in dict(settings.LANGUAGES) else ""
        ),
    )


@cache_query_params("q", "type", "lang", "year", "page", "format")
def search(request):
    params = request.GET
    query = service.clean_query(params.get("q", ""))
    filters = _filters(params)
    wants_json = params.get("format") == "json"
    language = get_language()
    unavailable = False
    outcome = service.Outcome(query=query)
    if query:
        try:
            outcome = service.search(query, language, filters)
        except service.SearchUnavailable:
            unavailable = True

    paginator = Paginator(outcome.results, RESULTS_PER_PAGE)
    page = paginator.get_page(min(_page_number(params.get("page")), paginator.num_pages))
    service.add_snippets(page.object_list, query)
    status = 503 if unavailable else 200

    if wants_json:
        return JsonResponse(
            {
                "query": query,
                "total": outcome.total,
                "page": page.number,
                "pages": paginator.num_pages,
                "results": [result.as_json() for result in page.object_list],
                **({"error": "search unavailable"} if unavailable else {}),
            },
            status=status,
            json_dumps_params={"ensure_ascii": False},
        )

    this_year = datetime.date.today().year
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": page,
            "total": outcome.total,
            "filters": filters,
            "kinds": service.KINDS,
            "years": range(this_year, FIRST_YEAR - 1, -1),
            "document_languages": settings.LANGUAGES,
            "unavailable": unavailable,
            "fell_back": outcome.fell_back,
        },
        status=status,
    )
