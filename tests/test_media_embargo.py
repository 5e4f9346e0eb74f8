"""A release scheduled for later is invisible everywhere until its time, then visible."""

from datetime import timedelta

import feedparser
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from media_office.models import PressReleasePage, Subscription
from tests.media_helpers import (  # noqa: F401 - empty_cache is an autouse fixture
    attachment,
    empty_cache,
    feed_urls,
    make_pdf,
    make_release,
)

SECRET_WORD = "embargoplanifikuar"


def scheduled_release(index, topic):
    pdf = make_pdf("Propozimi i buxhetit")
    release = make_release(
        index,
        f"Propozimi i buxhetit {SECRET_WORD}",
        lead=f"Teksti {SECRET_WORD} i fshehtë.",
        date=timezone.now() + timedelta(days=30),
        body=[attachment(pdf)],
        topics=[topic],
        slug="propozimi",
    )
    return release, pdf


def public_traces(client, index, release, pdf, topic):
    """Where the release shows up for an anonymous reader, by channel."""
    found = {}
    found["page"] = client.get(f"/sq/njoftime/{release.slug}/").status_code == 200
    found["attachment"] = client.get(pdf.url).status_code == 200
    listing = client.get("/sq/njoftime/").content.decode()
    found["listing"] = SECRET_WORD in listing
    found["listing_topic"] = (
        SECRET_WORD in client.get("/sq/njoftime/?topic=buxheti").content.decode()
    )
    feeds = feed_urls(index) + feed_urls(index, topic)
    found["feeds"] = any(
        SECRET_WORD in entry.title
        for url in feeds
        for entry in feedparser.parse(client.get(url).content).entries
    )
    # The search page repeats the query: look for a link to the release instead.
    search = client.get(f"/sq/search/?q={SECRET_WORD}").content.decode()
    found["search"] = f"/sq/njoftime/{release.slug}/" in search
    found["sitemap"] = release.slug in client.get("/sitemap.xml").content.decode()
    home = index.get_parent().specific
    found["home"] = release.pk in [page.pk for page in home.latest_press_releases()]
    found["home_page"] = SECRET_WORD in client.get("/sq/").content.decode()
    return found


def test_scheduled_release_is_invisible_everywhere_until_its_time(
    client, press_index, budget_topic
):
    release, pdf = scheduled_release(press_index, budget_topic)
    assert not release.live and release.go_live_at is not None
    traces = public_traces(client, press_index, release, pdf, budget_topic)
    assert traces == {key: False for key in traces}, traces
    # The site has no Wagtail API: nothing there to leak through.
    assert client.get("/api/v2/pages/", follow=True).status_code == 404
    assert client.get("/sq/api/v2/pages/").status_code == 404


def test_scheduled_release_appears_everywhere_once_publish_scheduled_runs(
    client, press_index, budget_topic
):
    release, pdf = scheduled_release(press_index, budget_topic)
    Subscription.objects.create(
        email="gazetare@example.org", language="sq", confirmed_at=timezone.now()
    )
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert not PressReleasePage.objects.get(pk=release.pk).live  # its time has not come
    assert mail.outbox == []

    # Time passes: move the approved schedule and the release time into the past.
    past = timezone.now() - timedelta(minutes=1)
    revision = release.latest_revision
    revision.content["date"] = past.isoformat()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))

    release = PressReleasePage.objects.get(pk=release.pk)
    assert release.live
    traces = public_traces(client, press_index, release, pdf, budget_topic)
    assert traces == {key: True for key in traces}, traces
    # publish_scheduled fires page_published: the subscriber gets it, once.
    assert [message.to for message in mail.outbox] == [["gazetare@example.org"]]


def test_a_live_release_dated_in_the_future_stays_hidden(client, press_index, budget_topic):
    """Second lock: even if a release were made live early (e.g. a hand-published
    translation), its future release time keeps it out of the page, listings, feeds, sitemap."""
    release = make_release(press_index, f"Lajm {SECRET_WORD}", topics=[budget_topic], slug="lajm")
    PressReleasePage.objects.filter(pk=release.pk).update(date=timezone.now() + timedelta(days=1))
    assert client.get("/sq/njoftime/lajm/").status_code == 404
    assert SECRET_WORD not in client.get("/sq/njoftime/").content.decode()
    for url in feed_urls(press_index) + feed_urls(press_index, budget_topic):
        assert SECRET_WORD not in client.get(url).content.decode()
    assert "lajm" not in client.get("/sitemap.xml").content.decode()
    assert press_index.get_parent().specific.latest_press_releases() == []


def test_a_future_release_time_schedules_the_page_even_without_go_live_at(press_index):
    """What a wagtail-localize translation does: go_live_at is not synchronised, the date is."""
    page = PressReleasePage(title="Përkthim", lead="x", date=timezone.now() + timedelta(hours=2))
    press_index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert page.go_live_at == page.date
