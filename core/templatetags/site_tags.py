from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

from core import chrome
from core.languages import bcp47

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher's entries for this page or view (core.chrome.language_links)."""
    return chrome.language_links(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors below the site root (core.chrome.breadcrumbs)."""
    return chrome.breadcrumbs(context["request"], page)


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The header and footer of the active language (core.chrome.site_chrome)."""
    return chrome.site_chrome(context["request"])


register.filter("bcp47", bcp47)


@register.filter
def is_within(page, section):
    """True when `page` is `section` or below it (for aria-current in the navigation)."""
    path = getattr(page, "path", None)
    return isinstance(path, str) and path.startswith(section.path)


@register.filter
def field_lang(page, name):
    """`lang` of one field of a page: the source's language where its prose is untranslated."""
    field_language = getattr(page, "field_language", None)
    return field_language(name) if field_language else ""


@register.filter
def is_untranslated_field(page, name):
    return name in getattr(page, "untranslated_fields", ())


@register.simple_tag(takes_context=True)
def page_feed_links(context, page):
    """[(label, rss_url, atom_url)] of a listing page that has feeds, else []."""
    feed_links = getattr(page, "feed_links", None)
    request = context.get("request")
    if feed_links is None or request is None:
        return []
    return feed_links(request)


@register.simple_tag(takes_context=True)
def page_parts(context, page, slot):
    """What apps above the page's own add to it at `slot`: each function of the Wagtail hook
    "page_parts", called as fn(context, page, slot), returns HTML or "". The page's app names
    its slots; the app that fills one depends on it, never the reverse."""
    parts = [fn(context, page, slot) or "" for fn in hooks.get_hooks("page_parts")]
    return mark_safe("".join(conditional_escape(part) for part in parts))  # noqa: S308 - every part escaped or already safe
