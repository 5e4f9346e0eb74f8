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
]
