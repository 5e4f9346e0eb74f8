from wagtail.signals import page_published

from core.middleware import empty_page_cache_on_change

from .models import PressContact, PressReleasePage, Topic
from .tasks import send_release_task


def release_published(sender, instance, **kwargs):
    # page_published also fires when a future go_live_at only schedules the page: the task
    # checks that the release is live and its time has come before sending anything.
    if instance.live and not instance.is_embargoed and instance.alias_of_id is None:
        send_release_task.enqueue(instance.pk)


def connect():
    page_published.connect(release_published, sender=PressReleasePage)
    empty_page_cache_on_change(Topic, PressContact)
