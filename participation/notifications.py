"""Daily reminders to staff about access requests that are due soon or overdue.

One email per request per day, to ACCESS_REQUEST_NOTIFY_EMAILS; a DueNotification row per
request and day makes a second run on the same day send nothing. The subject carries only
the reference: nothing a requester typed reaches an email header.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import deadlines
from .compliance import snippet_edit_url
from .models import OPEN_STATUSES, AccessRequest, DueNotification


def requests_to_remind(now):
    rules = deadlines.DeadlineRules.from_settings()
    return [
        access_request
        for access_request in AccessRequest.objects.filter(status__in=OPEN_STATUSES).order_by(
            "due_at"
        )
        if deadlines.days_left(access_request.due_at, now) <= rules.due_soon_days
    ]


def notify_due_requests(now=None):
    """Send today's reminders; return the references reminded about."""
    now = now or timezone.now()
    recipients = list(settings.ACCESS_REQUEST_NOTIFY_EMAILS)
    if not recipients:
        return []
    today = timezone.localtime(now).date()
    sent = []
    with translation.override(settings.LANGUAGE_CODE):
        for access_request in requests_to_remind(now):
            try:
                with transaction.atomic():
                    DueNotification.objects.create(
                        request=access_request, sent_on=today, recipients=", ".join(recipients)
                    )
                    reminder_email(access_request, now, recipients).send()
            except IntegrityError:
                continue  # already reminded today
            sent.append(access_request.reference)
    return sent


def reminder_email(access_request, now, recipients):
    overdue = deadlines.is_overdue(access_request.due_at, now)
    context = {
        "access_request": access_request,
        "overdue": overdue,
        "days_left": deadlines.days_left(access_request.due_at, now),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + snippet_edit_url(access_request),
    }
    subject = render_to_string("participation/email/due_request_subject.txt", context)
    body = render_to_string("participation/email/due_request_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
