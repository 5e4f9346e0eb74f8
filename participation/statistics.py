"""Yearly statistics of access-to-documents requests, for the public page and open data.

Years the register covers are computed from its records; earlier years (2023: 72 requests,
all answered on time, from the annual report) come from the figures the transparency app
imports. A year present in both is taken from the register.
"""

from dataclasses import asdict, dataclass

from django.db.models.functions import ExtractYear
from django.utils import timezone

from transparency.models import AccessRequestYear

from . import deadlines
from .models import AccessRequest, RequestStatus

SOURCE_REGISTER = "register"
SOURCE_REPORT = "annual report"


@dataclass
class YearStatistics:
    year: int
    received: int
    decided: int | None = None
    decided_on_time: int | None = None
    granted: int | None = None
    partially_granted: int | None = None
    refused: int | None = None
    forwarded: int | None = None
    pending: int | None = None
    average_days_to_decide: float | None = None
    source: str = SOURCE_REGISTER

    def as_dict(self):
        return asdict(self)


def register_statistics(year):
    requests = list(
        AccessRequest.objects.annotate(
            year=ExtractYear("received_at", tzinfo=timezone.get_current_timezone())
        )
        .filter(year=year)
        .only("status", "received_at", "decided_at", "due_at")
    )
    decided = [r for r in requests if r.decided_at is not None]
    by_status = {status: sum(1 for r in requests if r.status == status) for status in RequestStatus}
    durations = [deadlines.days_to_decide(r.received_at, r.decided_at) for r in decided]
    return YearStatistics(
        year=year,
        received=len(requests),
        decided=len(decided),
        decided_on_time=sum(1 for r in decided if r.decided_on_time),
        granted=by_status[RequestStatus.GRANTED],
        partially_granted=by_status[RequestStatus.PARTIALLY_GRANTED],
        refused=by_status[RequestStatus.REFUSED],
        forwarded=by_status[RequestStatus.FORWARDED],
        pending=len(requests) - len(decided),
        average_days_to_decide=round(sum(durations) / len(durations), 1) if durations else None,
        source=SOURCE_REGISTER,
    )


def register_years():
    tz = timezone.get_current_timezone()
    return set(
        AccessRequest.objects.annotate(year=ExtractYear("received_at", tzinfo=tz))
        .values_list("year", flat=True)
        .distinct()
    )


def reported_statistics():
    """Years known only from the annual reports: {year: YearStatistics}."""
    return {
        record.year: YearStatistics(
            year=record.year,
            received=record.received,
            decided_on_time=record.answered_within_deadline,
            source=SOURCE_REPORT,
        )
        for record in AccessRequestYear.objects.all()
    }


def yearly_statistics():
    """Every year with figures, newest first."""
    years = reported_statistics()
    for year in register_years():
        years[year] = register_statistics(year)
    return [years[year] for year in sorted(years, reverse=True)]
