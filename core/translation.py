"""Translate pages through wagtail-localize, as an editor would, from a translation memory.

The memory maps each Albanian source string to its translation; strings the memory lacks
keep the Albanian text (wagtail-localize's fallback) and are reported back.
"""

from dataclasses import dataclass, field

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource


@dataclass
class TranslationResult:
    translated: int = 0
    missing: list[str] = field(default_factory=list)


def translate_page(page, language_code, memory, *, publish=True, user=None):
    """Create or update the translation of `page` into `language_code`.

    `memory` is a dict {source string: translated string}. Returns a TranslationResult.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    # wagtail-localize segments multi-line plain text with <br/> for its line breaks.
    memory = memory | {
        key.replace("\n", "<br/>"): value.replace("\n", "<br/>") for key, value in memory.items()
    }
    result = TranslationResult()
    for entry in po:
        translated = memory.get(entry.msgid)
        if translated:
            entry.msgstr = translated
            result.translated += 1
        elif not entry.msgstr:
            result.missing.append(entry.msgid)
    translation.import_po(po, user=user, tool_name="translation memory")
    # save_target(publish=True) would publish in transaction.on_commit, which never runs inside
    # a test's transaction: save a draft and publish that revision here instead.
    translation.save_target(user=user, publish=False)
    if publish:
        target = source.get_translated_instance(locale)
        target.get_latest_revision().publish(user=user)
    return result
