"""What every public page shows around its own content: the header's home link and main
navigation, the footer's contacts and links, the breadcrumbs and the language switcher.

These depend on the site, the language and (for the switcher) the page, not on the reader, so
they are computed once and kept in the cache until the next publish: the page cache's
generation (core.middleware) is part of every key, and publishing, unpublishing, moving or
deleting a page, changing a page's privacy or a Site bumps it. A page rendered without the
page cache then costs only its own queries (docs/decisions/0054-uncached-rendering.md).

FRAGMENT_CACHE_SECONDS = 0 turns this off (the tests do, so that a test never sees the menu
of another test's rolled-back pages).
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from core.languages import bcp47
from core.middleware import current_generation
from core.transliteration import latin_to_cyrillic
from core.visibility import public

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    path: str  # the page's tree path, for aria-current ("this section")


@dataclass(frozen=True)
class Chrome:
    home_url: str = "/"
    menu: tuple = ()
    footer_links: tuple = ()
    contacts: dict = field(default_factory=dict)


def cached_until_publish(key_parts, build):
    """`build()`, kept in the shared cache until the next publish (the key holds the page
    cache's generation)."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    # A part that is None (the preview of a page not saved yet) would share one key.
    generation = current_generation() if seconds and None not in key_parts else None
    if generation is None:
        return build()
    key = "chrome:" + ":".join(str(part) for part in (generation, *key_parts))
    try:
        value = cache.get(key)
    except Exception:  # noqa: BLE001 - a cache outage only costs the queries
        value = None
    if value is None:
        value = build()
        try:
            cache.set(key, value, timeout=seconds)
        except Exception:  # noqa: BLE001
            logger.warning("Could not store %s in the cache", key, exc_info=True)
    return value


def site_chrome(request):
    """The header and footer of the active language's home page (None outside any site)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = translation.get_language()
    return cached_until_publish(("site", site.pk, language), lambda: _build_chrome(request, site))


def _build_chrome(request, site):
    home = site.root_page.localized.specific
    children = list(public(home.get_children()).order_by("path"))

    def link(page):
        return Link(title=page.title, url=page.get_url(request) or "", path=page.path)

    return Chrome(
        home_url=home.get_url(request) or "/",
        menu=tuple(link(page) for page in children if page.show_in_menus),
        footer_links=tuple(link(page) for page in children if not page.show_in_menus),
        contacts={
            name: getattr(home, name, "") for name in ("address", "phone", "email", "opening_hours")
        },
    )


def breadcrumbs(request, page):
    """[Link] from the language's home page down to the page's parent (the home page's title
    is left to the template, which calls it "Home")."""
    site = Site.find_for_request(request)

    def build():
        ancestors = page.get_ancestors().filter(depth__gt=1)
        return [
            Link(title=ancestor.title, url=ancestor.get_url(request) or "", path=ancestor.path)
            for ancestor in ancestors
        ]

    return cached_until_publish(("breadcrumbs", getattr(site, "pk", 0), page.pk), build)


def language_links(request, page):
    """One entry per site language: where the reader goes to read this page in it.

    A page that is translated links to its translation. One that is not (an alias in a
    synchronised tree, or missing) links to the nearest translated ancestor, with a note in
    the target language saying so. Views that are not pages link to the same URL translated.
    """
    current = translation.get_language()
    if isinstance(page, Page):
        site = Site.find_for_request(request)
        targets = cached_until_publish(
            ("languages", getattr(site, "pk", 0), page.pk),
            lambda: _translation_targets(request, page),
        )
    else:
        path = request.get_full_path()
        targets = [(code, translate_url(path, code), True) for code, _ in settings.LANGUAGES]
    names = dict(settings.LANGUAGES)
    links = [
        _link(code, names[code], url, current, translated) for code, url, translated in targets
    ]
    return with_cyrillic(links, getattr(request, "serbian_script", "") == "cyrl")


def with_cyrillic(links, reading_cyrillic):
    """Serbian Latin's entry followed by Serbian Cyrillic's (the same pages, core.cyrillic)."""
    from core.cyrillic import CYRILLIC, LATIN, cyrillic_path

    out = []
    for link in links:
        out.append(link)
        if link["code"] != LATIN:
            continue
        cyrillic = {
            **link,
            "code": CYRILLIC,
            "name": "Српски",
            "hreflang": bcp47(CYRILLIC),
            "url": cyrillic_path(link["url"]),
            "is_current": link["is_current"] and reading_cyrillic,
            "note": latin_to_cyrillic(link["note"]),
        }
        link["is_current"] = link["is_current"] and not reading_cyrillic
        out.append(cyrillic)
    return out


def _translation_targets(request, page):
    """[(language code, URL, translated?)] for a page: its translation or nearest ancestor's."""
    chain = [page, *reversed(page.get_ancestors().filter(depth__gt=1))]
    translations = {
        (candidate.locale_id, candidate.translation_key): candidate
        for candidate in public(
            Page.objects.filter(
                translation_key__in=[p.translation_key for p in chain], alias_of__isnull=True
            )
        ).only("id", "url_path", "locale_id", "translation_key", "path", "depth")
    }
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    targets = []
    for code, _name in settings.LANGUAGES:
        locale = locales.get(code)
        target, translated = None, True
        for candidate in chain:
            target = translations.get((locale.pk, candidate.translation_key)) if locale else None
            if target:
                break
            translated = False
        url = (target.get_url(request) if target else None) or f"/{code}/"
        targets.append((code, url, translated))
    return targets


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
