"""Feeds of the transparency section: new consultations, new months of decisions
(the machinery is core/feeds.py)."""

from django.utils.html import strip_tags
from django.utils.translation import gettext, override

from core.feeds import PageFeed, serve_listing_feed, xml_text

from .models import ActivityPage, DecisionMonthPage


class ActivityFeed(PageFeed):
    """New consultations (or hearings, meetings: whatever the list holds), newest first."""

    def item_description(self, item):
        text = strip_tags(item.notice or "") or item.note or item.location
        return xml_text(text)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_documents(self, item):
        return [row.document for row in item.documents.select_related("document")]


class DecisionMonthFeed(PageFeed):
    """A new month of the mayor's decisions; its PDFs in the feed's language first."""

    def item_description(self, item):
        if item.intro:
            return xml_text(item.intro)
        if item.decision_count is not None:
            with override(self.language_code):
                return gettext("%(count)s decisions of the mayor") % {"count": item.decision_count}
        return ""

    def item_pubdate(self, item):
        return item.first_published_at

    def item_documents(self, item):
        rows = list(item.documents.select_related("document"))
        rows.sort(key=lambda row: row.document.language != self.language_code)
        return [row.document for row in rows]


def serve_activity_feed(request, activity_index, feed_kind):
    return serve_listing_feed(
        request,
        activity_index,
        feed_kind,
        feed_class=ActivityFeed,
        items=ActivityPage.objects.order_by("-first_published_at", "-pk"),
    )


def serve_decision_feed(request, archive, feed_kind):
    return serve_listing_feed(
        request,
        archive,
        feed_kind,
        feed_class=DecisionMonthFeed,
        items=DecisionMonthPage.objects.order_by("-year", "-month", "-pk"),
    )
