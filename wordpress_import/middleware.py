"""Old WordPress query addresses (`/?p=123`, `/prizren/?page_id=7&lang=sr`) answered with
their permanent redirect, before the site's own views (which answer `/` with the reader's
language and so never reach Wagtail's 404-only redirect middleware).

The redirects themselves are Wagtail's (wordpress_import.redirects); this only looks one up
for the WordPress keys of the query, ignoring any other parameter, and for a resized copy of an
uploaded image the redirect of its original.
"""

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

from .files import RESIZED

QUERY_KEYS = ("p", "page_id", "attachment_id", "cat")


class OldQueryLinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.GET:
            for key in QUERY_KEYS:
                value = request.GET.get(key, "")
                if value.isdigit() and len(value) < 20:
                    path = Redirect.normalise_path(f"{request.path}?{key}={int(value)}")
                    redirect = get_redirect(request, path)
                    if redirect is not None and redirect.link:
                        return HttpResponsePermanentRedirect(redirect.link)
        response = self.get_response(request)
        if response.status_code == 404 and "/wp-content/uploads/" in request.path:
            # WordPress's resized copies (plan-300x200.jpg) lead where the original leads.
            original = RESIZED.sub(r"\1", request.path)
            if original != request.path:
                redirect = get_redirect(request, Redirect.normalise_path(original))
                if redirect is not None and redirect.link:
                    return HttpResponsePermanentRedirect(redirect.link)
        return response
