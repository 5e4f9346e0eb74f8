"""RSS and Atom feeds of the press releases: valid, per language, stable GUIDs, cached."""

import xml.etree.ElementTree as ET
from datetime import UTC

import feedparser
import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core.feeds import stable_guid
from media_office.models import PressReleaseIndexPage, PressReleasePage, Topic
from tests.media_helpers import (  # noqa: F401 - empty_cache is an autouse fixture
    attachment,
    empty_cache,
    feed_urls,
    make_pdf,
    make_release,
)


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    ET.fromstring(response.content)  # noqa: S314 - our own feed; raises unless well-formed
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


def test_every_feed_of_the_demo_site_is_valid_and_holds_only_its_language(client, demo_site):
    """3 languages x (all + 5 topics) x (RSS, Atom): 36 feeds."""
    checked = 0
    for index in PressReleaseIndexPage.objects.filter(alias_of__isnull=True):
        language = index.locale.language_code
        pages_of_language = {
            page.get_url(): page
            for page in PressReleasePage.objects.live().filter(locale=index.locale)
        }
        topics = Topic.objects.filter(locale=index.locale)
        assert topics.count() == 5
        for topic in [None, *topics]:
            for url in feed_urls(index, topic):
                response, feed = parse(client, url)
                assert feed.feed.language.lower() == language, url
                assert feed.entries, url
                for entry in feed.entries:
                    path = entry.link.removeprefix("http://testserver")
                    assert path.startswith(f"/{language}/"), entry.link
                    page = pages_of_language[path]
                    assert entry.id == stable_guid(page)
                    if topic is not None:
                        assert topic.translation_key in [t.translation_key for t in page.topic_list]
                    assert "embargoplanifikuar" not in entry.title + entry.summary
                    assert "ambargoplanl" not in entry.summary.lower()
                checked += 1
    assert checked == 36


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_guid_survives_an_edit_and_a_slug_change(client, press_index, kind):
    release = make_release(press_index, "Buxheti 2026", slug="buxheti-2026")
    url = f"/sq/njoftime/feed/{kind}/"
    _response, before = parse(client, url)
    release.title = "Buxheti 2026 (korrigjuar)"
    release.slug = "buxheti-2026-korrigjuar"
    release.save_revision().publish()
    _response, after = parse(client, url)
    assert after.entries[0].title == "Buxheti 2026 (korrigjuar)"  # the cache was refreshed
    assert after.entries[0].link.endswith("/buxheti-2026-korrigjuar/")
    assert after.entries[0].id == before.entries[0].id
    assert after.entries[0].id.startswith("urn:uuid:")
    if kind == "rss":
        assert b'isPermaLink="false"' in client.get(url).content


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_control_character_in_a_title_does_not_break_the_feed(client, press_index, kind):
    # Tried: a vertical tab (\x0b), a form feed, a backspace and an escape pasted from a word
    # processor. (A NUL never gets this far: PostgreSQL refuses it and so do Django's forms.)
    make_release(press_index, "Buxheti\x0b 2026\x0c", lead="Hyrje\x08 e shkurtër\x1b")
    _response, feed = parse(client, f"/sq/njoftime/feed/{kind}/")
    assert feed.entries[0].title == "Buxheti 2026"
    assert feed.entries[0].summary == "Hyrje e shkurtër"


def test_attached_pdf_is_an_enclosure(client, press_index):
    pdf = make_pdf()
    make_release(press_index, "Me shtojcë", body=[attachment(pdf)])
    _response, rss = parse(client, "/sq/njoftime/feed/rss/")
    enclosure = rss.entries[0].enclosures[0]
    assert enclosure.type == "application/pdf"
    assert enclosure.href == f"http://testserver{pdf.url}"
    assert int(enclosure.length) == pdf.get_file_size() > 0
    _response, atom = parse(client, "/sq/njoftime/feed/atom/")
    assert atom.entries[0].enclosures[0].href == f"http://testserver{pdf.url}"


def test_feeds_are_cached_and_refreshed_on_publish(client, press_index, caches_on):
    release = make_release(press_index, "E para")
    parse(client, "/sq/njoftime/feed/rss/")
    # A change that does not go through publishing is not seen: the feed is cached...
    PressReleasePage.objects.filter(pk=release.pk).update(title="Ndryshuar pa publikim")
    response, cached = parse(client, "/sq/njoftime/feed/rss/")
    assert response["X-Page-Cache"] == "hit"
    assert cached.entries[0].title == "E para"
    # ...until a release is published.
    make_release(press_index, "E dyta")
    _response, fresh = parse(client, "/sq/njoftime/feed/rss/")
    assert [entry.title for entry in fresh.entries] == ["E dyta", "Ndryshuar pa publikim"]


