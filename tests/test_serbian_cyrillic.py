"""/sr-cyrl/: the Serbian site in Cyrillic, transliterated at response time (core.cyrillic)."""

import re
from xml.etree import ElementTree

import pytest

from core.cyrillic import cyrillic_path, transliterate_html, transliterate_xml

pytestmark = [pytest.mark.django_db]


def test_only_serbian_text_is_transliterated():
    html = (
        '<html lang="sr-Latn"><head><title>Opština</title>'
        '<link rel="alternate" hreflang="sr-Latn" href="http://x.org/sr-latn/a/"></head>'
        '<body><p title="Pretraga">Odluke <a href="/sr-latn/odluke/">Januar</a></p>'
        '<p lang="sq">Vendimet e Kryetarit</p><script>var ljubav = "nj";</script>'
        '<a href="/sr-latn/" hreflang="sr-Latn" lang="sr-Latn">Srpski</a>'
        "<p>PDF &amp; USAID, https://kk.rks-gov.net/</p></body></html>"
    )
    out = transliterate_html(html)
    assert '<html lang="sr-Cyrl">' in out
    assert "<title>Општина</title>" in out
    assert '<p title="Претрага">Одлуке <a href="/sr-cyrl/odluke/">Јануар</a></p>' in out
    assert '<p lang="sq">Vendimet e Kryetarit</p>' in out  # another language: kept
    assert 'var ljubav = "nj";' in out  # scripts are not text
    # The link offering the Latin script keeps its URL, language and name.
    assert '<a href="/sr-latn/" hreflang="sr-Latn" lang="sr-Latn">Srpski</a>' in out
    assert 'hreflang="sr-Latn" href="http://x.org/sr-latn/a/"' in out
    assert "<p>PDF &amp; USAID, https://kk.rks-gov.net/</p>" in out


def test_feed_text_and_links_are_transliterated_but_not_other_languages():
    feed = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xml:lang="sr-Latn"><title>Saopštenja</title>'
        '<link href="http://x.org/sr-latn/saopstenja/" rel="alternate"/>'
        "<entry><title>Budžet usvojen</title></entry>"
        '<entry xml:lang="sq"><title>Buxheti miratohet</title></entry></feed>'
    )
    root = ElementTree.fromstring(transliterate_xml(feed).encode())  # noqa: S314
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:title", ns).text == "Саопштења"
    assert root.find("a:link", ns).get("href") == "http://x.org/sr-cyrl/saopstenja/"
    titles = [entry.find("a:title", ns).text for entry in root.findall("a:entry", ns)]
    assert titles == ["Буџет усвојен", "Buxheti miratohet"]


def test_cyrillic_paths():
    assert cyrillic_path("/sr-latn/odluke/") == "/sr-cyrl/odluke/"
    assert cyrillic_path("https://x.org/sr-latn/") == "https://x.org/sr-cyrl/"
    assert cyrillic_path("/tr/kararlar/") == "/tr/kararlar/"


def test_the_serbian_home_page_in_cyrillic(demo_site, client):
    response = client.get("/sr-cyrl/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sr-Cyrl">' in html
    assert "Општина Призрен" in html and "Opština Prizren" not in html
    # Alternates for both scripts; the switcher offers the Latin page and marks this one.
    assert re.search(r'<link rel="alternate" hreflang="sr-Cyrl" href="http://[^"]+/sr-cyrl/"', html)
    assert re.search(r'<link rel="alternate" hreflang="sr-Latn" href="http://[^"]+/sr-latn/"', html)
    assert '<a href="/sr-latn/" hreflang="sr-Latn" lang="sr-Latn">Srpski</a>' in html
    assert 'lang="sr-Cyrl" aria-current="true">Српски</span>' in html
    links = re.findall(r'<a href="(/sr-[a-z]+/[^"]*)"', html)
    assert links and all(link.startswith("/sr-cyrl/") for link in links if link != "/sr-latn/"), (
        links
    )


def test_the_latin_site_offers_cyrillic(demo_site, client):
    html = client.get("/sr-latn/").content.decode()
    assert '<html lang="sr-Latn">' in html
    assert '<a href="/sr-cyrl/" hreflang="sr-Cyrl" lang="sr-Cyrl">Српски</a>' in html


def test_redirects_stay_in_cyrillic(demo_site, client):
    response = client.get("/sr-cyrl/saopstenja-za-medije")
    assert response.status_code == 301
    assert response["Location"].endswith("/sr-cyrl/saopstenja-za-medije/")


def test_a_press_feed_in_cyrillic(demo_site, client):
    index_html = client.get("/sr-cyrl/saopstenja-za-medije/").content.decode()
    feeds = re.findall(
        r'type="application/atom\+xml"[^>]*href="([^"]+)"', index_html
    ) or re.findall(r'href="([^"]+)"[^>]*type="application/atom\+xml"', index_html)
    assert feeds and "/sr-cyrl/" in feeds[0]
    response = client.get(feeds[0])
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - the site's feed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:title", ns).text.startswith("Саопштења")


def test_search_in_either_script_finds_the_same(demo_site, client):
    latin = client.get("/sr-latn/search/", {"q": "budžet"}).content.decode()
    cyrillic = client.get("/sr-cyrl/search/", {"q": "буџет"}).content.decode()
    count = latin.count('class="search-result')
    assert count > 0
    assert cyrillic.count('class="search-result') == count
