"""Small fixtures for the media office tests: an Albanian site with a press index."""

import time
from datetime import timedelta

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from core.seeding import DemoReport, ensure_locales
from home.demo_content import ensure_home_page
from media_office.models import PressReleaseIndexPage, PressReleasePage, PressReleaseTopic, Topic

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def press_index(db):
    ensure_locales()
    home = ensure_home_page(DemoReport())
    index = home.add_child(
        instance=PressReleaseIndexPage(title="Njoftime për media", slug="njoftime", intro="")
    )
    index.save_revision().publish()
    return index


@pytest.fixture
def budget_topic(press_index):
    return Topic.objects.create(name="Buxheti", slug="buxheti", locale=press_index.locale)


def make_release(index, title, *, date=None, lead="Një njoftim.", body=(), topics=(), slug=None):
    """Create and publish a release as an editor would; a future `date` schedules it."""
    page = PressReleasePage(
        title=title,
        slug=slug or None,
        lead=lead,
        date=date or timezone.now() - timedelta(minutes=5),
        body=list(body),
    )
    for topic in topics:
        page.topic_links.add(PressReleaseTopic(topic=topic))
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_pdf(title="Njoftimi.pdf"):
    document = get_document_model()(title=title)
    document.file.save("njoftimi.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    return document


def attachment(document):
    return ("attachment", {"document": document, "title": ""})


def filled_form_data(**values):
    """A subscription form as a person submits it: honeypot empty, rendered 10 s ago."""
    return {
        "website": "",
        "rendered_at": signing.dumps(time.time() - 10, salt="form-rendered-at"),
        **values,
    }


def feed_urls(index, topic=None):
    base = index.url
    if topic:
        return [f"{base}feed/{topic.slug}/rss/", f"{base}feed/{topic.slug}/atom/"]
    return [f"{base}feed/rss/", f"{base}feed/atom/"]
