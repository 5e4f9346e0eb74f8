import re

from wagtail.models import Locale

from core.seeding import sync_trees
from home.models import StandardPage


def switcher(response):
    body = response.content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', body, re.S).group(0)
    return {
        lang: (href, text)
        for href, lang, text in re.findall(
            r'<a href="([^"]+)" hreflang="[^"]+" lang="([^"]+)">(.*?)</a>', nav, re.S
        )
    }


def test_switcher_links_to_the_translation(client, demo_site):
    links = switcher(client.get("/sq/rreth-komunes/"))
    assert links["sr-Latn"][0] == "/sr-latn/o-opstini/"
    assert links["tr"][0] == "/tr/belediye-hakkinda/"
    assert "language-switcher__note" not in links["tr"][1]


def test_switcher_offers_nearest_translated_page_when_there_is_none(client, demo_site):
    about = StandardPage.objects.get(locale__language_code="sq", slug="rreth-komunes")
    news = about.add_child(
        instance=StandardPage(title="Lajm i ri", slug="lajm-i-ri", locale=about.locale)
    )
    news.save_revision().publish()
    sync_trees()  # the Serbian and Turkish trees get aliases of the new page

    links = switcher(client.get("/sq/rreth-komunes/lajm-i-ri/"))
    assert links["tr"][0] == "/tr/belediye-hakkinda/"
    assert "henüz çevrilmedi" in links["tr"][1], "the note is in the target language"
    assert links["sr-Latn"][0] == "/sr-latn/o-opstini/"
    assert "još nije prevedeno" in links["sr-Latn"][1]


def test_untranslated_alias_says_so_in_the_readers_language(client, demo_site):
    about = StandardPage.objects.get(locale__language_code="sq", slug="rreth-komunes")
    about.add_child(
        instance=StandardPage(title="Lajm i ri", slug="lajm-i-ri", locale=about.locale)
    ).save_revision().publish()
    sync_trees()
    alias = StandardPage.objects.get(
        locale=Locale.objects.get(language_code="tr"), slug="lajm-i-ri"
    )
    assert alias.alias_of_id is not None

    response = client.get("/tr/belediye-hakkinda/lajm-i-ri/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="tr">' in body
    assert "Bu sayfa henüz bu dile çevrilmedi" in body
    assert '<article class="prose" lang="sq">' in body, "Albanian content is marked as such"


def test_non_page_views_switch_to_the_same_view(client, demo_site):
    links = switcher(client.get("/tr/search/?q=prizren"))
    assert links["sq"][0] == "/sq/search/?q=prizren"
    assert links["sr-Latn"][0] == "/sr-latn/search/?q=prizren"


def test_hreflang_alternates_name_only_translated_pages(client, demo_site):
    body = client.get("/sq/rreth-komunes/").content.decode()
    assert 'hreflang="sr-Latn" href="http://testserver/sr-latn/o-opstini/"' in body
