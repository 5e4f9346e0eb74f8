"""What each indexed object gives the search backends: its text, folded by core.normalise."""

from django.conf import settings
from django.utils.encoding import force_str
from wagtail.search import index

from .normalise import index_text

FOLDED_FIELD = "search_folded_text"


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_plain(item) for item in value.values())
    return force_str(value)


def _field_texts(obj, search_fields):
    for search_field in search_fields:
        if isinstance(search_field, index.SearchField) and search_field.field_name != FOLDED_FIELD:
            yield _plain(search_field.get_value(obj))
        elif isinstance(search_field, index.RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                continue
            if hasattr(related, "all"):
                related = related.all()
            elif callable(related):
                related = related()
            if not isinstance(related, (list, tuple)) and not hasattr(related, "__iter__"):
                related = [related]
            for item in related:
                yield from _field_texts(item, search_field.fields)


def searchable_text(obj):
    """The text of every SearchField of `obj` (title first, related fields included), without
    the folded copy itself."""
    texts = list(_field_texts(obj, obj.get_search_fields()))
    return "\n".join(text for text in texts if text)


def normaliser_enabled():
    """False only to measure stock Wagtail (SEARCH_BASELINE=1, see evaluate_search --baseline)."""
    return not getattr(settings, "SEARCH_BASELINE", False)


def folded_text(obj, language, source=None):
    """The folded text of `obj`, computed once per object and source text: Wagtail's database
    backend asks for every field three times (title, body, autocomplete)."""
    if not normaliser_enabled():
        return ""
    source = searchable_text(obj) if source is None else source
    key = (hash(source), language)
    cached = getattr(obj, "_search_folded_cache", None)
    if cached is None or cached[0] != key:
        cached = (key, index_text(source, language))
        obj._search_folded_cache = cached
    return cached[1]
