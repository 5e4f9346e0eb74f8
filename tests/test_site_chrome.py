"""The header, footer and language switcher are cached per language until the next publish
(core.chrome): a page rendered without the page cache costs only its own queries, and what an
editor publishes, hides or makes private shows in every menu at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.models import StandardPage


@pytest.fixture
def chrome_cache(caches_on, settings):
    settings.PAGE_CACHE_SECONDS = 0  # each page rendered: what is measured is the chrome cache


def menu_of(response):
    html = response.content.decode()
    return html[html.index('class="site-nav"') : html.index("</nav>", html.index("site-nav"))]


def test_warm_chrome_saves_the_menu_and_switcher_queries(client, demo_site, chrome_cache, settings):
    with CaptureQueriesContext(connection) as cold:
        first = client.get("/sq/rreth-komunes/")
    with CaptureQueriesContext(connection) as warm:
        second = client.get("/sq/rreth-komunes/")
    assert first.content == second.content
    assert len(warm) <= len(cold) - 4, (len(cold), len(warm))

    settings.FRAGMENT_CACHE_SECONDS = 0  # the same page, computed from scratch
    assert client.get("/sq/rreth-komunes/").content == second.content


def test_each_language_has_its_own_menu(client, demo_site, chrome_cache):
    albanian = menu_of(client.get("/sq/"))
    turkish = menu_of(client.get("/tr/"))
    assert "/sq/rreth-komunes/" in albanian and "/tr/" not in albanian
    assert "/tr/belediye-hakkinda/" in turkish and "/sq/" not in turkish


def test_a_published_section_appears_in_the_menu_at_once(client, demo_site, chrome_cache):
    assert "Tenderat" not in menu_of(client.get("/sq/"))
    section = demo_site["sq"].add_child(
        instance=StandardPage(title="Tenderat", slug="tenderat", show_in_menus=True, live=False)
    )
    section.save_revision().publish()
    assert "Tenderat" in menu_of(client.get("/sq/rreth-komunes/"))

    section.refresh_from_db()
    section.unpublish()
    assert "Tenderat" not in menu_of(client.get("/sq/"))


def test_a_section_made_private_leaves_the_menu_at_once(client, demo_site, chrome_cache):
    about = StandardPage.objects.get(locale__language_code="sq", slug="rreth-komunes")
    assert "/sq/rreth-komunes/" in menu_of(client.get("/sq/"))
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    assert "/sq/rreth-komunes/" not in menu_of(client.get("/sq/"))
    restriction.delete()
    assert "/sq/rreth-komunes/" in menu_of(client.get("/sq/"))


def test_a_translation_published_later_updates_the_switcher(client, demo_site, chrome_cache):
    """The switcher of an untranslated page points to the nearest translated page; once the
    translation is published it points to the translation itself."""
    from core.seeding import sync_trees
    from core.translation import translate_page

    page = demo_site["sq"].add_child(instance=StandardPage(title="Historia", slug="historia"))
    page.save_revision().publish()
    sync_trees()  # the Serbian and Turkish trees get aliases of the new page
    serbian = page.get_translation(demo_site["sr-latn"].locale)

    def turkish_link():
        html = client.get(serbian.url).content.decode()
        switcher = html[html.index('class="language-switcher"') :]
        return re.search(r'<a href="([^"]+)" hreflang="tr"', switcher).group(1)

    assert turkish_link() == "/tr/"
    translate_page(page, "tr", {"Historia": "Tarih"})
    assert turkish_link() == page.get_translation(demo_site["tr"].locale).url != "/tr/"


def test_a_page_made_private_is_protected_at_once(client, demo_site, chrome_cache):
    """Serving skips Wagtail's view-restriction queries while no page is private
    (core.published); the first restriction turns the check back on for every page."""
    assert client.get("/sq/rreth-komunes/").status_code == 200
    about = StandardPage.objects.get(locale__language_code="sq", slug="rreth-komunes")
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/sq/rreth-komunes/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    restriction.delete()
    assert client.get("/sq/rreth-komunes/").status_code == 200


def test_a_new_site_for_a_host_answers_at_once(client, demo_site, chrome_cache):
    """The request's Site is remembered per process (core.published) until a Site changes."""
    from wagtail.models import Site

    def heading(host):
        html = client.get("/sq/", HTTP_HOST=host).content.decode()
        return html[html.index("<h1>") + 4 : html.index("</h1>")]

    assert heading("127.0.0.1") == heading("localhost") == demo_site["sq"].title
    about = StandardPage.objects.get(locale__language_code="sq", slug="rreth-komunes")
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=about)
    assert heading("127.0.0.1") == about.title
    assert heading("localhost") == demo_site["sq"].title
