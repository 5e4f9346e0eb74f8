"""Citizens and journalists in Chromium: search without diacritics, open a result, download its
PDF; find the feed link on a press release and load the feed."""

import feedparser
import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

pytestmark = [pytest.mark.browser]

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def site(live_server, transactional_db, django_db_serialized_rollback):
    from .conftest import load_demo_site

    load_demo_site()
    return live_server.url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_citizen_searches_without_diacritics_opens_a_result_and_downloads_its_pdf(
    browser_page, site
):
    from home.models import HomePage, StandardPage

    document = get_document_model()(title="Vendimi për buxhetin 2026", language="sq")
    document.file.save("vendimi-buxheti-2026.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    home = HomePage.objects.get(depth=2, locale__language_code="sq")
    page = StandardPage(
        title="Vendimi për buxhetin e vitit 2026",
        slug="vendimi-buxheti-2026",
        intro="Kuvendi i Komunës miratoi buxhetin për vitin 2026.",
        body=[("document", {"document": document, "title": ""})],
    )
    home.add_child(instance=page)
    page.save_revision().publish()

    # "per buxhetin" typed without the ë of "për".
    browser_page.goto(f"{site}/sq/search/")
    browser_page.get_by_role("searchbox").fill("vendimi per buxhetin")
    browser_page.get_by_role("searchbox").press("Enter")
    browser_page.wait_for_url("**/sq/search/?q=*")
    browser_page.get_by_role("link", name="Vendimi për buxhetin e vitit 2026").first.click()
    browser_page.wait_for_url(f"{site}/sq/vendimi-buxheti-2026/")

    with browser_page.expect_download() as download_info:
        browser_page.get_by_role("link", name="Vendimi për buxhetin 2026").click()
    download = download_info.value
    document.refresh_from_db()
    assert download.suggested_filename == document.filename
    assert document.filename.startswith("vendimi-buxheti-2026")
    with open(download.path(), "rb") as handle:
        assert handle.read() == PDF_BYTES


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_journalist_finds_the_feed_on_a_press_release_and_the_feed_loads(browser_page, site):
    from media_office.models import PressReleasePage

    release = PressReleasePage.objects.live().filter(locale__language_code="sr-latn").first()
    assert release is not None, "the demo content has no Serbian press release"
    browser_page.goto(site + release.url)
    feed_link = browser_page.locator("link[rel=alternate][type='application/rss+xml']").first
    feed_url = feed_link.get_attribute("href")
    assert feed_url

    response = browser_page.context.request.get(
        feed_url if feed_url.startswith("http") else site + feed_url
    )
    assert response.status == 200
    assert "xml" in response.headers["content-type"]
    feed = feedparser.parse(response.body())
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries, "the feed has no items"
    assert release.title in [entry.title for entry in feed.entries]
