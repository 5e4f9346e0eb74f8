import re

import pytest

LANGUAGES = {"sq": "sq", "sr-latn": "sr-Latn", "tr": "tr"}


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_root_redirects_to_a_language_prefix(client, demo_site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sq/"


def test_root_follows_the_readers_language(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9")
    assert response["Location"] == "/tr/"


@pytest.mark.parametrize("code,lang", LANGUAGES.items())
def test_each_language_home_renders_in_its_language(client, demo_site, code, lang):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert html_lang(response) == lang
    home = demo_site[code]
    assert home.alias_of_id is None, "the home page is translated, not an alias"
    body = response.content.decode()
    assert f"<h1>{home.title}</h1>" in body
    assert "+383 29 000 000" in body


def test_home_pages_are_written_in_their_own_language(client, demo_site):
    assert "Komuna e Prizrenit" in client.get("/sq/").content.decode()
    assert "Opština Prizren" in client.get("/sr-latn/").content.decode()
    assert "Prizren Belediyesi" in client.get("/tr/").content.decode()
    assert "Ana içeriğe atla" in client.get("/tr/").content.decode()
    assert "Pređi na glavni sadržaj" in client.get("/sr-latn/").content.decode()
    assert "Kalo te përmbajtja kryesore" in client.get("/sq/").content.decode()


def test_empty_home_slots_render_cleanly(client, demo_site):
    body = client.get("/sr-latn/").content.decode()
    for heading in (
        "Najnovija saopštenja za medije",
        "Otvorene javne konsultacije",
        "Najnovije odluke predsednika opštine",
    ):
        assert heading in body


@pytest.mark.parametrize(
    "path,lang",
    [
        ("/sq/rreth-komunes/", "sq"),
        ("/sr-latn/o-opstini/", "sr-Latn"),
        ("/tr/belediye-hakkinda/", "tr"),
        ("/tr/erisilebilirlik-beyani/", "tr"),
    ],
)
def test_a_page_below_home_renders_with_its_language(client, demo_site, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    assert html_lang(response) == lang
    assert f'<article class="prose" lang="{lang}">' in response.content.decode()


def test_page_structure_has_landmarks_and_skip_link(client, demo_site):
    body = client.get("/sq/").content.decode()
    assert '<a class="skip-link" href="#main">' in body
    assert '<main id="main"' in body
    assert "<header" in body and "<footer" in body
    assert 'aria-label="Navigimi kryesor"' in body


def test_uppercase_or_unknown_language_prefix_is_not_a_server_error(client, demo_site):
    assert client.get("/SR-LATN/").status_code == 404
    assert client.get("/xx/", follow=True).status_code == 404
