"""RSS 2.0 and Atom feeds over pages, built on Django's syndication framework.

`PageFeed` is generic: a listing page, a queryset of its items, a language. Each app's
feeds.py subclasses it to say what an item's text, date and attachments are. Feeds are routed
from the listing pages (RoutablePageMixin), so each language's listing carries its own feeds,
and cached like any page by the anonymous page cache (core.middleware, decision 0055).
"""

import re
import uuid

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext, override

from core.languages import bcp47
from core.visibility import public, public_document_ids

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}

# Characters XML 1.0 forbids, and lone surrogates (a title pasted from a word processor can
# carry \x0b, which would otherwise make the whole feed fail).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# A fixed namespace for the items' GUIDs (uuid5): never change it, readers remember GUIDs.
GUID_NAMESPACE = uuid.UUID("6f1d3c0e-5b8a-4c52-9d4e-3a7f1e2b9c10")


def xml_text(value):
    return XML_FORBIDDEN.sub("", str(value or ""))


def stable_guid(page):
    """An id that survives edits, slug changes and moves: the translation key and language."""
    name = f"{page.translation_key}:{page.locale.language_code}"
    return f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, name)}"


class PageFeed(Feed):
    """A feed of the pages of one listing page, in the listing's language."""

    item_guid_is_permalink = False
    limit = 30

    def __init__(self, listing_page, items, *, feed_type, title, description):
        super().__init__()
        self.listing_page = listing_page
        self.items_queryset = items
        self.feed_type = feed_type
        self.language_code = listing_page.locale.language_code
        # Django writes the feed's language from this attribute (<language>, xml:lang).
        self.language = bcp47(self.language_code)
        self.feed_title = xml_text(title)
        self.feed_description = xml_text(description)

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.feed_title

    def description(self):
        return self.feed_description

    def subtitle(self):
        return self.feed_description

    def link(self):
        return self.listing_page.get_url(self.request)

    def feed_url(self):
        return self.request.path

    def items(self):
        return list(self.items_queryset.specific()[: self.limit])

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(getattr(item, "search_description", "") or "")

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return stable_guid(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_documents(self, item):
        return []

    def item_enclosures(self, item):
        enclosures = []
        documents = self.item_documents(item)
        # A feed is public: only documents the public may download (core.visibility).
        allowed = public_document_ids([document.pk for document in documents])
        for document in documents:
            if document.pk not in allowed:
                continue
            if document.file_extension.lower() != "pdf":
                continue
            try:
                size = document.get_file_size() or 0
            except OSError:
                continue
            enclosures.append(
                Enclosure(
                    self.request.build_absolute_uri(document.url), str(size), "application/pdf"
                )
            )
        # RSS 2.0 allows one enclosure per item; Atom any number.
        return enclosures[:1] if self.feed_type is Rss201rev2Feed else enclosures


def feed_type(feed_kind):
    """The feed generator of `rss` or `atom`; any other kind is a 404."""
    try:
        return FEED_TYPES[feed_kind]
    except KeyError:
        raise Http404 from None


def written_in_language(queryset, listing_page):
    """Live, public pages under the listing, written in its language (no untranslated aliases)."""
    return (
        public(queryset)
        .descendant_of(listing_page)
        .filter(alias_of__isnull=True, locale_id=listing_page.locale_id)
    )


def serve_listing_feed(request, listing, feed_kind, *, feed_class, items):
    """The feed of a transparency listing page (`items`: its pages, newest first)."""
    with override(listing.locale.language_code):
        title = gettext("%(list)s · %(site)s") % {
            "list": listing.title,
            "site": gettext("Municipality of Prizren"),
        }
    return feed_class(
        listing,
        written_in_language(items, listing),
        feed_type=feed_type(feed_kind),
        title=title,
        description=listing.intro or title,
    )(request)


def listing_feed_links(listing_page, request, label):
    """[(label, rss_url, atom_url)] of a listing page routing `feed/<rss|atom>/`."""
    base = listing_page.get_url(request)
    return [
        (
            label,
            request.build_absolute_uri(
                base + listing_page.reverse_subpage("feed", kwargs={"feed_kind": "rss"})
            ),
            request.build_absolute_uri(
                base + listing_page.reverse_subpage("feed", kwargs={"feed_kind": "atom"})
            ),
        )
    ]
