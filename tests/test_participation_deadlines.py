"""The deadline engine of access-to-documents requests (participation/deadlines.py)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from participation.deadlines import (
    DeadlineRules,
    compute_deadline,
    days_left,
    is_due_soon,
    last_day_of_period,
)

PRIZREN = ZoneInfo("Europe/Belgrade")
CALENDAR = DeadlineRules(days=7, extended_days=15, urgent_hours=48, count_working_days=False)
WORKING = DeadlineRules(days=7, extended_days=15, urgent_hours=48, count_working_days=True)
INDEPENDENCE_DAY_2026 = date(2026, 2, 17)


def at(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=PRIZREN)


def test_seven_calendar_days_end_at_the_end_of_the_seventh_day():
    # Monday 2 November 2026: the day of receipt is not counted.
    due = compute_deadline(at(2026, 11, 2), rules=CALENDAR)
    assert due == datetime(2026, 11, 9, 23, 59, 59, tzinfo=PRIZREN)


def test_calendar_period_ending_on_a_weekend_moves_to_monday():
    # Received on Saturday 7 November: day 7 is Saturday 14, the period ends Monday 16.
    due = compute_deadline(at(2026, 11, 7), rules=CALENDAR)
    assert due.date() == date(2026, 11, 16)


def test_calendar_period_ending_on_a_holiday_moves_to_the_next_working_day():
    due = compute_deadline(at(2026, 2, 10), holidays={INDEPENDENCE_DAY_2026}, rules=CALENDAR)
    assert due.date() == date(2026, 2, 18)
    without_holiday = compute_deadline(at(2026, 2, 10), rules=CALENDAR)
    assert without_holiday.date() == date(2026, 2, 17)


def test_working_days_skip_weekends_and_holidays():
    assert compute_deadline(at(2026, 11, 2), rules=WORKING).date() == date(2026, 11, 11)
    # Tuesday 10 February: 11, 12, 13, 16, (17 is a holiday), 18, 19, 20.
    due = compute_deadline(at(2026, 2, 10), holidays={INDEPENDENCE_DAY_2026}, rules=WORKING)
    assert due.date() == date(2026, 2, 20)


def test_extension_gives_fifteen_days_from_receipt():
    assert compute_deadline(at(2026, 11, 2), extended=True, rules=CALENDAR).date() == date(
        2026, 11, 17
    )
    # Fifteen working days from Monday 2 November: three weeks, Monday 23.
    assert compute_deadline(at(2026, 11, 2), extended=True, rules=WORKING).date() == date(
        2026, 11, 23
    )


def test_urgent_request_has_48_hours_weekend_included():
    received = at(2026, 11, 6, 15, 30)  # a Friday afternoon
    due = compute_deadline(received, urgent=True, extended=True, rules=WORKING)
    assert due == received + timedelta(hours=48)
    assert due.date() == date(2026, 11, 8)  # Sunday


def test_days_left_and_due_soon():
    due = compute_deadline(at(2026, 11, 2), rules=CALENDAR)
    assert days_left(due, at(2026, 11, 7)) == 2
    assert is_due_soon(due, at(2026, 11, 7), CALENDAR)
    assert not is_due_soon(due, at(2026, 11, 3), CALENDAR)
    assert days_left(due, at(2026, 11, 10)) == -1
    assert not is_due_soon(due, at(2026, 11, 10), CALENDAR)  # overdue, not "due soon"


@pytest.mark.parametrize("days", [1, 5, 7, 15, 30])
def test_working_day_period_always_ends_on_a_working_day(days):
    for offset in range(14):
        received = date(2026, 12, 20) + timedelta(days=offset)  # across Christmas and New Year
        holidays = {date(2026, 12, 25), date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 7)}
        last = last_day_of_period(received, days, holidays, count_working_days=True)
        assert last.weekday() < 5 and last not in holidays
        assert last > received
