"""Sending a published press release to the confirmed subscribers of its language."""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from core.visibility import public

from .emails import release_message
from .models import Delivery, PressReleasePage, Subscription

logger = logging.getLogger(__name__)

# A release dated longer ago than this is an archive import, not news: nobody is emailed.
SEND_MAX_AGE = timedelta(days=2)


def sendable(release):
    now = timezone.now()
    return (
        release.live
        and release.alias_of_id is None
        and release.date <= now
        and release.date >= now - SEND_MAX_AGE
        and public(PressReleasePage.objects.filter(pk=release.pk)).exists()
    )


def send_release(page_id):
    """Send the release once per language; returns how many emails went out.

    The Delivery row is created before any email, in its own transaction: a second publish,
    a second worker or a retried task finds it and sends nothing.
    """
    release = PressReleasePage.objects.filter(pk=page_id).first()
    if release is None or not sendable(release):
        return 0
    language = release.locale.language_code
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(
                translation_key=release.translation_key, language=language, page=release
            )
    except IntegrityError:
        return 0
    subscribers = (
        Subscription.objects.filter(language=language, confirmed_at__isnull=False)
        .prefetch_related("topics")
        .order_by("pk")
    )
    sent = 0
    for subscription in subscribers:
        if not subscription.wants(release):
            continue
        try:
            release_message(subscription, release).send()
            sent += 1
        except Exception:  # noqa: BLE001 - one bad mailbox must not stop the others
            logger.exception("release %s not sent to subscription %s", page_id, subscription.pk)
    delivery.recipients = sent
    delivery.save(update_fields=["recipients"])
    return sent


@task()
def send_release_task(page_id):
    return send_release(page_id)
