from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from core.languages import bcp47

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: where the reader goes to read this page in it.

    A page that is translated links to its translation. One that is not (an alias in a
    synchronised tree, or missing) links to the nearest translated ancestor, with a note in
    the target language saying so. Views that are not pages link to the same URL translated.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    if isinstance(page, Page):
        return _links_for_page(request, page, current)
    path = request.get_full_path()
    return [
        _link(code, name, translate_url(path, code), current, translated=True)
        for code, name in settings.LANGUAGES
    ]


def _links_for_page(request, page, current):
    chain = [page, *reversed(page.get_ancestors().filter(depth__gt=1))]
    translations = {
        (candidate.locale_id, candidate.translation_key): candidate
        for candidate in Page.objects.filter(
            translation_key__in=[p.translation_key for p in chain],
            live=True,
            alias_of__isnull=True,
        ).only("id", "url_path", "locale_id", "translation_key", "path", "depth")
    }
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    links = []
    for code, name in settings.LANGUAGES:
        locale = locales.get(code)
        target, translated = None, True
        for candidate in chain:
            target = translations.get((locale.pk, candidate.translation_key)) if locale else None
            if target:
                break
            translated = False
        url = target.get_url(request) if target else f"/{code}/"
        links.append(_link(code, name, url, current, translated))
    return links


def _link(code, name, url, current, translated):
    with translation.override(code):
        note = "" if translated else gettext("not translated yet: nearest translated page")
    return {
        "code": code,
        "name": name,
        "hreflang": bcp47(code),
        "url": url,
        "is_current": code == current,
        "translated": translated,
        "note": note,
    }


register.filter("bcp47", bcp47)


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The home page of the active language (for the header and footer)."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized.specific


@register.filter
def is_within(page, section):
    """True when `page` is `section` or below it (for aria-current in the navigation)."""
    return isinstance(page, Page) and page.path.startswith(section.path)
