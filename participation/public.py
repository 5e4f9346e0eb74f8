"""What the public may see of the register of requests: the one place that decides.

Never the requester (name, email, address) nor what they typed (the subject, the decision
text, the notes): only the reference, dates, status, outcome, legal ground, the institution
a request went to, and the subject as staff wrote it for the log (`public_subject`).
"""

from django.db.models.functions import ExtractYear
from django.utils import timezone

from .models import AccessRequest, RequestStatus

PUBLIC_FIELDS = (
    "reference",
    "received_at",
    "channel",
    "is_urgent",
    "status",
    "due_at",
    "extended_at",
    "decided_at",
    "legal_ground",
    "forwarded_to",
    "public_subject",
)


def public_requests(*, year=None, status=None):
    requests = AccessRequest.objects.only(*PUBLIC_FIELDS).order_by("-received_at", "-pk")
    if year:
        requests = requests.annotate(
            year=ExtractYear("received_at", tzinfo=timezone.get_current_timezone())
        ).filter(year=year)
    if status:
        requests = requests.filter(status=status)
    return requests


def public_years():
    return sorted(
        {
            timezone.localtime(received).year
            for received in AccessRequest.objects.values_list("received_at", flat=True)
        },
        reverse=True,
    )


def public_row(access_request):
    """One request as the log and open data publish it."""

    def day(value):
        return timezone.localtime(value).date().isoformat() if value else None

    return {
        "id": access_request.reference,
        "subject": access_request.public_subject or None,
        "received_on": day(access_request.received_at),
        "urgent": access_request.is_urgent,
        "due_on": day(access_request.due_at),
        "extended_on": day(access_request.extended_at),
        "status": access_request.status,
        "decided_on": day(access_request.decided_at),
        "decided_on_time": access_request.decided_on_time,
        "legal_ground": access_request.legal_ground or None,
        "transferred_to": access_request.forwarded_to or None,
    }


PUBLIC_COLUMNS = list(public_row(AccessRequest(received_at=timezone.now(), due_at=timezone.now())))
STATUS_CHOICES = RequestStatus.choices
