"""Demo content: the site's own pages, written for the demo in the three languages.

The texts are data, in home/data/demo_pages.json. Albanian pages are created as an editor
would, then translated into Serbian and Turkish through wagtail-localize from the translations
in that file, so that the Serbian and Turkish trees are real wagtail-localize translations an
editor can keep editing.

Idempotent: a second run finds every page as it left it and changes nothing.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale, Page, Site

from core.seeding import (
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    DemoReport,
    ensure_locale_synchronization,
    ensure_locales,
    read_demo_data,
    sync_trees,
    translate_outdated,
)
from media_office.demo_content import load_media_demo_content

from .models import HomePage, StandardPage


@dataclass
class DemoPage:
    slug: dict
    title: dict
    intro: dict
    body: list  # [("heading" | "paragraph", t(...)), ...]
    show_in_menus: bool


def demo_page(row):
    """One page of home/data/demo_pages.json as a DemoPage."""
    return DemoPage(
        slug=row["slug"],
        title=row["title"],
        intro=row["intro"],
        body=[(block["type"], block["text"]) for block in row["body"]],
        show_in_menus=row["show_in_menus"],
    )


DEMO_DATA = read_demo_data("home", "demo_pages.json")
HOME = DEMO_DATA["home"]
DEMO_PAGES = [demo_page(row) for row in DEMO_DATA["pages"]]


def ensure_home_page(report):
    """The Albanian home page, as the default site's root (replacing Wagtail's welcome page)."""
    source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=source, depth=2).first()
    values = {
        "title": HOME["title"]["sq"],
        "slug": HOME["slug"]["sq"],
        "intro": HOME["intro"]["sq"],
        "address": HOME["address"]["sq"],
        "opening_hours": HOME["opening_hours"]["sq"],
        "phone": HOME["phone"],
        "email": HOME["email"],
    }
    if home is None:
        home = root.add_child(instance=HomePage(locale=source, **values))
        home.save_revision().publish()
        report.created.append(home)
    elif _update(home, values):
        report.updated.append(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Komuna e Prizrenit",
        )
    elif site.root_page_id != home.pk:
        previous_root = site.root_page
        site.root_page = home
        site.site_name = "Komuna e Prizrenit"
        site.save()
        if type(previous_root.specific) is Page:
            # Wagtail's "Welcome to your new Wagtail site!" page, and any alias of it.
            for alias in previous_root.aliases.all():
                alias.delete()
            previous_root.delete()
    return home


def ensure_child_page(parent, demo, report):
    values = {
        "title": demo.title["sq"],
        "slug": demo.slug["sq"],
        "intro": demo.intro["sq"],
        "show_in_menus": demo.show_in_menus,
        "body": [(kind, _block_value(kind, text["sq"])) for kind, text in demo.body],
    }
    page = StandardPage.objects.child_of(parent).filter(slug=demo.slug["sq"]).first()
    if page is None:
        page = parent.add_child(instance=StandardPage(locale=parent.locale, **values))
        page.save_revision().publish()
        report.created.append(page)
    elif _update(page, values):
        report.updated.append(page)
    return page


def _block_value(kind, text):
    if kind == "heading":
        return {"text": text}
    return f"<p>{text}</p>"


def _update(page, values):
    """Set the values that differ and publish a new revision; False if nothing differed."""
    changed = False
    for name, value in values.items():
        current = getattr(page, name)
        if name == "body":
            current_raw = [(block.block_type, _raw(block)) for block in current]
            if current_raw == list(value):
                continue
        elif current == value:
            continue
        setattr(page, name, value)
        changed = True
    if changed:
        page.save_revision().publish()
    return changed


def _raw(block):
    value = block.value
    if block.block_type == "heading":
        return {"text": value["text"]}
    return value.source


def translation_memory():
    """{language: {Albanian string: translated string}} from every demo text."""
    memory = {code: {} for code in TARGET_LANGUAGES}
    texts = [HOME["title"], HOME["slug"], HOME["intro"], HOME["address"], HOME["opening_hours"]]
    for demo in DEMO_PAGES:
        texts += [demo.title, demo.slug, demo.intro, *[text for _kind, text in demo.body]]
    for text in texts:
        for code in TARGET_LANGUAGES:
            memory[code][text["sq"]] = text[code]
    return memory


def translate_tree(pages, changed, report):
    """Translate the demo pages that need it (translate_outdated), noting it in `report`."""
    for page, code, result in translate_outdated(pages, translation_memory(), changed):
        report.translated.append((page, code))
        report.untranslated_strings += [(code, text) for text in result.missing]


@transaction.atomic
def load_demo_content():
    report = DemoReport()
    ensure_locales()
    home = ensure_home_page(report)
    pages = [home] + [ensure_child_page(home, demo, report) for demo in DEMO_PAGES]
    ensure_locale_synchronization()
    sync_trees()
    translate_tree(pages, set(report.created) | set(report.updated), report)
    # --- media office: press index, topics, contacts, releases ---
    media = load_media_demo_content(home)
    report.created += media.created
    report.updated += media.updated
    report.translated += media.translated
    report.untranslated_strings += media.untranslated_strings
    return report
