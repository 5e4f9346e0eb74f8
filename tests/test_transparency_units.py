"""Small, fast checks of the transparency section: figures, dates, status, parser, editors."""

import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from transparency import discrepancies as checks
from transparency.charts import column_chart, stacked_bar_chart
from transparency.choices import ActivityKind, ActivityStatus
from transparency.models import ActivityIndexPage, ActivityPage, TransparencyIndexPage
from transparency.strategy_parser import clean, parse_strategy


def test_participants_that_do_not_add_up_are_flagged():
    assert checks.check_participants(2, 6, 8) == []
    (found,) = checks.check_participants(2, 6, 9)
    assert found.params == {"women": 2, "men": 6, "sum": 8, "total": 9}
    assert "8" in found.message and "9" in found.message
    assert checks.check_participants(None, 6, 9) == []  # nothing to compare


def test_comments_that_do_not_add_up_are_flagged():
    assert checks.check_comments(12, 8, 8, 28) == []
    assert checks.check_comments(None, None, None, 35) == []  # only a total: not a mismatch
    (found,) = checks.check_comments(13, 2, 1, 15)
    assert found.params["sum"] == 16


def test_dates_as_written_by_the_source():
    assert checks.parse_date_as_written("07.04.2023") == date(2023, 4, 7)
    assert checks.parse_date_as_written("30.01.20230") is None
    assert checks.parse_date_as_written("31.02.2023") is None
    assert checks.parse_date_as_written("") is None
    assert [d.code for d in checks.check_date(None, "")] == ["date-missing"]
    (found,) = checks.check_date(date(2023, 1, 30), "30.01.20230")
    assert found.code == "date-as-written" and found.params["written"] == "30.01.20230"
    assert checks.check_date(date(2023, 4, 7), "07.04.2023") == []


def test_discrepancy_messages_follow_the_active_language():
    (found,) = checks.check_participants(0, 14, 0)
    with translation.override("tr"):
        turkish = found.message
    with translation.override("sq"):
        albanian = found.message
    assert turkish != albanian
    assert "14" in turkish and "14" in albanian


# A page instance looks up the default locale, so it needs the database.
@pytest.mark.django_db
def test_status_follows_dates_and_report():
    activity = ActivityPage(kind=ActivityKind.CONSULTATION, year=2023, number=1)
    assert activity.status_on(date(2023, 1, 1)) == ActivityStatus.PLANNED  # no date yet
    activity.opens_on, activity.closes_on = date(2023, 3, 1), date(2023, 3, 15)
    assert activity.status_on(date(2023, 2, 28)) == ActivityStatus.PLANNED
    assert activity.status_on(date(2023, 3, 1)) == ActivityStatus.OPEN
    assert activity.status_on(date(2023, 3, 15)) == ActivityStatus.OPEN
    assert activity.status_on(date(2023, 3, 16)) == ActivityStatus.CLOSED
    activity.report_url = "https://kk.rks-gov.net/prizren/raporti.pdf"
    assert activity.status_on(date(2023, 3, 16)) == ActivityStatus.REPORT_PUBLISHED


# A page instance looks up the default locale, so it needs the database.
@pytest.mark.django_db
def test_participants_counted_is_never_less_than_women_and_men():
    # Hearing 8 states 0 in total with 14 men; the report's own sum counts 14.
    assert ActivityPage(participants_women=0, participants_men=14, participants_total=0)
    hearing = ActivityPage(participants_women=0, participants_men=14, participants_total=0)
    assert hearing.participants_counted == 14
    consultation = ActivityPage(participants_women=2, participants_men=6, participants_total=9)
    assert consultation.participants_counted == 9
    assert ActivityPage().participants_counted == 0


def test_export_markers_are_removed():
    assert clean("2.1. [bookmark: _Toc53580235][bookmark: _Toc56068207]Profili") == "2.1. Profili"


