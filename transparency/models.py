"""Transparency: what the municipality decided, planned and asked its citizens.

Figures are stored as the source states them; sums are computed from the records, and where
the two disagree `discrepancies()` says so (transparency/discrepancies.py).
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.models import TranslationSource

from core.blocks import RICH_TEXT_FEATURES
from core.feeds import listing_feed_links
from core.languages import bcp47
from core.models import BasePage, IntroMixin
from core.visibility import public

from . import discrepancies as checks
from .blocks import StrategyStreamBlock, comparable_stream, section_anchor
from .choices import MONTH_NAMES, ActivityKind, ActivityStatus, DocumentKind, TotalsKind
from .panels import DiscrepancyPanel

DOCUMENT_MODEL = "documents.MunicipalDocument"
PAGE_SIZE = 20


# --- attached documents -------------------------------------------------------------------


class AttachedDocument(Orderable):
    """A file of a page. Each document carries its own language (MunicipalDocument.language):
    a file published in several languages is one row per language. Synchronised across the
    language trees; a foreign key, so Wagtail's reference index sees it (core/visibility)."""

    document = models.ForeignKey(
        DOCUMENT_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )

    panels = [FieldPanel("document"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        abstract = True


def documents_for_reader(rows, language_code):
    """The page's files, those in the reader's language first."""
    rows = list(rows)
    return sorted(rows, key=lambda row: (row.document.language != language_code, row.sort_order))


class AttachedFilesMixin:
    """A page whose `documents` (an AttachedDocument child model) its template lists as `files`,
    those in the reader's language first."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = documents_for_reader(
            self.documents.select_related("document"), request.LANGUAGE_CODE
        )
        return context


# --- stated figures -------------------------------------------------------------------------


class ParticipationFigures(models.Model):
    """Participants and comments as the source states them (blank where it says nothing)."""

    participants_women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    participants_men = models.PositiveIntegerField(_("men"), null=True, blank=True)
    participants_total = models.PositiveIntegerField(
        _("participants in total"),
        null=True,
        blank=True,
        help_text=_("As stated in the source, even if it differs from women + men."),
    )
    comments_accepted = models.PositiveIntegerField(_("accepted"), null=True, blank=True)
    comments_partially_accepted = models.PositiveIntegerField(
        _("partially accepted"), null=True, blank=True
    )
    comments_refused = models.PositiveIntegerField(_("refused"), null=True, blank=True)
    comments_total = models.PositiveIntegerField(
        _("comments in total"),
        null=True,
        blank=True,
        help_text=_("As stated in the source, even if it differs from the sum of the three."),
    )

    figures_panels = [
        FieldRowPanel(
            [
                FieldPanel("participants_women"),
                FieldPanel("participants_men"),
                FieldPanel("participants_total"),
            ],
            heading=_("Participants"),
        ),
        FieldRowPanel(
            [
                FieldPanel("comments_accepted"),
                FieldPanel("comments_partially_accepted"),
                FieldPanel("comments_refused"),
                FieldPanel("comments_total"),
            ],
            heading=_("Comments"),
        ),
    ]

    FIGURE_FIELDS = [
        "participants_women",
        "participants_men",
        "participants_total",
        "comments_accepted",
        "comments_partially_accepted",
        "comments_refused",
        "comments_total",
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return getattr(self, "title", "") or super().__str__()

    @property
    def participants_counted(self):
        """Participants as counted in sums: the stated total, but never fewer than women + men
        (hearing 8 states 0 in total with 14 men; the report's own total 257 counts 14)."""
        known = (self.participants_women or 0) + (self.participants_men or 0)
        if self.participants_total is None:
            return known if (self.participants_women, self.participants_men) != (None, None) else 0
        return max(self.participants_total, known)

    @property
    def has_comment_figures(self):
        return self.comments_total is not None or self.comments_accepted is not None

    def figure_discrepancies(self):
        return checks.check_participants(
            self.participants_women, self.participants_men, self.participants_total
        ) + checks.check_comments(
            self.comments_accepted,
            self.comments_partially_accepted,
            self.comments_refused,
            self.comments_total,
        )


FIGURES_SYNCHRONIZED = [SynchronizedField(name) for name in ParticipationFigures.FIGURE_FIELDS]


# --- the section's index ----------------------------------------------------------------------


class TransparencyIndexPage(IntroMixin, BasePage):
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "transparency.StrategyPage",
        "transparency.DecisionArchivePage",
        "transparency.ActivityIndexPage",
        "transparency.ParticipatoryBudgetPage",
        "transparency.YearOverviewPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("transparency index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = public(self.get_children()).specific()
        return context


# --- the strategy -----------------------------------------------------------------------------


class StrategyPage(AttachedFilesMixin, IntroMixin, BasePage):
    period_start = models.PositiveIntegerField(_("first year"), null=True, blank=True)
    period_end = models.PositiveIntegerField(_("last year"), null=True, blank=True)
    body = StreamField(
        StrategyStreamBlock(),
        blank=True,
        verbose_name=_("strategy"),
        help_text=_(
            "Each section starts with a section heading; the table of contents is built from them."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period")),
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Files"), label=_("File")),
    ]
    override_translatable_fields = [
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        SynchronizedField("documents"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["transparency.TransparencyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("strategy page")

    def table_of_contents(self):
        """[(anchor, number, text, level)] of the section headings, in order."""
        entries = []
        for block in self.body:
            if block.block_type == "heading":
                value = block.value
                entries.append(
                    {
                        "anchor": section_anchor(value["number"], value["text"]),
                        "number": value["number"],
                        "text": value["text"],
                        "level": int(value["level"]),
                    }
                )
        return entries

    def untranslated_body_language(self):
        """The source's language if this translation's body is still the source's text."""
        if self.alias_of_id is not None:
            return None
        source = (
            TranslationSource.objects.filter(object_id=self.translation_key)
            .select_related("locale")
            .first()
        )
        if source is None or source.locale_id == self.locale_id:
            return None
        original = self.get_translation_or_none(source.locale)
        if original is None:
            return None
        prep = self.body.stream_block.get_prep_value
        if comparable_stream(prep(self.body)) == comparable_stream(prep(original.specific.body)):
            return bcp47(source.locale.language_code)
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["toc"] = self.table_of_contents()
        context["body_language"] = self.untranslated_body_language()
        return context


class StrategyDocument(AttachedDocument):
    page = ParentalKey(StrategyPage, on_delete=models.CASCADE, related_name="documents")


# --- the mayor's decisions ----------------------------------------------------------------------


class DecisionArchivePage(RoutablePageMixin, IntroMixin, BasePage):
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["transparency.TransparencyIndexPage"]
    subpage_types = ["transparency.DecisionYearPage"]

    class Meta:
        verbose_name = _("decision archive")

    def years(self):
        return public(DecisionYearPage.objects.child_of(self)).order_by("-year")

    @property
    def total_decisions(self):
        return sum(year.total_decisions for year in self.years())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["years"] = self.years()
        return context

    # --- RSS/Atom feed of new months of decisions ---
    @path("feed/<str:feed_kind>/")
    def feed(self, request, feed_kind):
        from .feeds import serve_decision_feed

        return serve_decision_feed(request, self, feed_kind)

    def feed_links(self, request):
        return listing_feed_links(self, request, self.title)


class DecisionYearPage(IntroMixin, BasePage):
    year = models.PositiveIntegerField(_("year"))
    stated_total = models.PositiveIntegerField(
        _("stated number of decisions"),
        null=True,
        blank=True,
        help_text=_(
            "The year's total as a report states it, if any. The page shows the sum of the "
            "months and flags a difference."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("year"),
        FieldPanel("intro"),
        FieldPanel("stated_total"),
        DiscrepancyPanel(),
    ]
    override_translatable_fields = [
        SynchronizedField("year"),
        SynchronizedField("stated_total"),
    ]
    parent_page_types = ["transparency.DecisionArchivePage"]
    subpage_types = ["transparency.DecisionMonthPage"]

    class Meta:
        verbose_name = _("decisions of a year")

    def months(self):
        return public(DecisionMonthPage.objects.child_of(self)).order_by("month")

    @property
    def total_decisions(self):
        return sum(month.decision_count or 0 for month in self.months())

    def discrepancies(self):
        return checks.check_stated_total(
            _("Decisions of the year"), self.stated_total, self.total_decisions
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["months"] = self.months()
        return context


class DecisionMonthPage(AttachedFilesMixin, IntroMixin, BasePage):
    year = models.PositiveIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(
        _("month"), choices=[(number, name) for number, name in MONTH_NAMES.items()]
    )
    decision_count = models.PositiveIntegerField(
        _("number of decisions"),
        null=True,
        blank=True,
        help_text=_("How many decisions the mayor took this month, as published."),
    )
    source_url = models.URLField(
        _("original publication"),
        blank=True,
        max_length=500,
        help_text=_("Where the decisions were first published, if elsewhere."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("month"), FieldPanel("decision_count")]),
        FieldPanel("intro"),
        FieldPanel("source_url"),
        DiscrepancyPanel(),
        InlinePanel(
            "documents",
            heading=_("Official PDFs"),
            label=_("File"),
            help_text=_("One file per language: each document has its own language."),
        ),
        InlinePanel("decisions", heading=_("Individual decisions"), label=_("Decision")),
    ]
    override_translatable_fields = [
        SynchronizedField("year"),
        SynchronizedField("month"),
        SynchronizedField("decision_count"),
        SynchronizedField("source_url"),
        SynchronizedField("documents"),
        SynchronizedField("decisions"),
    ]
    parent_page_types = ["transparency.DecisionYearPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("decisions of a month")

    @property
    def month_name(self):
        return MONTH_NAMES[self.month]

    @property
    def listing_date(self):
        from datetime import date

        return date(self.year, self.month, 1)

    def discrepancies(self):
        listed = self.decisions.count()
        if self.decision_count is not None and listed > self.decision_count:
            return [
                checks.Discrepancy(
                    "decisions-listed", {"listed": listed, "count": self.decision_count}
                )
            ]
        return []


class DecisionMonthDocument(AttachedDocument):
    page = ParentalKey(DecisionMonthPage, on_delete=models.CASCADE, related_name="documents")


class Decision(Orderable):
    page = ParentalKey(DecisionMonthPage, on_delete=models.CASCADE, related_name="decisions")
    number = models.CharField(_("number"), max_length=50)
    date = models.DateField(_("date"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=500)

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("date")]), FieldPanel("subject")]

    class Meta(Orderable.Meta):
        verbose_name = _("decision")


# --- consultations, hearings, meetings ---------------------------------------------------------


class ActivityIndexPage(RoutablePageMixin, IntroMixin, BasePage):
    """The list of one kind of activity, filtered by year (/2023/) and status (?status=open)."""

    cache_query_params = ("status", "page")

    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)

    content_panels = [*BasePage.content_panels, FieldPanel("kind"), FieldPanel("intro")]
    override_translatable_fields = [SynchronizedField("kind")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["transparency.TransparencyIndexPage"]
    subpage_types = ["transparency.ActivityPage"]

    class Meta:
        verbose_name = _("list of activities")

    def activities(self):
        return public(ActivityPage.objects.child_of(self))

    def available_years(self):
        return sorted(set(self.activities().values_list("year", flat=True)), reverse=True)

    def filtered(self, year=None, status=None):
        activities = self.activities().order_by("-year", "-number")
        if year is not None:
            activities = activities.filter(year=year)
        activities = list(activities)
        if status is not None:
            activities = [activity for activity in activities if activity.status == status]
        return activities

    def render_listing(self, request, year=None):
        status = request.GET.get("status") or None
        if status not in ActivityStatus.values:
            status = None
        if year is not None and year not in self.available_years():
            raise Http404
        paginator = Paginator(self.filtered(year, status), PAGE_SIZE)
        try:
            page_number = int(request.GET.get("page", "1"))
            activities = paginator.page(page_number)
        except (ValueError, PageNotAnInteger, EmptyPage):
            activities = paginator.page(1)
        return self.render(
            request,
            context_overrides={
                "activities": activities,
                "selected_year": year,
                "selected_status": status,
                "years": self.available_years(),
                "statuses": ActivityStatus.choices,
            },
        )

    @path("")
    def listing(self, request):
        return self.render_listing(request)

    @path("<int:year>/")
    def listing_of_year(self, request, year):
        return self.render_listing(request, year)

    # --- RSS/Atom feed of this list (new consultations, hearings, meetings) ---
    @path("feed/<str:feed_kind>/")
    def feed(self, request, feed_kind):
        from .feeds import serve_activity_feed

        return serve_activity_feed(request, self, feed_kind)

    def feed_links(self, request):
        return listing_feed_links(self, request, self.title)


class ActivityPage(AttachedFilesMixin, ParticipationFigures, BasePage):
    """A public consultation, a budget hearing or a public meeting."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ActivityKind.choices,
        help_text=_("The same kind as the list it belongs to."),
    )
    year = models.PositiveIntegerField(
        _("year"), help_text=_("The year of the report that lists it (dates may be missing).")
    )
    number = models.PositiveIntegerField(
        _("number"), help_text=_("Its number in the year's list; importers find records by it.")
    )
    date = models.DateField(_("date"), null=True, blank=True)
    date_as_written = models.CharField(
        _("date as written in the source"),
        max_length=50,
        blank=True,
        help_text=_("Kept to show where the source's date is wrong or missing."),
    )
    opens_on = models.DateField(
        _("open from"), null=True, blank=True, help_text=_("Leave empty to use the date.")
    )
    closes_on = models.DateField(
        _("open until"), null=True, blank=True, help_text=_("Leave empty to use the date.")
    )
    location = models.CharField(_("place"), max_length=255, blank=True)
    notice = RichTextField(_("notice"), blank=True, features=RICH_TEXT_FEATURES)
    note = models.TextField(_("note"), blank=True)
    report_url = models.URLField(
        _("report with comments (original link)"),
        blank=True,
        max_length=500,
        help_text=_("Where the report was first published, if not attached below."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("year"), FieldPanel("number")]),
                FieldRowPanel(
                    [FieldPanel("date"), FieldPanel("opens_on"), FieldPanel("closes_on")]
                ),
                FieldPanel("date_as_written"),
                FieldPanel("location"),
            ],
            heading=_("When and where"),
            help_text=_(
                "The status (planned, open, closed, report published) follows these dates and "
                "the attached report by itself."
            ),
        ),
        FieldPanel("notice"),
        FieldPanel("note"),
        MultiFieldPanel(
            ParticipationFigures.figures_panels,
            heading=_("Participants and comments"),
            help_text=_(
                "Type the figures as the source states them; a total that does not add up is "
                "kept and shown as a discrepancy."
            ),
        ),
        DiscrepancyPanel(),
        InlinePanel(
            "documents",
            heading=_("Documents"),
            label=_("Document"),
            help_text=_("Notice, draft documents, minutes and the report with comments."),
        ),
        FieldPanel("report_url"),
    ]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("year"),
        SynchronizedField("number"),
        SynchronizedField("date"),
        SynchronizedField("date_as_written"),
        SynchronizedField("opens_on"),
        SynchronizedField("closes_on"),
        SynchronizedField("report_url"),
        SynchronizedField("documents"),
        TranslatableField("location"),
        *FIGURES_SYNCHRONIZED,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("notice"),
        index.SearchField("location"),
        index.SearchField("note"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]
    parent_page_types = ["transparency.ActivityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation, hearing or meeting")
        indexes = [models.Index(fields=["kind", "year", "number"])]

    @property
    def listing_date(self):
        return self.date

    @property
    def has_report(self):
        if self.report_url:
            return True
        return self.documents.filter(kind=DocumentKind.REPORT).exists()

    def status_on(self, today):
        if self.has_report:
            return ActivityStatus.REPORT_PUBLISHED
        start = self.opens_on or self.date
        end = self.closes_on or self.date or start
        if start is None or today < start:
            return ActivityStatus.PLANNED
        if end is not None and today > end:
            return ActivityStatus.CLOSED
        return ActivityStatus.OPEN

    @cached_property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def status_label(self):
        return ActivityStatus(self.status).label

    def discrepancies(self):
        return checks.check_date(self.date, self.date_as_written) + self.figure_discrepancies()


class ActivityDocument(AttachedDocument):
    page = ParentalKey(ActivityPage, on_delete=models.CASCADE, related_name="documents")


# --- participatory budgeting --------------------------------------------------------------------


class ParticipatoryBudgetPage(AttachedFilesMixin, ParticipationFigures, IntroMixin, BasePage):
    """One round of participatory budgeting: who took part and which projects were selected."""

    year = models.PositiveIntegerField(_("year"), help_text=_("The year the round took place."))
    budget_year = models.PositiveIntegerField(
        _("budget year"), null=True, blank=True, help_text=_("The budget the projects go into.")
    )
    supported_by = models.CharField(_("supported by"), max_length=255, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("budget_year")]),
        FieldPanel("supported_by"),
        FieldPanel("intro"),
        MultiFieldPanel(ParticipationFigures.figures_panels[:1], heading=_("Participants")),
        DiscrepancyPanel(),
        InlinePanel("projects", heading=_("Selected projects"), label=_("Project")),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
    ]
    override_translatable_fields = [
        SynchronizedField("year"),
        SynchronizedField("budget_year"),
        SynchronizedField("documents"),
        *FIGURES_SYNCHRONIZED,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["transparency.TransparencyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("participatory budgeting round")

    def discrepancies(self):
        return self.figure_discrepancies()


class SelectedProject(Orderable):
    page = ParentalKey(ParticipatoryBudgetPage, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("project or place"), max_length=255)

    panels = [FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("selected project")


class ParticipatoryBudgetDocument(AttachedDocument):
    page = ParentalKey(ParticipatoryBudgetPage, on_delete=models.CASCADE, related_name="documents")


# --- the yearly overview ------------------------------------------------------------------------


class YearOverviewPage(AttachedFilesMixin, IntroMixin, BasePage):
    """The year's figures, recomputed from the records and compared with what the report states."""

    year = models.PositiveIntegerField(_("year"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("year"),
        FieldPanel("intro"),
        DiscrepancyPanel(),
        InlinePanel("documents", heading=_("Annual report"), label=_("Document"), max_num=None),
    ]
    override_translatable_fields = [SynchronizedField("year"), SynchronizedField("documents")]
    parent_page_types = ["transparency.TransparencyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("yearly overview")

    @cached_property
    def figures(self):
        from .overview import YearFigures

        return YearFigures.compute(self.year, self.locale)

    def discrepancies(self):
        return self.figures.discrepancies()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = self.figures
        return context


class YearOverviewDocument(AttachedDocument):
    page = ParentalKey(YearOverviewPage, on_delete=models.CASCADE, related_name="documents")


# --- snippets ---------------------------------------------------------------------------------


@register_snippet
class StatedTotals(ParticipationFigures):
    """The totals an annual report states for one kind of activity (kept to compare)."""

    year = models.PositiveIntegerField(_("year"))
    kind = models.CharField(_("counts"), max_length=30, choices=TotalsKind.choices)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("kind")]),
        *ParticipationFigures.figures_panels,
    ]

    class Meta:
        verbose_name = _("totals stated in a report")
        verbose_name_plural = _("totals stated in reports")
        constraints = [
            models.UniqueConstraint(fields=["year", "kind"], name="unique_stated_totals")
        ]

    def __str__(self):
        return f"{self.year}: {self.get_kind_display()}"


@register_snippet
class AccessRequestYear(models.Model):
    """Requests for access to public documents received in a year."""

    year = models.PositiveIntegerField(_("year"), unique=True)
    received = models.PositiveIntegerField(_("requests received"))
    answered_within_deadline = models.PositiveIntegerField(_("answered within the legal deadline"))

    panels = [FieldPanel("year"), FieldPanel("received"), FieldPanel("answered_within_deadline")]

    class Meta:
        verbose_name = _("yearly statistics of access-to-documents requests")
        verbose_name_plural = _("yearly statistics of access-to-documents requests")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)
