"""Routing from a language's home page in two queries instead of two per URL segment.

Wagtail's `Page.route` walks the tree one level at a time: one query for the child with the
next slug and one for its specific row, per level. A press release (three levels below the
site root) costs six queries before anything is rendered, a consultation eight.

A page's `url_path` is the chain of slugs that the walk would follow, so the deepest page on
the way can be found in one query (every prefix of the path at once) and fetched specific in
a second. The walk is kept wherever it decides something: a page on the way whose own
sub-routes (RoutablePageMixin) match the rest of the path would take it before its children,
and a page with any other `route` of its own may do anything; then routing falls back to
Wagtail's walk. The page found continues the routing with what is left of the path (a feed
URL below a press index, for example) exactly as Wagtail's walk would.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def _passes_to_child(model, live, remaining):
    """Whether Wagtail's walk goes on from a page of `model` to its child for this path."""
    if model.route is Page.route:
        return True
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        if not live:  # a draft's sub-routes are not served; its children are
            return True
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return True
    return False


class DirectRouteMixin:
    """For the page a site's root points to (each language's home page)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[: depth + 1]) + "/"
            for depth in range(len(path_components))
        ]
        found = list(
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .order_by("depth")
            .values_list("pk", "depth", "content_type_id", "live")
        )
        if not found or found[0][1] != self.depth + 1:
            raise Http404
        models = [ContentType.objects.get_for_id(row[2]).model_class() for row in found]
        consecutive = all(row[1] == self.depth + 1 + index for index, row in enumerate(found))
        if (
            not consecutive
            or None in models
            or not all(
                _passes_to_child(model, row[3], path_components[index + 1 :])
                for index, (model, row) in enumerate(zip(models[:-1], found, strict=False))
            )
        ):
            return super().route(request, path_components)
        page = models[-1].objects.get(pk=found[-1][0])
        return page.route(request, path_components[len(found) :])