def test_parser_reads_headings_lists_and_tables():
    text = (
        "1. [bookmark: _Toc1]HYRJE\n"
        "Strategjia për Informim, Komunikim dhe Pjesëmarrje Qytetare 2022-2024 është e re.\n"
        "· e para\n· e dyta\n"
        "2. [bookmark: _Toc2]ROLET DHE PËRGJEGJËSITË\n"
        "\t\n\tROLET DHE PËRGJEGJËSITË\n"
        "\tKryetari\n\tMbështet zbatimin.\nNxit komunikimin.\n"
    )
    parsed = parse_strategy(text)
    assert parsed.title == "Strategjia për Informim, Komunikim dhe Pjesëmarrje Qytetare 2022-2024"
    assert (parsed.period_start, parsed.period_end) == (2022, 2024)
    assert [block["type"] for block in parsed.blocks] == [
        "heading",
        "paragraph",
        "list",
        "heading",
        "roles_table",
    ]
    assert parsed.blocks[2]["value"] == ["e para", "e dyta"]
    (row,) = parsed.of_type("roles_table")[0]["rows"]
    assert row == {
        "role": "Kryetari",
        "responsibilities": ["Mbështet zbatimin.", "Nxit komunikimin."],
    }


def test_chart_coordinates_never_use_a_decimal_comma():
    with translation.override("sq"):
        chart = stacked_bar_chart([("a", [("women", "w", 1), ("men", "m", 2)], 3)])
        columns = column_chart([("Janar", 48), ("Shkurt", 76)])
    values = [segment["x"] for segment in chart["bars"][0]["segments"]]
    values += [column["y"] for column in columns["columns"]]
    assert all("," not in value for value in values)
    assert stacked_bar_chart([])["bars"] == []  # an empty year draws nothing, no error


# --- editors --------------------------------------------------------------------------------------


@pytest.fixture
def hearing(demo_site):
    home = demo_site["sq"]
    index = home.add_child(
        instance=TransparencyIndexPage(title="Transparenca", slug="transparenca")
    )
    listing = index.add_child(
        instance=ActivityIndexPage(
            title="Dëgjimet buxhetore", slug="degjimet", kind=ActivityKind.HEARING
        )
    )
    page = listing.add_child(
        instance=ActivityPage(
            title="Dëgjimi buxhetor në Velezhë",
            slug="velezhe",
            kind=ActivityKind.HEARING,
            year=2023,
            number=8,
            date=date(2023, 8, 14),
            date_as_written="14.08.2023",
            participants_women=0,
            participants_men=14,
            participants_total=14,
        )
    )
    page.save_revision().publish()
    return page


def edit_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "year": page.year,
        "number": page.number,
        "date": "2023-08-14",
        "date_as_written": "14.08.2023",
        "location": "",
        "note": "",
        "report_url": "",
        "participants_women": 0,
        "participants_men": 14,
        "participants_total": 14,
        "documents-TOTAL_FORMS": 0,
        "documents-INITIAL_FORMS": 0,
        "documents-MIN_NUM_FORMS": 0,
        "documents-MAX_NUM_FORMS": 1000,
        "notice": json.dumps({"blocks": [], "entityMap": {}}),
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
    }
    data.update(overrides)
    return data


def test_editor_figures_that_do_not_add_up_are_saved_with_a_warning(client, hearing):
    editor = get_user_model().objects.create_superuser("editor", "e@prizren.example", "pw")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[hearing.pk])
    response = client.post(url, edit_data(hearing, participants_total=0))
    assert response.status_code == 302, response.context and response.context["form"].errors
    hearing.refresh_from_db()
    revision = hearing.get_latest_revision_as_object()
    assert revision.participants_total == 0  # the typed figure is kept, not corrected
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("14" in message and "0" in message for message in warnings)
    # The edit view lists the discrepancy of the saved figures.
    hearing.participants_total = 0
    hearing.save_revision().publish()
    html = client.get(url).content.decode()
    assert "help-warning" in html


def test_editor_figures_that_add_up_give_no_warning(client, hearing):
    editor = get_user_model().objects.create_superuser("editor", "e@prizren.example", "pw")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[hearing.pk])
    response = client.post(url, edit_data(hearing))
    assert response.status_code == 302
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert not any("do not add up" in message for message in warnings)
