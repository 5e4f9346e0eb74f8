"""Feeds of new consultations and new months of decisions, routed from their listing pages."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from wagtail.models import Locale

from tests.media_helpers import empty_cache  # noqa: F401 - autouse fixture
from transparency.models import (
    ActivityIndexPage,
    ActivityPage,
    DecisionArchivePage,
    DecisionMonthPage,
    DecisionYearPage,
    TransparencyIndexPage,
)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def transparency(press_index):
    home = press_index.get_parent().specific
    section = publish(home, TransparencyIndexPage(title="Transparenca", slug="transparenca"))
    consultations = publish(
        section,
        ActivityIndexPage(title="Konsultimet publike", slug="konsultimet", kind="consultation"),
    )
    archive = publish(section, DecisionArchivePage(title="Vendimet", slug="vendimet"))
    year = publish(archive, DecisionYearPage(title="2023", slug="2023", year=2023))
    return {"consultations": consultations, "archive": archive, "year": year}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    ET.fromstring(response.content)  # noqa: S314 - our own feed; raises unless well-formed
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_new_consultations_feed(client, transparency, kind):
    consultations = transparency["consultations"]
    publish(
        consultations,
        ActivityPage(
            title="Konsultim\x0b për buxhetin 2024",
            slug="k-1",
            kind="consultation",
            year=2023,
            number=1,
            notice="<p>Njoftim për konsultim.</p>",
        ),
    )
    feed = parse(client, f"/sq/transparenca/konsultimet/feed/{kind}/")
    assert feed.feed.language == "sq"
    assert [entry.title for entry in feed.entries] == ["Konsultim për buxhetin 2024"]
    assert feed.entries[0].link == "http://testserver/sq/transparenca/konsultimet/k-1/"
    assert feed.entries[0].id.startswith("urn:uuid:")
    # A second consultation appears at once: publishing cleared the cached feed.
    publish(
        consultations,
        ActivityPage(
            title="Konsultim i dytë", slug="k-2", kind="consultation", year=2023, number=2
        ),
    )
    feed = parse(client, f"/sq/transparenca/konsultimet/feed/{kind}/")
    assert [entry.title for entry in feed.entries][0] == "Konsultim i dytë"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_new_decision_months_feed(client, transparency, kind):
    publish(
        transparency["year"],
        DecisionMonthPage(title="Janar 2023", slug="janar", year=2023, month=1, decision_count=12),
    )
    feed = parse(client, f"/sq/transparenca/vendimet/feed/{kind}/")
    assert feed.feed.language == "sq"
    assert [entry.title for entry in feed.entries] == ["Janar 2023"]
    assert feed.entries[0].link == "http://testserver/sq/transparenca/vendimet/2023/janar/"
    # The archive page itself still renders through RoutablePageMixin, with autodiscovery.
    html = client.get("/sq/transparenca/vendimet/").content.decode()
    assert 'href="http://testserver/sq/transparenca/vendimet/feed/rss/"' in html
    html = client.get("/sq/transparenca/konsultimet/").content.decode()
    assert 'href="http://testserver/sq/transparenca/konsultimet/feed/atom/"' in html


def test_media_page_lists_the_consultation_and_decision_feeds(client, transparency):
    html = client.get("/sq/njoftime/").content.decode()
    assert 'value="http://testserver/sq/transparenca/konsultimet/feed/rss/"' in html
    assert 'value="http://testserver/sq/transparenca/vendimet/feed/atom/"' in html


def test_feeds_hold_only_pages_written_in_their_language(client, transparency):
    """An untranslated alias in the Turkish tree must not put Albanian items in a Turkish feed."""
    from core.seeding import sync_trees
    from home.models import HomePage

    publish(
        transparency["consultations"],
        ActivityPage(title="Vetëm shqip", slug="k-3", kind="consultation", year=2023, number=3),
    )
    home = transparency["consultations"].get_parent().get_parent()
    for code in ["sr-latn", "tr"]:
        HomePage.objects.get(pk=home.pk).copy_for_translation(
            Locale.objects.get(language_code=code)
        ).save_revision().publish()
    from wagtail_localize.models import LocaleSynchronization

    for code in ["sr-latn", "tr"]:
        LocaleSynchronization.objects.get_or_create(
            locale=Locale.objects.get(language_code=code),
            defaults={"sync_from": Locale.objects.get(language_code="sq")},
        )
    sync_trees()
    turkish_list = ActivityIndexPage.objects.get(locale__language_code="tr")
    assert turkish_list.alias_of_id is not None
    response = client.get(f"{turkish_list.url}feed/rss/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.feed.language == "tr"
    assert feed.entries == []
