"""Serbian and Turkish pages of records as wagtail-localize translations from their data."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from core import gazetteer
from core.data_translation import DATA_TOOL, slug_of
from tests import conftest
from transparency.choices import ActivityKind
from transparency.importers import import_transparency
from transparency.models import ActivityIndexPage, ActivityPage, DecisionMonthPage
from transparency.record_translations import activity_title

pytestmark = [pytest.mark.django_db]

JSON_PATH = conftest.SHARED_DIR / "content" / "prizren-2023.json"


def report_data():
    return json.loads(JSON_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def imported(shared_dir, django_db_setup, django_db_blocker):
    from home.demo_content import load_demo_content

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_content()
        report = import_transparency(report_data())
        yield report
        transaction.set_rollback(True)


def in_language(model, code, **lookup):
    return model.objects.filter(locale__language_code=code, **lookup)


def hearing(number, code):
    return in_language(ActivityPage, code, kind=ActivityKind.HEARING, number=number).get()


# --- the gazetteer and the patterns ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("Zhur", "sr-latn", "Žur"),
        ("Zhur", "tr", "Jur"),
        ("Velezh", "sr-latn", "Veleža"),  # another Albanian spelling of Velezhë
        ("Objekti i shkollës-Piranë", "sr-latn", "Školska zgrada – Pirane"),
        ("Salla e Kuvendit-Shtëpia e Bardhë", "tr", "Meclis salonu – Beyaz Ev"),
        ("fshati Zhur", "sr-latn", "selo Žur"),
        ("fshati Reqan", "tr", "Reçane köyü"),
        ("lagja Kurrilla, qyteti i Prizrenit", "sr-latn", "naselje Kurila, grad Prizren"),
        ("Objekti i shkollës-Atlantis", "sr-latn", None),  # unknown: left to a translator
        ("Zhur", "de", None),
    ],
)
def test_places_come_from_the_gazetteer(text, code, expected):
    assert gazetteer.place(text, code) == expected


def test_a_list_of_villages_is_translated_only_when_every_name_is_known():
    assert gazetteer.name_list("Zhur, Vërmicë, Shkozë dhe Dobrusht", "sr-latn") == (
        "Žur, Vrbnica, Škoza i Dobrušte"
    )
    assert gazetteer.name_list("Zhur dhe Atlantis", "sr-latn") is None


def test_every_gazetteer_entry_has_the_three_languages():
    for section in gazetteer.SECTIONS:
        for entry in gazetteer.entries(section):
            assert all(entry.get(key) for key in ("sq", "sr", "tr")), entry


def test_titles_of_hearings_follow_their_pattern():
    title = "Dëgjimi buxhetor për buxhetin e vitit 2024 me banorë të rajonit të Hasit"
    assert activity_title(title, "sr-latn") == (
        "Budžetsko saslušanje o budžetu za 2024. godinu sa stanovnicima regiona Has"
    )
    assert activity_title(title, "tr") == (
        "Has bölgesi sakinleriyle 2024 yılı bütçesi hakkında bütçe dinlemesi"
    )
    # Prose (a consultation's subject) is not guessed.
    assert activity_title("Konsultimi publik për Projekt-Rregulloren për Taksa", "tr") is None


def test_slugs_keep_whole_words_and_letters_slugify_would_drop():
    assert slug_of("Halk toplantısı Đonaj") == "halk-toplantisi-djonaj"
    assert slug_of("one two three four", max_words=2) == "one-two"


# --- the imported records ----------------------------------------------------------------------


def test_no_record_of_the_report_is_an_alias_any_more(imported, db):
    for code in ("sr-latn", "tr"):
        for model in (ActivityPage, DecisionMonthPage):
            pages = in_language(model, code)
            assert pages.count() == in_language(model, "sq").count() > 0
            assert not pages.filter(alias_of__isnull=False).exists(), (model, code)


def test_alias_report_counts_per_language_and_type(imported, db):
    out = StringIO()
    call_command("alias_report", stdout=out)
    row = next(line for line in out.getvalue().splitlines() if "activitypage" in line)
    assert row.split()[1:] == ["0/26", "0/26", "0/26"]


def test_month_heading_is_in_the_readers_language(imported, client):
    """The Turkish March was headed "Mars 2023" (its Albanian title) over "Mart 2023"."""
    page = in_language(DecisionMonthPage, "tr", month=3).get()
    assert page.title == "Mart 2023"
    html = client.get(page.url).content.decode()
    assert '<h1 lang="tr">Mart 2023</h1>' in html
    serbian = in_language(DecisionMonthPage, "sr-latn", month=3).get()
    assert serbian.title == "Mart 2023" and serbian.url.endswith("/2023/03/")


def test_hearing_title_place_and_slug_come_from_data(imported, client):
    serbian = hearing(3, "sr-latn")
    assert serbian.title.startswith(
        "Budžetsko saslušanje o budžetu za 2024. godinu sa stanovnicima sela Pirane, Zojić"
    )
    assert serbian.title.endswith("Mala Kruša i Randobrava")
    assert serbian.location == "Školska zgrada – Pirane"
    assert serbian.slug.startswith("2023-3-budzetsko-saslusanje-o-budzetu-za-2024")
    turkish = hearing(5, "tr")
    assert turkish.title.startswith("Jur, Vırbniça, Şkoza ve Dobruşte köyleri sakinleriyle")
    html = client.get(turkish.url).content.decode()
    assert f'<h1 lang="tr">{turkish.title}</h1>' in html
    assert "untranslated-mark" not in html
    # The switcher on a hearing page led to the Serbian list: now to the Serbian hearing.
    serbian_url = hearing(5, "sr-latn").url
    assert f'<a href="{serbian_url}" hreflang="sr-Latn" lang="sr-Latn">Srpski</a>' in html


def test_prose_stays_for_translators_and_is_marked(imported, client):
    """A consultation's subject is prose: shown in Albanian, marked, in the Turkish listing."""
    consultation = in_language(ActivityPage, "tr", kind=ActivityKind.CONSULTATION, number=1).get()
    assert consultation.alias_of_id is None
    assert consultation.title.startswith("Konsultimi publik")
    assert "title" in consultation.untranslated_fields
    assert consultation.slug == "2023-1-kamuoyu-istisaresi"  # Turkish words, not Albanian
    html = client.get(consultation.url).content.decode()
    assert f'<h1 lang="sq">{consultation.title}</h1>' in html
    assert "henüz çevrilmedi" in html
    listing = client.get(consultation.get_parent().url).content.decode()
    assert f'lang="sq">{consultation.title}</a>' in listing


