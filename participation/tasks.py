"""Sending the emails to requesters and commenters: claimed, sent, stamped; a failure is
released for a retry.

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

from .answers import answer_message
from .models import CommentAnswerEmail, RequesterEmail
from .requester_emails import status_message

logger = logging.getLogger(__name__)

CLAIM_FOR = timedelta(minutes=10)


def pending(model, now=None):
    """Rows of an outbox `model` (RequesterEmail, CommentAnswerEmail) still to send."""
    now = now or timezone.now()
    return model.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        sent_at__isnull=True,
        attempts__lt=settings.ACCESS_REQUEST_EMAIL_ATTEMPTS,
    )


def deliver(model, pk, build_message):
    """Send one queued email of `model`; True if this call sent it."""
    now = timezone.now()
    if not pending(model, now).filter(pk=pk).update(claimed_until=now + CLAIM_FOR):
        return False  # sent already, being sent by another worker, or given up
    row = model.objects.get(pk=pk)
    try:
        build_message(row).send()
    except Exception as error:  # noqa: BLE001 - SMTP errors of every kind are retried
        logger.warning("%s %s not sent: %s", model.__name__, pk, error)
        model.objects.filter(pk=pk).update(
            claimed_until=None, attempts=row.attempts + 1, last_error=str(error)[:300]
        )
        return False
    model.objects.filter(pk=pk).update(
        sent_at=timezone.now(), attempts=row.attempts + 1, last_error=""
    )
    return True


def send_requester_email(email_id):
    return deliver(RequesterEmail, email_id, lambda row: status_message(row.status_change))


def send_answer_email(email_id):
    return deliver(CommentAnswerEmail, email_id, lambda row: answer_message(row.comment))


def send_pending_requester_emails():
    """Retry every email still unsent (requesters and commenters); returns how many went out."""
    sent = 0
    for model, send in (
        (RequesterEmail, send_requester_email),
        (CommentAnswerEmail, send_answer_email),
    ):
        for pk in pending(model).order_by("pk").values_list("pk", flat=True):
            sent += send(pk)
    return sent


@task()
def send_requester_email_task(email_id):
    return send_requester_email(email_id)


@task()
def send_answer_email_task(email_id):
    return send_answer_email(email_id)
