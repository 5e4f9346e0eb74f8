from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    CONSULTATION = "consultation", _("public consultation")
    HEARING = "hearing", _("budget hearing")
    MEETING = "meeting", _("public meeting")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    REPORT_PUBLISHED = "report-published", _("report published")


class DocumentKind(models.TextChoices):
    NOTICE = "notice", _("notice")
    DRAFT = "draft", _("draft document")
    MINUTES = "minutes", _("minutes (procesverbal)")
    REPORT = "report", _("report with comments")
    DECISIONS = "decisions", _("decisions")
    STRATEGY = "strategy", _("strategy")
    ANNUAL_REPORT = "annual-report", _("annual report")
    OTHER = "other", _("other document")


class TotalsKind(models.TextChoices):
    """What a total stated in an annual report counts."""

    CONSULTATION = "consultation", _("public consultations")
    HEARING = "hearing", _("budget hearings")
    MEETING = "meeting", _("public meetings")
    PARTICIPATORY_BUDGET = "participatory-budget", _("participatory budgeting")
    ALL = "all", _("all participation")


MONTH_NAMES = {
    1: _("January"),
    2: _("February"),
    3: _("March"),
    4: _("April"),
    5: _("May"),
    6: _("June"),
    7: _("July"),
    8: _("August"),
    9: _("September"),
    10: _("October"),
    11: _("November"),
    12: _("December"),
}