def test_a_translated_title_gives_the_slug(imported, db):
    """The example consultation's title was translated: its Serbian slug follows it."""
    page = in_language(ActivityPage, "sr-latn", kind=ActivityKind.CONSULTATION, number=7).get()
    assert page.title == "Javna konsultacija o Nacrtu pravilnika o opštinskim taksama"
    assert page.slug == "2023-7-javna-konsultacija-o-nacrtu-pravilnika-o-opstinskim-taksama"


def test_a_persons_translation_is_never_overwritten(imported, db):
    source_page = hearing(7, "sq")
    serbian_locale = Locale.objects.get(language_code="sr-latn")
    source = TranslationSource.objects.get_for_instance(source_page)
    segment = StringSegment.objects.get(source=source, context__path="title")
    written = StringTranslation.objects.get(
        translation_of=segment.string, locale=serbian_locale, context=segment.context
    )
    assert written.tool_name == DATA_TOOL
    written.data = "Budžetsko saslušanje u Župi (prevod urednika)"
    written.tool_name = ""
    written.translation_type = "manual"
    written.save()
    # The source changes (a figure) and is published again, as the importer does.
    with transaction.atomic():
        source_page.participants_women = (source_page.participants_women or 0) + 1
        source_page.save_revision().publish()
        serbian = hearing(7, "sr-latn")
        assert serbian.title == "Budžetsko saslušanje u Župi (prevod urednika)"
        assert serbian.participants_women == source_page.participants_women
        transaction.set_rollback(True)


def test_a_record_created_later_is_translated_when_published(imported, db):
    index = in_language(ActivityIndexPage, "sq", kind=ActivityKind.HEARING).get()
    with transaction.atomic():
        page = ActivityPage(
            title="Dëgjimi buxhetor për buxhetin e vitit 2025 me banorë të fshatrave "
            "Zhur dhe Reqan",
            slug="2024-1-degjimi",
            kind=ActivityKind.HEARING,
            year=2024,
            number=1,
            location="Objekti i shkollës-Zhur",
        )
        index.add_child(instance=page)
        create_aliases_for_new_page(page)  # what wagtail-localize does for a page made in the admin
        page.save_revision().publish()
        turkish = ActivityPage.objects.get(
            translation_key=page.translation_key, locale__language_code="tr"
        )
        assert turkish.alias_of_id is None and turkish.live
        assert turkish.title == (
            "Jur ve Reçane köyleri sakinleriyle 2025 yılı bütçesi hakkında bütçe dinlemesi"
        )
        assert turkish.location == "Okul binası – Jur"
        transaction.set_rollback(True)


def test_project_names_are_in_the_readers_language_or_marked(imported, client):
    """Albanian project names were marked lang="tr" on the Turkish page."""
    from transparency.models import ParticipatoryBudgetPage

    turkish = in_language(ParticipatoryBudgetPage, "tr").get()
    html = client.get(turkish.url).content.decode()
    assert '<li lang="tr">Jur köyü</li>' in html
    assert '<li lang="tr">Kurilla mahallesi, Prizren şehri</li>' in html
    albanian = in_language(ParticipatoryBudgetPage, "sq").get()
    assert '<li lang="sq">fshati Zhur</li>' in client.get(albanian.url).content.decode()
