"""Open-data exports, outside the language prefixes: the data is the same in every language."""

from django.urls import path

from . import open_data

app_name = "participation"

urlpatterns = [
    path(
        "access-to-documents-statistics.csv",
        open_data.access_statistics_csv,
        name="access_statistics_csv",
    ),
    path(
        "access-to-documents-statistics.json",
        open_data.access_statistics_json,
        name="access_statistics_json",
    ),
    path(
        "access-to-documents-requests.csv",
        open_data.access_requests_csv,
        name="access_requests_csv",
    ),
    path(
        "access-to-documents-requests.json",
        open_data.access_requests_json,
        name="access_requests_json",
    ),
    path("consultations-hearings-meetings.csv", open_data.activities_csv, name="activities_csv"),
    path("consultations-hearings-meetings.json", open_data.activities_json, name="activities_json"),
    path("mayor-decisions-by-month.csv", open_data.decision_months_csv, name="decisions_csv"),
    path("mayor-decisions-by-month.json", open_data.decision_months_json, name="decisions_json"),
]
