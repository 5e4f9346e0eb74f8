"""The compliance dashboard: what the communication unit must do to stay inside the law.

Each check returns a list of ComplianceItem: what is wrong, since when, and the admin URL
where it is fixed. The admin home panel and the dashboard page both render `all_sections()`.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Revision, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from transparency.choices import MONTH_NAMES, ActivityKind, ActivityStatus
from transparency.models import (
    ActivityPage,
    DecisionArchivePage,
    DecisionMonthPage,
    DecisionYearPage,
)

from . import deadlines
from .models import OPEN_STATUSES, AccessRequest
from .roles import role_label

SOURCE_LANGUAGE = "sq"


def published_ago(days, languages):
    """Which translations are missing and since when: "today", not "0 days ago"; one day or
    several in each language's plural forms."""
    values = {"languages": languages, "days": days}
    if days is None:
        return gettext("Missing in: %(languages)s.") % values
    if days == 0:
        return gettext("Missing in: %(languages)s. Published today.") % values
    return (
        ngettext(
            "Missing in: %(languages)s. Published %(days)s day ago.",
            "Missing in: %(languages)s. Published %(days)s days ago.",
            days,
        )
        % values
    )


@dataclass
class ComplianceItem:
    title: str
    detail: str
    url: str
    action: str
    severity: str = "warning"  # "critical" (the law is already broken) or "warning"
    since: object = None  # a date or datetime, shown as an age


@dataclass
class ComplianceSection:
    key: str
    heading: str
    items: list = field(default_factory=list)
    empty_text: str = ""

    @property
    def critical_count(self):
        return sum(1 for item in self.items if item.severity == "critical")


def snippet_edit_url(instance):
    app_label, model_name = instance._meta.app_label, instance._meta.model_name
    return reverse(f"wagtailsnippets_{app_label}_{model_name}:edit", args=[instance.pk])


def request_items(now=None):
    """Open requests that are overdue or due within ACCESS_REQUEST_DUE_SOON_DAYS days."""
    now = now or timezone.now()
    rules = deadlines.DeadlineRules.from_settings()
    items = []
    for access_request in AccessRequest.objects.filter(status__in=OPEN_STATUSES).order_by("due_at"):
        left = deadlines.days_left(access_request.due_at, now)
        if deadlines.is_overdue(access_request.due_at, now):
            detail = _("Overdue by %(days)s days: the deadline was %(due)s.") % {
                "days": max(-left, 0),
                "due": timezone.localtime(access_request.due_at).strftime("%d.%m.%Y %H:%M"),
            }
            severity = "critical"
        elif left <= rules.due_soon_days:
            detail = _("Due %(due)s (%(days)s days left).") % {
                "due": timezone.localtime(access_request.due_at).strftime("%d.%m.%Y %H:%M"),
                "days": left,
            }
            severity = "warning"
        else:
            continue
        items.append(
            ComplianceItem(
                title=_("Request %(reference)s") % {"reference": access_request.reference},
                detail=detail,
                url=snippet_edit_url(access_request),
                action=_("Decide"),
                severity=severity,
                since=access_request.received_at,
            )
        )
    return items


def untranslated_page_items(now=None):
    """Live Albanian pages whose Serbian or Turkish page is missing or still an alias."""
    now = now or timezone.now()
    try:
        source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    except Locale.DoesNotExist:
        return []
    targets = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    sources = list(
        Page.objects.live()
        .filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .order_by("first_published_at", "path")
    )
    translated = set(
        Page.objects.filter(
            translation_key__in=[page.translation_key for page in sources],
            alias_of__isnull=True,
        )
        .exclude(locale=source_locale)
        .values_list("translation_key", "locale_id")
    )
    items = []
    for page in sources:
        missing = [
            locale for locale in targets if (page.translation_key, locale.pk) not in translated
        ]
        if not missing:
            continue
        since = page.first_published_at or page.latest_revision_created_at
        days = (now - since).days if since else None
        items.append(
            ComplianceItem(
                title=page.get_admin_display_title(),
                detail=published_ago(
                    days, ", ".join(locale.get_display_name() for locale in missing)
                ),
                url=reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                action=_("Translate"),
                severity="warning",
                since=since,
            )
        )
    return items


