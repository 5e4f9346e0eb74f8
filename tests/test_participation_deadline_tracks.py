"""The deadline engine on its three tracks (7 days, 15 days when extended, 48 hours when
urgent) across holidays, year ends and a daylight-saving change, with the holidays the
migration seeds (PublicHoliday), and the 15 days to complain to the Agency."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from participation.deadlines import DeadlineRules, compute_deadline
from participation.models import AccessRequest, PublicHoliday, RequestStatus

PRIZREN = ZoneInfo("Europe/Belgrade")
WORKING = DeadlineRules(days=7, extended_days=15, urgent_hours=48, count_working_days=True)


def at(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=PRIZREN)


def local_day(moment):
    return timezone.localtime(moment, PRIZREN).date()


def request_received(moment, **fields):
    access_request = AccessRequest(
        subject="Dokumenti",
        email="",
        contact_method="postal",
        postal_address="Prizren",
        received_at=moment,
        **fields,
    )
    access_request.save()
    return access_request


@pytest.mark.django_db
def test_seven_days_over_christmas_and_new_year_move_past_three_holidays():
    # Received Friday 25.12.2026 (a holiday: requests are still received). Day 7 is Friday
    # 1 January (holiday), then 2 January (holiday, Saturday), Sunday: Monday 4 January 2027.
    access_request = request_received(at(2026, 12, 25))
    assert local_day(access_request.due_at) == date(2027, 1, 4)
    assert timezone.localtime(access_request.due_at, PRIZREN).time().isoformat() == "23:59:59"


@pytest.mark.django_db
def test_seven_days_ending_on_new_years_eve_stay_there():
    assert local_day(request_received(at(2026, 12, 24)).due_at) == date(2026, 12, 31)


@pytest.mark.django_db
def test_extension_over_the_year_end_counts_fifteen_days_from_receipt():
    access_request = request_received(at(2026, 12, 25))
    access_request.transition(
        RequestStatus.EXTENDED, extension_reason="Arkivi", at=at(2026, 12, 30)
    )
    # 25.12 + 15 = Saturday 9 January 2027: Monday 11 January.
    assert local_day(access_request.due_at) == date(2027, 1, 11)


@pytest.mark.django_db
def test_working_day_tracks_skip_the_years_holidays():
    holidays = PublicHoliday.dates_between(date(2026, 12, 1), date(2027, 2, 28))
    assert {date(2026, 12, 25), date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 7)} <= holidays
    received = at(2026, 12, 23)  # Wednesday
    seven = compute_deadline(received, holidays=holidays, rules=WORKING)
    fifteen = compute_deadline(received, extended=True, holidays=holidays, rules=WORKING)
    # 24, 28, 29, 30, 31 December, 4, 5 January (25.12 and 1.1 are holidays).
    assert local_day(seven) == date(2027, 1, 5)
    # ... 6, 8, 11, 12, 13, 14, 15, 18 January (7.1, Orthodox Christmas, is a holiday).
    assert local_day(fifteen) == date(2027, 1, 18)


@pytest.mark.django_db
def test_urgent_request_is_due_48_hours_later_holidays_and_year_end_included():
    access_request = request_received(
        at(2026, 12, 31, 15, 30), is_urgent=True, urgency_reason="Jeta"
    )
    assert timezone.localtime(access_request.due_at, PRIZREN) == at(2027, 1, 2, 15, 30)


def test_urgent_48_hours_are_elapsed_hours_across_the_clock_change():
    # Clocks go forward at 02:00 on Sunday 28 March 2027: 48 hours after Saturday 10:00 is
    # Monday 11:00 local time.
    due = compute_deadline(at(2027, 3, 27, 10), urgent=True, rules=WORKING)
    assert timezone.localtime(due, PRIZREN) == at(2027, 3, 29, 11)
    assert (due - at(2027, 3, 27, 10)).total_seconds() == 48 * 3600


@pytest.mark.django_db
def test_complaint_period_after_a_refusal_crosses_the_new_year():
    access_request = request_received(at(2026, 12, 14))
    access_request.transition(
        RequestStatus.REFUSED,
        decision="Refuzohet",
        legal_ground="Neni 17",
        at=at(2026, 12, 17, 12),
    )
    # 17.12 + 15 = Friday 1 January (holiday), Saturday 2 (holiday), Sunday: Monday 4.
    assert local_day(access_request.complaint_due_at()) == date(2027, 1, 4)


@pytest.mark.django_db
def test_complaint_period_after_silence_runs_from_the_deadline():
    access_request = request_received(at(2026, 12, 25))
    # Due Monday 4 January 2027; 15 days later: Tuesday 19 January.
    assert local_day(access_request.complaint_due_at()) == date(2027, 1, 19)


@pytest.mark.django_db
def test_no_complaint_period_once_granted():
    access_request = request_received(at(2026, 12, 1))
    access_request.transition(RequestStatus.GRANTED, decision="Po", at=at(2026, 12, 2))
    assert access_request.complaint_due_at() is None
