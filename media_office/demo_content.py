"""Demo content of the press office: topics, contacts, the press index and twelve releases.

Written in Albanian and translated into Serbian (Latin) and Turkish through wagtail-localize,
as home/demo_content.py does; the texts are data, in media_office/data/demo_press.json. One
release is scheduled a month ahead (an embargo); its date is set when it is first created and
never moved by a later run, so the loader stays idempotent.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale

from core.seeding import (
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    DemoReport,
    read_demo_data,
    sync_trees,
    translate_outdated,
)

from .models import (
    PressContact,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseTopic,
    RelatedRelease,
    Topic,
)

PRIZREN = ZoneInfo("Europe/Belgrade")


@dataclass
class DemoRelease:
    slug: dict
    title: dict
    lead: dict
    paragraphs: list
    topics: list  # topic slugs
    date: datetime | None  # None: scheduled a month after the first load
    quote: tuple | None  # (t(text), attribution)
    contact: str  # a contact's name
    related: list  # slugs (Albanian) of earlier releases


def demo_release(row):
    """One release of media_office/data/demo_press.json as a DemoRelease."""
    quote = row["quote"]
    return DemoRelease(
        slug=row["slug"],
        title=row["title"],
        lead=row["lead"],
        paragraphs=row["paragraphs"],
        topics=row["topics"],
        date=local_time(row["date"]) if row["date"] else None,
        quote=(quote["text"], quote["attribution"]) if quote else None,
        contact=row["contact"],
        related=row["related"],
    )


def local_time(text):
    """An ISO date and time of the data file, a local time in Prizren."""
    return datetime.fromisoformat(text).replace(tzinfo=PRIZREN)


DEMO_DATA = read_demo_data("media_office", "demo_press.json")
TOPICS = DEMO_DATA["topics"]
CONTACTS = DEMO_DATA["contacts"]
INDEX = DEMO_DATA["index"]
RELEASES = [demo_release(row) for row in DEMO_DATA["releases"]]

SCHEDULED_SLUG = "buxheti-2027-propozim"
# A word that appears only in the scheduled release: the search tests look for it.
EMBARGOED_WORD = "embargoplanifikuar"


def translation_memory():
    memory = {code: {} for code in TARGET_LANGUAGES}
    texts = [INDEX["title"], INDEX["slug"], INDEX["intro"]]
    for release in RELEASES:
        texts += [release.title, release.slug, release.lead, *release.paragraphs]
        if release.quote:
            texts.append(release.quote[0])
    for text in texts:
        for code in TARGET_LANGUAGES:
            memory[code][text["sq"]] = text[code]
    return memory


def ensure_translated_snippets(model, rows, key_field, values_for):
    """Create each snippet in Albanian, then its Serbian and Turkish translations.

    rows: iterable of (key, row); values_for(row, language) -> field values.
    Returns {key: Albanian instance}.
    """
    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    created = {}
    for key, row in rows:
        source = model.objects.filter(locale=source_locale, **{key_field: key}).first()
        if source is None:
            source = model.objects.create(locale=source_locale, **values_for(row, SOURCE_LANGUAGE))
        for code in TARGET_LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            if not model.objects.filter(
                translation_key=source.translation_key, locale=locale
            ).exists():
                model.objects.create(
                    translation_key=source.translation_key,
                    locale=locale,
                    **values_for(row, code),
                )
        created[key] = source
    return created


def ensure_topics():
    return ensure_translated_snippets(
        Topic,
        TOPICS.items(),
        "slug",
        lambda names, code: {"name": names[code], "slug": next_slug(names)},
    )


def next_slug(names):
    return next(slug for slug, value in TOPICS.items() if value is names)


def ensure_contacts():
    return ensure_translated_snippets(
        PressContact,
        [(contact["name"], contact) for contact in CONTACTS],
        "name",
        lambda contact, code: {
            "name": contact["name"],
            "role": contact["role"][code],
            "email": contact["email"],
            "phone": contact["phone"],
        },
    )


def ensure_index(home, report):
    page = PressReleaseIndexPage.objects.child_of(home).first()
    values = {"title": INDEX["title"]["sq"], "slug": INDEX["slug"]["sq"]}
    if page is None:
        page = home.add_child(
            instance=PressReleaseIndexPage(
                locale=home.locale, intro=INDEX["intro"]["sq"], show_in_menus=True, **values
            )
        )
        page.save_revision().publish()
        report.created.append(page)
    elif page.title != values["title"] or page.intro != INDEX["intro"]["sq"]:
        page.title = values["title"]
        page.intro = INDEX["intro"]["sq"]
        page.save_revision().publish()
        report.updated.append(page)
    return page


def body_for(release):
    blocks = [("paragraph", f"<p>{text['sq']}</p>") for text in release.paragraphs]
    if release.quote:
        blocks.append(("quote", {"text": release.quote[0]["sq"], "attribution": ""}))
    return blocks


def body_raw(page):
    raw = []
    for block in page.body:
        if block.block_type == "paragraph":
            raw.append(("paragraph", block.value.source))
        elif block.block_type == "quote":
            raw.append(("quote", {"text": block.value["text"], "attribution": ""}))
        else:
            raw.append((block.block_type, None))
    return raw


def ensure_release(index, release, topics, contacts, earlier, report):
    """Create or update one Albanian release; `earlier` maps slugs to releases already made."""
    page = PressReleasePage.objects.child_of(index).filter(slug=release.slug["sq"]).first()
    contact = contacts[release.contact]
    values = {"title": release.title["sq"], "lead": release.lead["sq"], "contact": contact}
    related = [earlier[slug].pk for slug in release.related]
    if page is None:
        date = release.date or (timezone.now() + timedelta(days=30)).replace(
            minute=0, second=0, microsecond=0
        )
        page = PressReleasePage(
            locale=index.locale,
            slug=release.slug["sq"],
            date=date,
            body=body_for(release),
            **values,
        )
        for slug in release.topics:
            page.topic_links.add(PressReleaseTopic(topic=topics[slug]))
        for pk in related:
            page.related_links.add(RelatedRelease(release_id=pk))
        if release.date is None:
            page.live = False
            page.go_live_at = date
        index.add_child(instance=page)
        # A future go_live_at makes this a scheduled publication, not a live page.
        page.save_revision().publish()
        report.created.append(page)
        return page
    changed = body_raw(page) != body_for(release)
    for name, value in values.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    if [link.release_id for link in page.related_links.all()] != related:
        page.related_links.set([RelatedRelease(release_id=pk) for pk in related])
        changed = True
    if changed:
        page.body = body_for(release)
        page.save_revision().publish()
        report.updated.append(page)
    return page


def translate(pages, changed, report):
    for page, code, result in translate_outdated(pages, translation_memory(), changed):
        report.translated.append((page, code))
        report.untranslated_strings += [(code, text) for text in result.missing]


def load_media_demo_content(home):
    """Called by home.demo_content.load_demo_content with the Albanian home page."""
    report = DemoReport()
    topics = ensure_topics()
    contacts = ensure_contacts()
    index = ensure_index(home, report)
    pages = {}
    for release in sorted(RELEASES, key=lambda r: (r.date is None, r.date)):
        pages[release.slug["sq"]] = ensure_release(index, release, topics, contacts, pages, report)
    changed = set(report.created) | set(report.updated)
    # Parent first, then the releases: each translation is created directly, with no alias
    # to create and convert on the way.
    translate([index, *pages.values()], changed, report)
    sync_trees()
    return report