def test_a_release_made_private_leaves_the_cached_feeds_at_once(client, press_index, caches_on):
    release = make_release(press_index, "Vetëm për stafin")
    urls = feed_urls(press_index)
    for url in urls:
        assert parse(client, url)[1].entries
    PageViewRestriction.objects.create(page=release, restriction_type=PageViewRestriction.LOGIN)
    for url in urls:
        assert parse(client, url)[1].entries == [], url


def test_an_attachment_made_private_leaves_the_cached_feed_at_once(client, press_index, caches_on):
    pdf = make_pdf()
    make_release(press_index, "Me shtojcë", body=[attachment(pdf)])
    assert parse(client, "/sq/njoftime/feed/atom/")[1].entries[0].enclosures
    staff = Collection.get_first_root_node().add_child(name="Stafi")
    CollectionViewRestriction.objects.create(
        collection=staff, restriction_type=CollectionViewRestriction.LOGIN
    )
    pdf.collection = staff
    pdf.save()
    assert parse(client, "/sq/njoftime/feed/atom/")[1].entries[0].enclosures == []


def test_a_renamed_topic_shows_at_once(client, press_index, budget_topic, caches_on):
    make_release(press_index, "Lajm", topics=[budget_topic])
    assert parse(client, "/sq/njoftime/feed/rss/")[1].entries[0].tags[0].term == "Buxheti"
    assert client.get("/sq/njoftime/")["X-Page-Cache"] == "miss"
    budget_topic.name = "Financat"
    budget_topic.save()
    assert parse(client, "/sq/njoftime/feed/rss/")[1].entries[0].tags[0].term == "Financat"
    assert "Financat" in client.get("/sq/njoftime/").content.decode()


def test_unknown_feed_kind_or_topic_is_404(client, press_index, budget_topic):
    assert client.get("/sq/njoftime/feed/json/").status_code == 404
    assert client.get("/sq/njoftime/feed/nuk-ekziston/rss/").status_code == 404
    assert client.get("/sq/njoftime/feed/buxheti/rss/").status_code == 200


def test_autodiscovery_links_on_listing_and_release_pages(client, press_index, budget_topic):
    release = make_release(press_index, "Lajm", slug="lajm", topics=[budget_topic])
    for path in ["/sq/njoftime/", f"/sq/njoftime/{release.slug}/"]:
        html = client.get(path).content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml"' in html
            and 'href="http://testserver/sq/njoftime/feed/rss/"' in html
        ), path
        assert 'type="application/atom+xml"' in html
        assert 'href="http://testserver/sq/njoftime/feed/atom/"' in html
    listing = client.get("/sq/njoftime/").content.decode()
    assert 'href="http://testserver/sq/njoftime/feed/buxheti/rss/"' in listing
    assert 'value="http://testserver/sq/njoftime/feed/buxheti/atom/"' in listing  # copyable


def test_listing_filters_by_topic_and_year_and_paginates(client, press_index, budget_topic):
    from datetime import datetime

    for number in range(12):
        make_release(
            press_index,
            f"Njoftimi {number:02d}",
            date=datetime(2025 if number < 3 else 2026, 1, number + 1, tzinfo=UTC),
            topics=[budget_topic] if number % 2 else [],
        )
    first = client.get("/sq/njoftime/").content.decode()
    assert "Njoftimi 11" in first and "Njoftimi 01" not in first  # 10 per page
    assert "Njoftimi 01" in client.get("/sq/njoftime/?page=2").content.decode()
    year = client.get("/sq/njoftime/?year=2025").content.decode()
    assert "Njoftimi 00" in year and "Njoftimi 05" not in year
    topic = client.get("/sq/njoftime/?topic=buxheti").content.decode()
    assert "Njoftimi 03" in topic and "Njoftimi 04" not in topic
    # Hostile filter values are ignored, never a 500.
    for query in ["?year=abcd", "?year=99999999999", "?page=-1", "?topic=%00", "?topic=x" * 50]:
        assert client.get(f"/sq/njoftime/{query}").status_code == 200


def test_a_cache_outage_does_not_block_publishing(client, press_index):
    # Tried: Redis unreachable (nothing listens on port 1) while an editor publishes.
    # (Serving pages needs the cache anyway: Wagtail keeps the site root paths there.)
    from django.test import override_settings

    dead_redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    with override_settings(CACHES=dead_redis):
        release = make_release(press_index, "Pa cache")
    assert release.live
    _response, feed = parse(client, "/sq/njoftime/feed/rss/")
    assert [entry.title for entry in feed.entries] == ["Pa cache"]
