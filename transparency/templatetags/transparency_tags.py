from decimal import Decimal

from django import template
from django.conf import settings
from django.utils import translation

from core import gazetteer
from core.languages import bcp47
from transparency.blocks import section_anchor

register = template.Library()


@register.simple_tag
def anchor(heading):
    """The id of a strategy section heading (the table of contents links to it)."""
    return section_anchor(heading["number"], heading["text"])


@register.simple_tag
def budget_sum(table):
    """The sum of a budget table's rows (shown beside the total the document states)."""
    return sum((row["cost"] or Decimal(0) for row in table["rows"]), Decimal(0))


@register.simple_tag
def figure(kind, name):
    """One recomputed figure of a yearly overview, with the report's own if it differs."""
    value = kind.sums.get(name)
    stated = kind.stated.get(name)
    return {"value": value, "stated": stated, "differs": stated is not None and stated != value}


@register.simple_tag(takes_context=True)
def place_name(context, text):
    """(text, lang) of a place (a project's village) in the reader's language: the gazetteer's
    name, or the Albanian text marked as Albanian when the gazetteer lacks it."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    source = bcp47(settings.LANGUAGE_CODE)
    if code == settings.LANGUAGE_CODE:
        return {"text": text, "lang": source}
    translated = gazetteer.place(text, code)
    if translated is not None:
        return {"text": translated, "lang": bcp47(code)}
    return {"text": text, "lang": source}
