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
