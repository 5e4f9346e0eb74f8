"""The emails a requester receives: one per status change, in the request's language.

Each names the legal next step and its deadline (holidays counted, see deadlines.py) and links
the private status page. The subject carries only the reference and the status: nothing the
requester typed reaches a header.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Site

from core.visibility import public

from .models import AccessRequestFormPage, RequestStatus


def absolute(path):
    """An absolute URL on the canonical host (the default Wagtail site)."""
    site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def request_page(language):
    """The live request page in `language`, else the Albanian one; None if there is none."""
    pages = public(AccessRequestFormPage.objects.all())
    return (
        pages.filter(locale__language_code=language).first()
        or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def status_url(access_request):
    page = request_page(access_request.language)
    if page is None:
        return ""
    return absolute(
        page.get_url_parts()[2] + page.reverse_subpage("status", args=[access_request.status_token])
    )


SUBJECTS = {
    RequestStatus.RECEIVED: gettext_noop("Your request %(reference)s has been registered"),
    RequestStatus.EXTENDED: gettext_noop(
        "Your request %(reference)s: the deadline has been extended"
    ),
    RequestStatus.GRANTED: gettext_noop("Your request %(reference)s has been granted"),
    RequestStatus.PARTIALLY_GRANTED: gettext_noop(
        "Your request %(reference)s has been partly granted"
    ),
    RequestStatus.REFUSED: gettext_noop("Your request %(reference)s has been refused"),
    RequestStatus.FORWARDED: gettext_noop("Your request %(reference)s has been transferred"),
}


def subject_for(status, reference):
    return gettext(SUBJECTS[RequestStatus(status)]) % {"reference": reference}


def status_message(change):
    access_request = change.request
    with translation.override(access_request.language):
        context = {
            "access_request": access_request,
            "change": change,
            "status": RequestStatus(change.to_status),
            "complaint_due_at": access_request.complaint_due_at(),
            "complaint_days": settings.ACCESS_REQUEST_COMPLAINT_DAYS,
            "status_url": status_url(access_request),
        }
        body = render_to_string("participation/email/request_status.txt", context)
        subject = subject_for(change.to_status, access_request.reference)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[access_request.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
