from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static

from core.checks import canonical_url


def bench_floor(request):
    """The benchmark's floor: fixed bytes through the same middleware (bench/load.py).

    Only routed when BENCH_FLOOR_FILE is set; never in a normal deployment.
    """
    path = settings.BENCH_FLOOR_FILE
    if not path:
        raise Http404
    with open(path, "rb") as handle:
        return HttpResponse(handle.read(), content_type="text/html; charset=utf-8")


def robots_txt(request):
    """Everything public may be crawled (the admin is behind a login); the sitemap lists every
    language's pages at the canonical address."""
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {canonical_url()}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def favicon(request):
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