def all_sections(now=None, user=None):
    """Every section; the requests only for users who may see the register (`user` None:
    everything, for commands and tests)."""
    now = now or timezone.now()
    sections = []
    if user is None or user.has_perm("participation.view_accessrequest"):
        sections.append(
            ComplianceSection(
                "requests",
                _("Access-to-documents requests due or overdue"),
                request_items(now),
                _("No request is due within %(days)s days.")
                % {"days": settings.ACCESS_REQUEST_DUE_SOON_DAYS},
            )
        )
    if user is None or may_see_pages(user):
        sections.extend(moderation_sections(now))
    sections.extend(transparency_sections(now))
    sections.append(
        ComplianceSection(
            "translations",
            _("Pages missing a Serbian or Turkish translation"),
            untranslated_page_items(now),
            _("Every published page is translated."),
        )
    )
    return sections


def may_see_pages(user):
    """Drafts in moderation are shown only to people who work on pages."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


def moderation_sections(now):
    return [
        ComplianceSection(
            "approvals",
            _("Waiting for approval"),
            approval_items(now),
            _("Nothing is waiting for approval."),
        ),
        ComplianceSection(
            "scheduled",
            _("Approved, waiting for their release time"),
            scheduled_items(now),
            _("No approved page is waiting for its release time."),
        ),
    ]


def _page_label(page):
    return f"{page.get_admin_display_title()} ({page.locale.get_display_name()})"


def approval_items(now=None):
    """Pages in a workflow: who submitted them, and whom they wait for (the task's groups)."""
    states = (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task", "workflow_state__requested_by", "revision")
        .order_by("started_at")
    )
    pages = {
        page.pk: page
        for page in Page.objects.filter(
            pk__in=[int(state.workflow_state.object_id) for state in states]
        )
        .select_related("locale")
        .specific()
    }
    items = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        task = state.task.specific
        groups = getattr(task, "groups", None)
        who = ", ".join(str(role_label(group.name)) for group in groups.all()) if groups else ""
        requester = state.workflow_state.requested_by
        detail = _("Submitted by %(user)s; waits for %(who)s (%(task)s).") % {
            "user": requester.get_full_name() or requester.get_username() if requester else "?",
            "who": who or "?",
            "task": role_label(task.name),
        }
        release_at = getattr(page, "date", None)
        if isinstance(release_at, datetime) and release_at > (now or timezone.now()):
            detail += " " + _("Embargoed until %(date)s.") % {"date": _local(release_at)}
        items.append(
            ComplianceItem(
                title=_page_label(page),
                detail=detail,
                url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                action=_("Review"),
                severity="warning",
                since=state.started_at,
            )
        )
    return items


def scheduled_items(now=None):
    """Approved pages that go live at their release time (embargoed press releases)."""
    revisions = (
        Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        .select_related("user")
        .order_by("approved_go_live_at")
    )
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[int(rev.object_id) for rev in revisions])
        .select_related("locale")
        .specific()
    }
    items = []
    for revision in revisions:
        page = pages.get(int(revision.object_id))
        if page is None:
            continue
        items.append(
            ComplianceItem(
                title=_page_label(page),
                detail=_("Goes live on %(date)s.") % {"date": _local(revision.approved_go_live_at)},
                url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                action=_("Open the page"),
                severity="scheduled",
                since=None,
            )
        )
    return items


def _local(moment):
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def transparency_sections(now):
    """Consultations without a report and unpublished decision months (transparency app)."""
    return [
        ComplianceSection(
            "consultations",
            _("Consultations open, or closed without a published report"),
            consultation_items(now),
            _("No consultation is open or waiting for its report."),
        ),
        ComplianceSection(
            "decisions",
            _("Months of decisions not yet published"),
            decision_month_items(now),
            _("Every month's decisions are published."),
        ),
    ]


