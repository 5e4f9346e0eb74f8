from wagtail.signals import page_published, page_unpublished

from core.feeds import invalidate_feeds

from .models import PressReleasePage
from .tasks import send_release_task


def release_published(sender, instance, **kwargs):
    invalidate_feeds()
    # page_published also fires when a future go_live_at only schedules the page: the task
    # checks that the release is live and its time has come before sending anything.
    if instance.live and not instance.is_embargoed and instance.alias_of_id is None:
        send_release_task.enqueue(instance.pk)


def release_unpublished(sender, instance, **kwargs):
    invalidate_feeds()


def connect():
    page_published.connect(release_published, sender=PressReleasePage)
    page_unpublished.connect(release_unpublished, sender=PressReleasePage)
