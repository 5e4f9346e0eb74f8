"""Helpers shared by the tests/test_participation_*.py files."""

import time

from django.core import signing

from core.seeding import sync_trees


def human_timestamp(seconds_ago=60):
    """A SpamProtectedForm timestamp as a person filling the form would send it."""
    return signing.dumps(time.time() - seconds_ago, salt="form-rendered-at")


def add_request_page(home):
    from participation.models import AccessRequestFormPage

    page = AccessRequestFormPage(
        title="Kërkesë për qasje në dokumente publike",
        slug="kerkese-per-dokumente",
        intro="Kërkoni një dokument publik.",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    sync_trees()
    return page


def valid_request_data(**overrides):
    data = {
        "subject": "Vendimet e Kryetarit për muajin janar 2023",
        "preferred_format": "electronic",
        "contact_method": "email",
        "email": "qytetari@example.org",
        "postal_address": "",
        "name": "",
        "urgency_reason": "",
        "website": "",
        "rendered_at": human_timestamp(),
    }
    data.update(overrides)
    return data


def build_small_site():
    """The Albanian home page with its Serbian and Turkish aliases: no demo pages, no
    translations (much faster than `demo_site`). Returns {language_code: HomePage}."""
    from home import demo_content
    from home.models import HomePage

    demo_content.ensure_locales()
    demo_content.ensure_home_page(demo_content.DemoReport())
    demo_content.ensure_locale_synchronization()
    sync_trees()
    return {
        page.locale.language_code: page
        for page in HomePage.objects.filter(depth=2).select_related("locale")
    }


def shared_content(name):
    """A file of ../shared/content."""
    from tests.conftest import SHARED_DIR

    return SHARED_DIR / "content" / name


def add_consultation(
    home, *, opens_on, closes_on, title="Konsultimi për Rregulloren e taksave", number=1, **fields
):
    """A consultation page under Transparenca › Konsultime publike (created like an editor)."""
    from transparency.choices import ActivityKind
    from transparency.models import ActivityIndexPage, ActivityPage, TransparencyIndexPage

    index = TransparencyIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=TransparencyIndexPage(title="Transparenca", slug="transparenca")
        )
        index.save_revision().publish()
    listing = ActivityIndexPage.objects.child_of(index).first()
    if listing is None:
        listing = index.add_child(
            instance=ActivityIndexPage(
                title="Konsultime publike", slug="konsultime", kind=ActivityKind.CONSULTATION
            )
        )
        listing.save_revision().publish()
    page = listing.add_child(
        instance=ActivityPage(
            title=title,
            slug=f"konsultimi-{number}",
            kind=ActivityKind.CONSULTATION,
            year=opens_on.year,
            number=number,
            date=opens_on,
            opens_on=opens_on,
            closes_on=closes_on,
            **fields,
        )
    )
    page.save_revision().publish()
    sync_trees()
    return ActivityPage.objects.get(pk=page.pk)
