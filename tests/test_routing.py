"""The home pages' two-query routing (core.routing) finds what Wagtail's own walk finds, for
pages, routable sub-routes (feeds, year filters), drafts and missing pages."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import StandardPage


@pytest.fixture
def tree(demo_site):
    from transparency.choices import ActivityKind
    from transparency.importers import ImportReport, ensure_activity_index, ensure_index

    report = ImportReport()
    index, _ = ensure_index(report)
    ensure_activity_index(index, ActivityKind.CONSULTATION, report)
    draft = StandardPage(title="Draft", slug="draft", live=False)
    demo_site["sq"].add_child(instance=draft)
    draft.add_child(instance=StandardPage(title="Below a draft", slug="below"))
    return demo_site["sq"]


PATHS = [
    "rreth-komunes",
    "njoftime-per-media",
    "njoftime-per-media/hamami-rihapet",
    "njoftime-per-media/feed/rss",
    "njoftime-per-media/nothing",
    "nothing",
    "transparenca",
    "transparenca/konsultimet-publike",
    "transparenca/konsultimet-publike/2023",
    "transparenca/konsultimet-publike/feed/atom",
    "transparenca/nothing/deeper",
    "draft",
    "draft/below",
]


def outcome(route, request, components):
    try:
        page, args, kwargs = route(request, components)
    except Http404:
        return "404"
    view = args[0].__name__ if args else None
    return (page.pk, type(page).__name__, view, args[1:] if args else (), kwargs)


def test_same_result_as_wagtails_walk(tree):
    home = type(tree).objects.get(pk=tree.pk)
    different = {}
    for path in PATHS:
        request = RequestFactory().get(f"/sq/{path}/")
        components = path.split("/")
        ours = outcome(home.route, request, components)
        wagtails = outcome(lambda *a: Page.route(home, *a), request, components)
        if ours != wagtails:
            different[path] = (ours, wagtails)
    assert not different


def test_a_press_release_is_routed_in_two_queries(tree):
    request = RequestFactory().get("/sq/njoftime-per-media/hamami-rihapet/")
    home = type(tree).objects.get(pk=tree.pk)
    with CaptureQueriesContext(connection) as queries:
        page, _args, _kwargs = home.route(request, ["njoftime-per-media", "hamami-rihapet"])
    assert page.slug == "hamami-rihapet" and type(page).__name__ == "PressReleasePage"
    assert len(queries) == 2
