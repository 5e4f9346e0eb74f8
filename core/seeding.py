"""Seeding helpers shared by every app's demo content and importers: the three languages,
the demo texts read from each app's data files, the Serbian and Turkish trees synchronised from
the Albanian one, and pages translated through wagtail-localize from a translation memory
(core/translation.py)."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from core.translation import translate_page

SOURCE_LANGUAGE = "sq"
TARGET_LANGUAGES = ("sr-latn", "tr")


def t(sq, sr, tr):
    """One string in the three languages: Albanian, Serbian (Latin), Turkish."""
    return {"sq": sq, "sr-latn": sr, "tr": tr}


def read_demo_data(app_label, name):
    """The JSON file `name` of an app's data folder (<app>/data/), parsed; each translatable
    text in it is an object with the three languages, as t() returns."""
    path = Path(apps.get_app_config(app_label).path) / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass
class DemoReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    translated: list = field(default_factory=list)
    untranslated_strings: list = field(default_factory=list)


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_locale_synchronization():
    """Serbian and Turkish trees follow the Albanian one (wagtail-localize synchronised trees)."""
    source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    for code in TARGET_LANGUAGES:
        LocaleSynchronization.objects.get_or_create(
            locale=Locale.objects.get(language_code=code), defaults={"sync_from": source}
        )


def translate_outdated(pages, memory, changed):
    """Translate each page whose translation is missing, still an alias, or whose source is
    in `changed`; `memory` is {language code: {Albanian string: translation}}.
    Returns [(page, language code, TranslationResult)]."""
    done = []
    for page in pages:
        for code in TARGET_LANGUAGES:
            existing = page.get_translation_or_none(Locale.objects.get(language_code=code))
            if existing is not None and existing.alias_of_id is None and page not in changed:
                continue
            with transaction.atomic():
                done.append((page, code, translate_page(page, code, memory[code])))
    return done


def sync_trees():
    """Create alias pages in the Serbian and Turkish trees for pages not translated yet."""
    for synchronization in LocaleSynchronization.objects.all():
        synchronization.sync_trees()


def source_home():
    """The Albanian home page: the page under the tree's root in Albanian (Wagtail's own
    welcome page, a plain Page, does not count)."""
    home = (
        Page.objects.filter(depth=2, locale__language_code=SOURCE_LANGUAGE)
        .not_exact_type(Page)
        .first()
    )
    if home is None:
        raise LookupError("No Albanian home page: run `manage.py load_demo_content` first.")
    return home.specific
