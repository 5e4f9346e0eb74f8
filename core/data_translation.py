"""Translations whose strings follow from a record's data, written through wagtail-localize.

A page type's provider gives, for one page and one language, {segment path: text} for the
segments that follow from the page's fields (a month's name, a kind, a number, a date, a
settlement). Those become the StringTranslations of a real wagtail-localize translation, marked
with DATA_TOOL; the segments a provider leaves out are free prose, left to translators and
shown in the source language, marked as such (`untranslated_paths`). A StringTranslation that
anyone or anything else wrote (a person in the editor, a PO file, the translation memory) is
never overwritten.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

DATA_TOOL = "record data"

# Letters that Unicode does not decompose into an ASCII letter and an accent (slugify drops them).
_SLUG_LETTERS = str.maketrans({"đ": "dj", "Đ": "Dj", "ı": "i", "İ": "I", "ß": "ss", "ø": "o"})


def slug_of(text, *, max_words=10):
    """An ASCII slug of whole words (never cut mid-word), with đ as dj and Turkish ı as i."""
    words = slugify(text.translate(_SLUG_LETTERS).replace("İ", "I")).split("-")
    return "-".join(word for word in words[:max_words] if word)


def is_written_by_data(string_translation):
    return string_translation.tool_name == DATA_TOOL


@transaction.atomic
def translate_from_data(page, language_code, values, *, user=None, publish=True):
    """Create or update the translation of `page` into `language_code` from `values`.

    `values` is {segment path: plain text}: the title, the slug, a field's name; the slug may
    be a function of the translated title (None while the title is untranslated). A path
    whose string a person translated keeps that translation. Returns the number of strings written.
    An alias in the target tree becomes a real translation (wagtail-localize converts it).
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    written = 0
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    paths = {}
    for segment in segments:
        paths.setdefault(segment.context.path, []).append(segment)
    for path in sorted(paths, key=lambda path: path != "title"):  # the title first
        path_segments = paths[path]
        text = values.get(path)
        if callable(text):  # the slug follows the title as translated (by data or a person)
            text = text(_translated_text(paths.get("title"), locale))
        if text is None or len(path_segments) != 1:  # several strings in one field are prose
            continue
        segment = path_segments[0]
        data = StringValue.from_plaintext(text).data
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=DATA_TOOL,
                last_translated_by=user,
            )
            written += 1
        elif is_written_by_data(existing) and existing.data != data:
            existing.data = data
            existing.has_error = False
            existing.save()
            written += 1
    # save_target(publish=True) would publish in transaction.on_commit, which never runs inside
    # a test's transaction: save a draft and publish that revision here instead.
    translation.save_target(user=user, publish=False)
    if publish:
        target = source.get_translated_instance(locale)
        target.get_latest_revision().publish(user=user)
    return written


def _translated_text(path_segments, locale):
    if not path_segments or len(path_segments) != 1:
        return None
    existing = StringTranslation.objects.filter(
        translation_of=path_segments[0].string,
        locale=locale,
        context=path_segments[0].context,
        has_error=False,
    ).first()
    return StringValue(existing.data).render_text() if existing else None


def source_language_of(page):
    """The language code of the page's translation source, or None for a source page."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .first()
    )
    return source.locale.language_code if source else None


def untranslated_paths(page):
    """The segment paths of a translated page still showing the source's text (free prose
    nobody translated yet); empty for source pages and aliases (marked as a whole)."""
    if page.alias_of_id is not None:
        return frozenset()
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .first()
    )
    if source is None:
        return frozenset()
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=page.locale_id,
        has_error=False,
    )
    missing = StringSegment.objects.filter(source=source).exclude(Exists(translated))
    return frozenset(missing.values_list("context__path", flat=True))
