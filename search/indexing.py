"""What each indexed object gives the search backends: its text, folded by search.normalise."""

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


def searchable_text(obj):
    """The text of every SearchField of `obj` (title first), without the folded copy itself."""
    texts = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != FOLDED_FIELD:
            texts.append(_plain(search_field.get_value(obj)))
    return "\n".join(text for text in texts if text)


def folded_text(obj, language):
    return index_text(searchable_text(obj), language)