def consultation_items(now=None):
    from .models import CommentStatus

    today = timezone.localtime(now or timezone.now()).date()
    items = []
    consultations = (
        ActivityPage.objects.live()
        .filter(
            kind=ActivityKind.CONSULTATION,
            alias_of__isnull=True,
            locale__language_code=SOURCE_LANGUAGE,
        )
        .order_by("-year", "-number")
    )
    for consultation in consultations:
        status = consultation.status_on(today)
        pending = consultation.citizen_comments.filter(status=CommentStatus.PENDING).count()
        report_url = reverse("participation_consultation_report", args=[consultation.pk])
        if status == ActivityStatus.OPEN:
            closes_on = consultation.closes_on or consultation.date
            items.append(
                ComplianceItem(
                    title=consultation.title,
                    detail=_("Open until %(date)s; %(pending)s comments to classify.")
                    % {"date": closes_on.strftime("%d.%m.%Y"), "pending": pending},
                    url=report_url,
                    action=_("Comments and report table"),
                    severity="warning",
                    since=consultation.opens_on or consultation.date,
                )
            )
        elif status == ActivityStatus.CLOSED:
            closed_on = consultation.closes_on or consultation.date
            days = (today - closed_on).days
            items.append(
                ComplianceItem(
                    title=consultation.title,
                    detail=_("Closed %(days)s days ago without a published report.")
                    % {"days": days},
                    url=report_url,
                    action=_("Publish the report"),
                    severity="critical" if days > settings.CONSULTATION_REPORT_DAYS else "warning",
                    since=closed_on,
                )
            )
    return items


def months_to_check(today):
    """(year, month) of every month from January of last year that ended long enough ago."""
    cutoff = today - timedelta(days=settings.DECISION_MONTH_PUBLICATION_DAYS)
    months = []
    year, month = today.year - 1, 1
    while True:
        last_day = date(year, month, calendar.monthrange(year, month)[1])
        if last_day >= cutoff:
            return months
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def decision_month_items(now=None):
    """Months that ended more than DECISION_MONTH_PUBLICATION_DAYS ago with no live page of
    decisions, or whose page has neither a PDF nor a link to the original publication."""
    today = timezone.localtime(now or timezone.now()).date()
    source = {"locale__language_code": SOURCE_LANGUAGE, "alias_of__isnull": True}
    month_pages = {
        (page.year, page.month): page
        for page in DecisionMonthPage.objects.filter(**source).prefetch_related("documents")
    }
    year_pages = {page.year: page for page in DecisionYearPage.objects.filter(**source)}
    archive_exists = bool(year_pages) or DecisionMonthPage.objects.exists()
    items = []
    missing_years = {}
    for year, month in months_to_check(today):
        page = month_pages.get((year, month))
        ended = date(year, month, calendar.monthrange(year, month)[1])
        if page is not None and page.live and (page.documents.all() or page.source_url):
            continue
        if page is None and year not in year_pages:
            missing_years.setdefault(year, []).append(ended)
            continue
        if page is None:
            detail = _("No page for this month.")
            url = reverse(
                "wagtailadmin_pages:add",
                args=["transparency", "decisionmonthpage", year_pages[year].pk],
            )
            action = _("Add the month")
        else:
            detail = (
                _("The page has no PDF of the decisions.")
                if page.live
                else _("The page is not published.")
            )
            url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            action = _("Edit the month")
        items.append(
            ComplianceItem(
                title=f"{MONTH_NAMES[month]} {year}",
                detail=detail,
                url=url,
                action=action,
                severity="critical",
                since=ended,
            )
        )
    archive = DecisionArchivePage.objects.filter(**source).first()
    if archive_exists:
        add_year_url = (
            reverse("wagtailadmin_pages:add", args=["transparency", "decisionyearpage", archive.pk])
            if archive
            else reverse("wagtailadmin_explore_root")
        )
        for year, ended_months in missing_years.items():
            items.append(
                ComplianceItem(
                    title=str(year),
                    detail=_("No page for this year's decisions (%(count)s months due).")
                    % {"count": len(ended_months)},
                    url=add_year_url,
                    action=_("Add the year"),
                    severity="critical",
                    since=ended_months[0],
                )
            )
    return items
