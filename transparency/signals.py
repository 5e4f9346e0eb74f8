"""Records published in Albanian get their Serbian and Turkish pages from their data; the
consultation and decision feeds are forgotten when one of their pages is published or
unpublished."""

from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Locale
from wagtail.signals import page_published, page_unpublished

from core.feeds import invalidate_feeds
from core.seeding import SOURCE_LANGUAGE, TARGET_LANGUAGES

from .models import ActivityPage, DecisionMonthPage
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


def record_published(sender, instance, **kwargs):
    if _paused.get() or instance.locale.language_code != SOURCE_LANGUAGE:
        return
    parent = instance.get_parent()
    for code in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        # Under a parent not in that tree yet, the tree's synchronisation comes first.
        if parent.get_translation_or_none(locale) is not None:
            translate_record(instance, code)


def listing_item_changed(sender, instance, **kwargs):
    invalidate_feeds()


def connect():
    for model in PROVIDERS:
        page_published.connect(
            record_published, sender=model, dispatch_uid=f"record-translation-{model.__name__}"
        )
    # The consultation and decision feeds are cached like the press releases' (core/feeds.py).
    for model in (ActivityPage, DecisionMonthPage):
        page_published.connect(listing_item_changed, sender=model)
        page_unpublished.connect(listing_item_changed, sender=model)
