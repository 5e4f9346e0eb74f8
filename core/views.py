from django.conf import settings
from django.http import Http404, HttpResponse


def bench_floor(request):
    """The benchmark's floor: fixed bytes through the same middleware (bench/load.py).

    Only routed when BENCH_FLOOR_FILE is set; never in a normal deployment.
    """
    path = settings.BENCH_FLOOR_FILE
    if not path:
        raise Http404
    with open(path, "rb") as handle:
        return HttpResponse(handle.read(), content_type="text/html; charset=utf-8")
