from django import template
from django.conf import settings
from django.utils.http import urlencode

from core.languages import bcp47

register = template.Library()


@register.filter
def search_bcp47(code):
    return bcp47(code) if code else ""


@register.filter
def search_language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


@register.simple_tag(takes_context=True)
def search_query_string(context, **changes):
    """The current search's query string with `changes` (e.g. another page number)."""
    params = {
        key: value
        for key, value in context["request"].GET.items()
        if key in ("q", "type", "year", "lang")
    }
    params.update({key: str(value) for key, value in changes.items()})
    return urlencode(params)
