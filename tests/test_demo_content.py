import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from core.seeding import SOURCE_LANGUAGE, TARGET_LANGUAGES, read_demo_data
from home.demo_content import load_demo_content

DEMO_DATA_FILES = [
    ("home", "demo_pages.json"),
    ("media_office", "demo_press.json"),
    ("transparency", "structure.json"),
]


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        sorted(Page.objects.values_list("locale__language_code", "url_path", "alias_of_id")),
    )


def test_second_run_changes_nothing(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    first = snapshot()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert snapshot() == first


def test_every_page_is_translated_into_serbian_and_turkish(db):
    report = load_demo_content()
    assert report.untranslated_strings == []
    by_locale = {}
    for language_code, alias_of_id in Page.objects.filter(depth__gte=2).values_list(
        "locale__language_code", "alias_of_id"
    ):
        assert alias_of_id is None
        by_locale[language_code] = by_locale.get(language_code, 0) + 1
    assert by_locale["sq"] == by_locale["sr-latn"] == by_locale["tr"] >= 3


def test_an_edit_is_updated_on_the_next_run(db):
    from home.models import HomePage

    load_demo_content()
    home = HomePage.objects.get(locale__language_code="sq")
    home.intro = "Tekst i ndryshuar"
    home.save_revision().publish()
    report = load_demo_content()
    assert [page.pk for page in report.updated] == [home.pk]
    home.refresh_from_db()
    assert home.intro.startswith("Vendimet, planet")


def test_load_site_without_the_municipalitys_content(db, tmp_path):
    from io import StringIO

    from participation.models import AccessRequestFormPage

    out = StringIO()
    call_command("load_site", shared=tmp_path / "missing", stdout=out)
    assert "the demo content only" in out.getvalue()
    languages = set(AccessRequestFormPage.objects.values_list("locale__language_code", flat=True))
    assert languages == {"sq", "sr-latn", "tr"}
    first = snapshot()
    call_command("load_site", shared=tmp_path / "missing", stdout=StringIO())
    assert snapshot() == first


def translatable_texts(data, where=""):
    """(where, text) for each translatable text of a data file: an object with an Albanian key."""
    if isinstance(data, dict):
        if SOURCE_LANGUAGE in data:
            yield where, data
            return
        for key, value in data.items():
            yield from translatable_texts(value, f"{where}/{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from translatable_texts(value, f"{where}/{index}")


@pytest.mark.parametrize("app_label, name", DEMO_DATA_FILES)
def test_every_demo_text_is_in_the_three_languages(app_label, name):
    texts = list(translatable_texts(read_demo_data(app_label, name)))
    assert texts
    languages = {SOURCE_LANGUAGE, *TARGET_LANGUAGES}
    incomplete = [
        where
        for where, text in texts
        if set(text) != languages
        or not all(isinstance(value, str) and value.strip() for value in text.values())
    ]
    assert incomplete == [], f"{app_label}/data/{name}: texts without all three languages"
