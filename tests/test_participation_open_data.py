"""Open-data exports: CSV cells are formula-safe, every export carries its licence."""

import csv
import io
from datetime import timedelta

from django.utils import timezone

from participation.open_data import csv_cell
from tests.participation_helpers import add_consultation, build_small_site


def test_csv_cells_that_look_like_formulas_are_escaped():
    assert csv_cell('=HYPERLINK("http://evil.example","Kliko")').startswith("'=")
    assert csv_cell("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert csv_cell("-2+3") == "'-2+3"
    assert csv_cell("@SUM(1+1)") == "'@SUM(1+1)"
    assert csv_cell("\t=1") == "'\t=1"
    assert csv_cell("Prizren") == "Prizren"
    assert csv_cell(-3) == -3  # numbers stay numbers
    assert csv_cell(None) == ""


def test_consultations_export_escapes_a_hostile_title_and_names_the_licence(client, db):
    site = build_small_site()
    today = timezone.localdate()
    add_consultation(
        site["sq"],
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=5),
        title='=HYPERLINK("http://evil.example","Kliko")',
        participants_women=3,
        participants_men=4,
        participants_total=7,
    )
    response = client.get("/open-data/consultations-hearings-meetings.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["title"].startswith("'=HYPERLINK")
    assert rows[0]["participants_total"] == "7" and rows[0]["status"] == "open"
    assert 'rel="license"' in response["Link"]
    data = client.get("/open-data/consultations-hearings-meetings.json").json()
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["records"][0]["title"] == '=HYPERLINK("http://evil.example","Kliko")'
    assert data["records"][0]["url"].endswith("/sq/transparenca/konsultime/konsultimi-1/")
    months = client.get("/open-data/mayor-decisions-by-month.json").json()
    assert months["records"] == []
    assert client.post("/open-data/mayor-decisions-by-month.json").status_code == 405
