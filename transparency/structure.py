"""The section's navigation pages, their titles and intros in the three languages.

The texts are data, in transparency/data/structure.json. The importers create these pages when
missing and translate them into Serbian and Turkish through wagtail-localize from the memory
below (home/demo_content.py does the same).
"""

from wagtail.models import Locale

from core.seeding import TARGET_LANGUAGES, read_demo_data, translate_outdated
from core.translation import translate_page

from .choices import ActivityKind

STRUCTURE = read_demo_data("transparency", "structure.json")
INDEX = STRUCTURE["index"]
DECISIONS = STRUCTURE["decisions"]
ACTIVITY_INDEXES = {
    ActivityKind(kind): text for kind, text in STRUCTURE["activity_indexes"].items()
}
# {year} and {budget_year} are filled in for each year's pages (translation_memory below).
PARTICIPATORY_BUDGET = STRUCTURE["participatory_budget"]
OVERVIEW = STRUCTURE["overview"]
STRATEGY_TRANSLATIONS = STRUCTURE["strategy_translations"]
# A few records translated as examples of the editors' workflow (the rest stay aliases, marked
# "not translated yet" by the site): the consultation whose minutes exist in Serbian, and the
# month whose decisions exist in all three languages.
RECORD_TRANSLATIONS = STRUCTURE["record_translations"]
YEAR_PAGE = STRUCTURE["year_page"]


def translation_memory(year=None, budget_year=None):
    texts = [INDEX, DECISIONS, *ACTIVITY_INDEXES.values(), STRATEGY_TRANSLATIONS]
    memory = {code: {} for code in TARGET_LANGUAGES}
    for text in texts:
        for key in ("title", "intro", "slug"):
            value = text.get(key)
            if isinstance(value, dict):
                for code in TARGET_LANGUAGES:
                    memory[code][value["sq"]] = value[code]
    for text in RECORD_TRANSLATIONS:
        for code in TARGET_LANGUAGES:
            memory[code][text["sq"]] = text[code]
    if year is not None:
        for text in (PARTICIPATORY_BUDGET, OVERVIEW, YEAR_PAGE):
            for key in ("title", "intro", "slug"):
                value = text.get(key)
                if isinstance(value, dict):
                    params = {"year": year, "budget_year": budget_year or year + 1}
                    for code in TARGET_LANGUAGES:
                        memory[code][value["sq"].format(**params)] = value[code].format(**params)
    return memory


def translate_navigation(pages, memory, changed, report):
    """Translate each navigation page whose translation is missing, an alias, or outdated."""
    for page, code, _result in translate_outdated(pages, memory, changed):
        report.translated.append((page, code))


def resync_translations(pages, report):
    """Re-synchronise the translations (not aliases) of pages whose synchronised fields changed."""
    memory = translation_memory()
    for page in pages:
        page = page.specific_class.objects.get(pk=page.pk)  # as saved, not a stale instance
        for code in TARGET_LANGUAGES:
            existing = page.get_translation_or_none(Locale.objects.get(language_code=code))
            if existing is None or existing.alias_of_id is not None:
                continue
            translate_page(page, code, memory[code])
            report.translated.append((page, code))
