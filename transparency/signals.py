"""Records published in Albanian get their Serbian and Turkish pages from their data."""

from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Locale
from wagtail.signals import page_published

from core.middleware import empty_page_cache_on_change
from core.seeding import SOURCE_LANGUAGE, TARGET_LANGUAGES

from .models import AccessRequestYear, StatedTotals
from .record_translations import PROVIDERS, translate_record

_paused = ContextVar("record_translations_paused", default=False)


@contextmanager
def translations_written_later():
    """For importers that translate every record once, after the trees are synchronised."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def translate_published_record(page):
    """The record's Serbian and Turkish pages from its data, where they exist (as aliases or
    translations). A page created in the admin gets its aliases from wagtail-localize only
    after its first publish (the `after_create_page` hook, which fails if a translation already
    exists), so a new record is translated from its data at its next publish."""
    if _paused.get() or page.locale.language_code != SOURCE_LANGUAGE or not page.live:
        return
    for code in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        if page.get_translation_or_none(locale) is not None:
            translate_record(page, code)


def record_published(sender, instance, **kwargs):
    translate_published_record(instance)


def connect():
    for model in PROVIDERS:
        page_published.connect(
            record_published, sender=model, dispatch_uid=f"record-translation-{model.__name__}"
        )
    empty_page_cache_on_change(StatedTotals, AccessRequestYear)
