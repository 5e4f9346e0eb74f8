from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_feed_links(context, page):
    """[(label, rss_url, atom_url)] of a listing page that has feeds, else []."""
    feed_links = getattr(page, "feed_links", None)
    request = context.get("request")
    if feed_links is None or request is None:
        return []
    return feed_links(request)
