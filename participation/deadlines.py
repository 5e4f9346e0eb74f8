"""Legal deadlines of access-to-documents requests: pure functions, no database.

The rules (docs/decisions/0040-legal-periods.md):
- the day a request is received is not counted; the period starts the next day;
- normal period: ACCESS_REQUEST_DEADLINE_DAYS (7) days; with a notified extension
  ACCESS_REQUEST_EXTENDED_DAYS (15) days, both counted from receipt;
- urgent requests (life or liberty at stake): ACCESS_REQUEST_URGENT_HOURS (48) hours from the
  moment of receipt, weekends and holidays included; an urgent request is never extended;
- calendar days by default: a period whose last day is a weekend day or a public holiday ends
  on the next working day; with ACCESS_REQUEST_COUNT_WORKING_DAYS only working days count;
- a period in days ends at the end of its last day (23:59:59 local time);
- a complaint to the Information and Privacy Agency: ACCESS_REQUEST_COMPLAINT_DAYS (15) days
  from the day after the decision, or after the deadline passed without one (silence), counted
  like the request's own period.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

SATURDAY = 5


@dataclass(frozen=True)
class DeadlineRules:
    days: int = 7
    extended_days: int = 15
    urgent_hours: int = 48
    count_working_days: bool = False
    due_soon_days: int = 2
    complaint_days: int = 15

    @classmethod
    def from_settings(cls):
        return cls(
            days=settings.ACCESS_REQUEST_DEADLINE_DAYS,
            extended_days=settings.ACCESS_REQUEST_EXTENDED_DAYS,
            urgent_hours=settings.ACCESS_REQUEST_URGENT_HOURS,
            count_working_days=settings.ACCESS_REQUEST_COUNT_WORKING_DAYS,
            due_soon_days=settings.ACCESS_REQUEST_DUE_SOON_DAYS,
            complaint_days=settings.ACCESS_REQUEST_COMPLAINT_DAYS,
        )


def is_working_day(day, holidays):
    return day.weekday() < SATURDAY and day not in holidays


def next_working_day(day, holidays):
    while not is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def last_day_of_period(received_on, days, holidays, *, count_working_days):
    """The last day of a period of `days` days starting the day after `received_on`."""
    if not count_working_days:
        return next_working_day(received_on + timedelta(days=days), holidays)
    day, counted = received_on, 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            counted += 1
    return day


def end_of_day(day, tz):
    return datetime.combine(day, time(23, 59, 59), tzinfo=tz)


def compute_deadline(received_at, *, extended=False, urgent=False, holidays=frozenset(), rules):
    """The moment by which the municipality must decide, as an aware datetime.

    `holidays` is a set of dates (see PublicHoliday.dates_between); `received_at` is aware.
    """
    if urgent:
        # Elapsed hours: added in UTC, as aware arithmetic in a local zone would add wall-clock
        # hours and give 47 or 49 across a daylight-saving change.
        return received_at.astimezone(UTC) + timedelta(hours=rules.urgent_hours)
    tz = timezone.get_current_timezone()
    received_on = timezone.localtime(received_at, tz).date()
    days = rules.extended_days if extended else rules.days
    last_day = last_day_of_period(
        received_on, days, holidays, count_working_days=rules.count_working_days
    )
    return end_of_day(last_day, tz)


def complaint_deadline(start, *, holidays=frozenset(), rules):
    """The end of the period to complain to the Agency about a decision made (or due) at `start`."""
    tz = timezone.get_current_timezone()
    start_on = timezone.localtime(start, tz).date()
    last_day = last_day_of_period(
        start_on, rules.complaint_days, holidays, count_working_days=rules.count_working_days
    )
    return end_of_day(last_day, tz)


def latest_possible_deadline_day(received_on, rules):
    """A day no deadline can pass: bounds the holidays to look up for one request."""
    longest = max(rules.days, rules.extended_days, rules.complaint_days)
    # Generous: every week loses two days, and at most ~20 holidays a year.
    return received_on + timedelta(days=longest * 2 + 40)


def days_left(due_at, now):
    """Whole days from today to the deadline's day: 0 on the last day, negative when late."""
    tz = timezone.get_current_timezone()
    return (timezone.localtime(due_at, tz).date() - timezone.localtime(now, tz).date()).days


def is_overdue(due_at, now):
    return now > due_at


def is_due_soon(due_at, now, rules):
    return not is_overdue(due_at, now) and days_left(due_at, now) <= rules.due_soon_days


def decided_on_time(due_at, decided_at):
    return decided_at <= due_at


def days_to_decide(received_at, decided_at):
    """Calendar days between receipt and decision (what the public statistics average)."""
    return (decided_at - received_at).total_seconds() / 86400
