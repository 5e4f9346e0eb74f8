"""Public views of the access-to-documents request page (routed by AccessRequestFormPage)."""

import logging

from django.conf import settings
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation

from core.client_address import client_address
from core.ratelimit import RateLimited, hit_for_request

from .forms import AccessRequestForm
from .models import AccessRequest
from .statistics import yearly_statistics
from .status_views import private

logger = logging.getLogger(__name__)

RECEIPT_SESSION_KEY = "participation_access_request_receipt"


def rate_limit(request, scope):
    """Count this submission; RateLimited past PARTICIPATION_RATE_LIMIT per period."""
    hit_for_request(
        request,
        scope,
        limit=settings.PARTICIPATION_RATE_LIMIT,
        period=settings.PARTICIPATION_RATE_PERIOD,
    )


def page_context(request, page, **extra):
    context = page.get_context(request)
    context["statistics_url"] = page.url + page.reverse_subpage("statistics")
    context["log_url"] = page.url + page.reverse_subpage("log")
    context.update(extra)
    return context


def access_request_form(request, page):
    template = "participation/access_request_form_page.html"
    if request.method != "POST":
        context = page_context(request, page, form=AccessRequestForm())
        return TemplateResponse(request, template, context)

    form = AccessRequestForm(request.POST)
    token = form.submission_token()
    already = AccessRequest.objects.filter(submission_token=token).first() if token else None
    if already is not None:
        return show_receipt(request, page, already)
    try:
        rate_limit(request, "access-request")
    except RateLimited as limited:
        # The text stays in the form: the reader can copy it or retry later.
        context = page_context(request, page, form=form, rate_limited=limited.message)
        return TemplateResponse(request, template, context, status=429)
    if form.is_spam():
        logger.info("Access request dropped as spam from %s", client_address(request))
        request.session.pop(RECEIPT_SESSION_KEY, None)
        return HttpResponseRedirect(page.url + page.reverse_subpage("receipt"))
    if not form.is_valid():
        return TemplateResponse(request, template, page_context(request, page, form=form))

    data = form.cleaned_data
    access_request = AccessRequest(
        language=translation.get_language() or settings.LANGUAGE_CODE,
        subject=data["subject"],
        preferred_format=data["preferred_format"],
        contact_method=data["contact_method"],
        email=data["email"],
        postal_address=data["postal_address"],
        name=data["name"],
        is_urgent=data["is_urgent"],
        urgency_reason=data["urgency_reason"] if data["is_urgent"] else "",
        submission_token=token,
    )
    try:
        access_request.save()
    except IntegrityError:
        # The same submission arrived twice at once: the other one is in the register.
        access_request = AccessRequest.objects.filter(submission_token=token).first()
        if token is None or access_request is None:
            raise
    return show_receipt(request, page, access_request)


def show_receipt(request, page, access_request):
    request.session[RECEIPT_SESSION_KEY] = access_request.reference
    return HttpResponseRedirect(page.url + page.reverse_subpage("receipt"))


def access_request_receipt(request, page):
    # Only the reference sits in the session; a receipt never shows the requester's details.
    reference = request.session.get(RECEIPT_SESSION_KEY)
    access_request = (
        AccessRequest.objects.filter(reference=reference).first() if reference else None
    )
    status_url = (
        page.url + page.reverse_subpage("status", args=[access_request.status_token])
        if access_request
        else ""
    )
    context = page_context(request, page, access_request=access_request, status_url=status_url)
    return private(TemplateResponse(request, "participation/access_request_receipt.html", context))


def access_request_statistics(request, page):
    context = page_context(
        request, page, years=yearly_statistics(), licence=settings.OPEN_DATA_LICENCE
    )
    return TemplateResponse(request, "participation/access_request_statistics.html", context)
