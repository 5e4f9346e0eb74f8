"""The requester's private status page, its decision letter, and the public log of requests."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from .models import AccessRequest, RequestStatus
from .public import public_requests, public_years

PRIVATE_HEADERS = {
    # The token is in the URL: no cache keeps the page, no referrer carries it away.
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


def request_for_token(token):
    access_request = AccessRequest.objects.filter(status_token=token).first() if token else None
    if access_request is None:
        raise Http404
    return access_request


def private(response):
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def request_status(request, page, token):
    access_request = request_for_token(token)
    context = page.get_context(request)
    context.update(
        access_request=access_request,
        changes=access_request.status_changes.all(),
        days_left=access_request.days_left(),
        complaint_due_at=access_request.complaint_due_at(),
        complaint_days=settings.ACCESS_REQUEST_COMPLAINT_DAYS,
        letter_url=page.url + page.reverse_subpage("status_letter", args=[token]),
    )
    return private(TemplateResponse(request, "participation/request_status.html", context))


def request_letter(request, page, token):
    access_request = request_for_token(token)
    if not access_request.decision_letter:
        raise Http404
    response = FileResponse(
        access_request.decision_letter.open("rb"),
        as_attachment=True,
        filename=f"{access_request.reference}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return private(response)


def request_log(request, page):
    years = public_years()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year not in years:
        year = None
    status = request.GET.get("status", "")
    if status not in RequestStatus.values:
        status = ""
    paginator = Paginator(public_requests(year=year, status=status), 50)
    requests_page = paginator.get_page(request.GET.get("page"))
    context = page.get_context(request)
    context.update(
        requests=requests_page,
        years=years,
        year=year,
        status=status,
        statuses=RequestStatus.choices,
        now=timezone.now(),
        statistics_url=page.url + page.reverse_subpage("statistics"),
    )
    return TemplateResponse(request, "participation/request_log.html", context)
