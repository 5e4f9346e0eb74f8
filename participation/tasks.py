"""Sending the requester's emails: claimed, sent, stamped; a failure is released for a retry.

Never twice: a row is claimed by one atomic UPDATE (only one worker wins it) and `sent_at` is
stamped right after the SMTP server accepted the message. Retried: a failed attempt clears
the claim and counts; `manage.py send_requester_emails` (run from a timer) sends what is
left, up to ACCESS_REQUEST_EMAIL_ATTEMPTS attempts.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from .models import RequesterEmail
from .requester_emails import status_message

logger = logging.getLogger(__name__)

CLAIM_FOR = timedelta(minutes=10)


def pending_emails(now=None):
    now = now or timezone.now()
    return RequesterEmail.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        sent_at__isnull=True,
        attempts__lt=settings.ACCESS_REQUEST_EMAIL_ATTEMPTS,
    )


def send_requester_email(email_id):
    """Send one queued email; True if this call sent it."""
    now = timezone.now()
    claimed = pending_emails(now).filter(pk=email_id).update(claimed_until=now + CLAIM_FOR)
    if not claimed:
        return False  # sent already, being sent by another worker, or given up
    email = RequesterEmail.objects.select_related("status_change__request").get(pk=email_id)
    try:
        status_message(email.status_change).send()
    except Exception as error:  # noqa: BLE001 - SMTP errors of every kind are retried
        logger.warning("requester email %s not sent: %s", email_id, error)
        RequesterEmail.objects.filter(pk=email_id).update(
            claimed_until=None, attempts=email.attempts + 1, last_error=str(error)[:300]
        )
        return False
    RequesterEmail.objects.filter(pk=email_id).update(
        sent_at=timezone.now(), attempts=email.attempts + 1, last_error=""
    )
    return True


def send_pending_requester_emails():
    """Retry every email still unsent; returns how many went out."""
    return sum(
        send_requester_email(pk)
        for pk in pending_emails().order_by("pk").values_list("pk", flat=True)
    )


@task()
def send_requester_email_task(email_id):
    return send_requester_email(email_id)
