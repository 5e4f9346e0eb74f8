"""Small builders for search tests: pages and documents with known text."""

import itertools

from django.core.files.base import ContentFile

from documents.models import MunicipalDocument, TextStatus
from home.models import StandardPage

_counter = itertools.count(1)


def make_page(home, title, intro="", live=True):
    page = StandardPage(title=title, slug=f"search-test-{next(_counter)}", intro=intro, live=live)
    home.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def make_document(title, text, language="sq", published=True):
    """A document whose text is already known (no extraction runs); published by an editor
    unless `published=False` (core.visibility: otherwise only a public page opens it)."""
    document = MunicipalDocument(
        title=title,
        language=language,
        text=text,
        text_status=TextStatus.EXTRACTED,
        published=published,
    )
    document.file.save(f"search-test-{next(_counter)}.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


def make_homes():
    """One bare home page per language (much faster than the demo site; pages get no URL)."""
    from wagtail.models import Locale, Page

    from core.seeding import ensure_locales
    from home.models import HomePage

    ensure_locales()
    root = Page.get_first_root_node()
    homes = {}
    for locale in Locale.objects.all():
        home = HomePage(title=f"Home {locale.language_code}", slug=f"home-{locale.language_code}")
        home.locale = locale
        root.add_child(instance=home)
        homes[locale.language_code] = home
    return homes
