"""Open data: the register's statistics and the transparency records as CSV and JSON.

Licence: CC BY 4.0 (docs/decisions/0043-open-data-exports.md). Every CSV cell that a
spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) is
prefixed with an apostrophe (OWASP "CSV injection").
"""

import csv
import io

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from core.visibility import public
from transparency.models import ActivityPage, DecisionMonthPage, ParticipationFigures

from .public import PUBLIC_COLUMNS, public_requests, public_row
from .statistics import yearly_statistics

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ACCESS_STATISTICS_COLUMNS = [
    "year",
    "received",
    "decided",
    "decided_on_time",
    "granted",
    "partially_granted",
    "refused",
    "forwarded",
    "pending",
    "average_days_to_decide",
    "source",
]


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def licence_note():
    licence = settings.OPEN_DATA_LICENCE
    return f"{licence['attribution']}. {licence['name']}: {licence['url']}"


def csv_response(filename, columns, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def json_response(dataset, rows):
    payload = {
        "dataset": dataset,
        "publisher": settings.OPEN_DATA_LICENCE["attribution"],
        "licence": settings.OPEN_DATA_LICENCE,
        "records": rows,
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'
    return response


def access_statistics_rows():
    return [year.as_dict() for year in yearly_statistics()]


@require_GET
def access_statistics_csv(request):
    return csv_response(
        "access-to-documents-statistics.csv", ACCESS_STATISTICS_COLUMNS, access_statistics_rows()
    )


@require_GET
def access_statistics_json(request):
    return json_response("access-to-documents-statistics", access_statistics_rows())


def access_request_rows():
    return [public_row(access_request) for access_request in public_requests()]


@require_GET
def access_requests_csv(request):
    return csv_response("access-to-documents-requests.csv", PUBLIC_COLUMNS, access_request_rows())


@require_GET
def access_requests_json(request):
    return json_response("access-to-documents-requests", access_request_rows())


# --- transparency records (pages of the transparency app, Albanian tree) ---

ACTIVITY_COLUMNS = [
    "kind",
    "year",
    "number",
    "title",
    "date",
    "opens_on",
    "closes_on",
    "location",
    "status",
    *ParticipationFigures.FIGURE_FIELDS,
    "report_url",
    "url",
]
DECISION_MONTH_COLUMNS = ["year", "month", "decision_count", "source_url", "url"]


def iso(value):
    return value.isoformat() if value else None


def source_pages(model):
    return public(model.objects).filter(
        locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
    )


def activity_rows(request):
    rows = []
    for page in source_pages(ActivityPage).order_by("kind", "year", "number"):
        row = {name: getattr(page, name) for name in ACTIVITY_COLUMNS if hasattr(page, name)}
        row.update(
            date=iso(page.date),
            opens_on=iso(page.opens_on),
            closes_on=iso(page.closes_on),
            status=str(page.status),
            url=page.get_full_url(request),
        )
        rows.append(row)
    return rows


def decision_month_rows(request):
    return [
        {
            "year": page.year,
            "month": page.month,
            "decision_count": page.decision_count,
            "source_url": page.source_url,
            "url": page.get_full_url(request),
        }
        for page in source_pages(DecisionMonthPage).order_by("year", "month")
    ]


@require_GET
def activities_csv(request):
    return csv_response(
        "consultations-hearings-meetings.csv", ACTIVITY_COLUMNS, activity_rows(request)
    )


@require_GET
def activities_json(request):
    return json_response("consultations-hearings-meetings", activity_rows(request))


@require_GET
def decision_months_csv(request):
    return csv_response(
        "mayor-decisions-by-month.csv", DECISION_MONTH_COLUMNS, decision_month_rows(request)
    )


@require_GET
def decision_months_json(request):
    return json_response("mayor-decisions-by-month", decision_month_rows(request))
