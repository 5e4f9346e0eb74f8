"""The press releases' RSS 2.0 and Atom feeds (the machinery is core/feeds.py)."""

from django.utils.html import strip_tags
from django.utils.translation import gettext, override

from core.feeds import PageFeed, feed_type, xml_text


class PressReleaseFeed(PageFeed):
    def item_description(self, item):
        return xml_text(item.lead)

    def item_pubdate(self, item):
        return item.date

    def item_categories(self, item):
        return [xml_text(topic.name) for topic in item.topic_list]

    def item_documents(self, item):
        return item.attached_documents()


def serve_release_feed(request, index_page, *, kind, topic=None):
    items = index_page.written_releases()
    with override(index_page.locale.language_code):
        site_name = gettext("Municipality of Prizren")
        if topic is None:
            title = gettext("Press releases · %(site)s") % {"site": site_name}
        else:
            items = items.filter(
                topic_links__topic__translation_key=topic.translation_key
            ).distinct()
            title = gettext("Press releases: %(topic)s · %(site)s") % {
                "topic": topic.name,
                "site": site_name,
            }
        description = index_page.intro or title
    return PressReleaseFeed(
        index_page,
        items,
        feed_type=feed_type(kind),
        title=title,
        description=strip_tags(description),
    )(request)
