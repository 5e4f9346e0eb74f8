from wagtail.signals import page_published, page_unpublished

from core.feeds import invalidate_feeds

from .models import ActivityPage, DecisionMonthPage


def listing_item_changed(sender, instance, **kwargs):
    invalidate_feeds()


def connect():
    # The consultation and decision feeds are cached like the press releases' (core/feeds.py).
    for model in (ActivityPage, DecisionMonthPage):
        page_published.connect(listing_item_changed, sender=model)
        page_unpublished.connect(listing_item_changed, sender=model)
