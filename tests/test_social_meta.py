"""Open Graph and social-card metadata on every page, in the page's language."""

import re

import pytest

from tests.participation_helpers import build_small_site


def meta(html, name):
    return re.findall(rf'<meta property="{re.escape(name)}" content="([^"]*)">', html)


@pytest.mark.django_db
def test_home_pages_carry_open_graph_in_their_language(client):
    build_small_site()
    expected = {
        "sq": ("sq_AL", "Faqja zyrtare e Komunës së Prizrenit"),
        "sr-latn": ("sr_RS", "Zvanična stranica Opštine Prizren"),
        "tr": ("tr_TR", "Prizren Belediyesi'nin resmî sitesi"),
    }
    for language, (locale, _description) in expected.items():
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert meta(html, "og:locale") == [locale]
        assert meta(html, "og:image") == ["http://testserver/static/img/social-card.png"]
        assert meta(html, "og:url")[0].startswith(f"http://testserver/{language}/")
        assert meta(html, "og:title") and meta(html, "og:title")[0]
        assert meta(html, "og:description")[0].startswith("Vendimet, planet")  # the intro
        # Untranslated trees (aliases) are no alternates of each other.
        assert locale not in meta(html, "og:locale:alternate")
        assert '<meta name="twitter:card" content="summary_large_image">' in html


@pytest.mark.django_db
def test_views_without_a_page_describe_the_site_in_the_readers_language(client):
    build_small_site()
    for language, description in (
        ("sq", "Faqja zyrtare e Komunës së Prizrenit"),
        ("sr-latn", "Zvanična stranica Opštine Prizren"),
        ("tr", "Prizren Belediyesi&#x27;nin resmî sitesi"),
    ):
        html = client.get(f"/{language}/search/").content.decode()
        assert meta(html, "og:description")[0].startswith(description)
        assert meta(html, "og:type") == ["website"]
