from datetime import timedelta
from functools import cache

import django_filters
from django.template import Template
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from core.admin_columns import LocalizedDateColumn, YesNoColumn, field_column
from core.choosers import PermissionCheckedSnippetChooserViewSet

from . import admin_views, compliance, deadlines
from .admin_forms import AccessRequestAdminForm, ConsultationCommentAdminForm
from .bulk_actions import ClassifyCommentsBulkAction
from .models import OPEN_STATUSES, AccessRequest, ConsultationComment, PublicHoliday
from .open_data import csv_cell

DEADLINE_CHOICES = [
    ("overdue", _("Overdue")),
    ("due_soon", _("Due soon")),
    ("open", _("Open")),
]


class AccessRequestFilterSet(WagtailFilterSet):
    deadline = django_filters.ChoiceFilter(
        label=_("Deadline"), choices=DEADLINE_CHOICES, method="filter_deadline"
    )

    class Meta:
        model = AccessRequest
        fields = ["status", "is_urgent", "channel", "preferred_format"]

    def filter_deadline(self, queryset, name, value):
        now = timezone.now()
        open_requests = queryset.filter(status__in=OPEN_STATUSES)
        if value == "overdue":
            return open_requests.filter(due_at__lt=now)
        if value == "due_soon":
            rules = deadlines.DeadlineRules.from_settings()
            limit = timezone.localtime(now) + timedelta(days=rules.due_soon_days)
            return open_requests.filter(due_at__gte=now, due_at__date__lte=limit.date())
        return open_requests


class DeadlineRowsMixin:
    """Overdue and due-soon rows carry a class (and the days-left cell a badge)."""

    def get_row_classname(self, instance):
        if instance.is_overdue():
            return "access-request--overdue"
        if instance.is_due_soon():
            return "access-request--due-soon"
        return ""


class FormulaSafeExportMixin:
    """Wagtail escapes formulas in XLSX exports only; this does it for CSV too."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return csv_cell(value)
        return value


class AccessRequestIndexView(FormulaSafeExportMixin, IndexView):
    @property
    def table_class(self):
        return type("AccessRequestTable", (DeadlineRowsMixin, super().table_class), {})


class AccessRequestViewSet(SnippetViewSet):
    model = AccessRequest
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    icon = "form"
    menu_label = _("Document requests")
    index_view_class = AccessRequestIndexView
    filterset_class = AccessRequestFilterSet
    list_display = [
        "reference",
        "subject_excerpt",
        field_column(AccessRequest, "received_at", LocalizedDateColumn),
        "status",
        field_column(AccessRequest, "due_at", LocalizedDateColumn),
        "days_left_badge",
    ]
    list_per_page = 50
    ordering = ["-received_at"]
    search_fields = ["reference", "subject", "name"]
    list_export = [
        "reference",
        "received_at",
        "name",
        "channel",
        "status",
        "due_at",
        "decided_at",
        "legal_ground",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("received_at"),
                    FieldPanel("channel"),
                    FieldPanel("language"),
                    FieldPanel("subject"),
                    FieldPanel("preferred_format"),
                    FieldPanel("contact_method"),
                    FieldPanel("email"),
                    FieldPanel("postal_address"),
                    FieldPanel("name"),
                    FieldPanel("is_urgent"),
                    FieldPanel("urgency_reason"),
                ],
                heading=_("The request"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("extension_reason"),
                    FieldPanel("decision"),
                    FieldPanel("legal_ground"),
                    FieldPanel("forwarded_to"),
                    FieldPanel("decision_letter"),
                    FieldPanel("released_documents"),
                    FieldPanel("public_subject"),
                    FieldPanel("staff_notes"),
                ],
                heading=_("The decision"),
            ),
        ],
        base_form_class=AccessRequestAdminForm,
    )


class PublicHolidayViewSet(SnippetViewSet):
    model = PublicHoliday
    icon = "date"
    menu_label = _("Public holidays")
    list_display = [
        field_column(PublicHoliday, "date", LocalizedDateColumn),
        "name",
        field_column(PublicHoliday, "recurs_yearly", YesNoColumn),
    ]
    ordering = ["-recurs_yearly", "date"]


class ConsultationCommentFilterSet(WagtailFilterSet):
    class Meta:
        model = ConsultationComment
        fields = ["status", "consultation", "language", "channel"]


class ConsultationCommentIndexView(FormulaSafeExportMixin, IndexView):
    pass


class ConsultationCommentViewSet(SnippetViewSet):
    model = ConsultationComment
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    index_view_class = ConsultationCommentIndexView
    icon = "comment"
    menu_label = _("Consultation comments")
    filterset_class = ConsultationCommentFilterSet
    list_display = [
        "excerpt",
        "consultation",
        field_column(ConsultationComment, "submitted_at", LocalizedDateColumn),
        "language",
        "status",
    ]
    list_per_page = 50
    ordering = ["-submitted_at"]
    list_export = [
        "consultation",
        "submitted_at",
        "channel",
        "language",
        "name",
        "gender",
        "text",
        "status",
        "reason",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("consultation"),
                    FieldPanel("submitted_at"),
                    FieldPanel("channel"),
                    FieldPanel("language"),
                    FieldPanel("name"),
                    FieldPanel("email"),
                    FieldPanel("gender"),
                    FieldPanel("text"),
                ],
                heading=_("The comment"),
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("reason"), FieldPanel("show_text")],
                heading=_("The municipality's answer"),
            ),
        ],
        base_form_class=ConsultationCommentAdminForm,
    )


class ParticipationGroup(SnippetViewSetGroup):
    menu_label = _("Participation")
    menu_icon = "group"
    menu_order = 250
    items = (AccessRequestViewSet, ConsultationCommentViewSet, PublicHolidayViewSet)


register_snippet(ParticipationGroup)


@hooks.register("insert_global_admin_css")
def participation_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("participation/css/participation-admin.css")
    )


class CompliancePanel(Component):
    name = "participation_compliance"
    template_name = "participation/admin/compliance_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {
            "sections": compliance.all_sections(user=self.user),
            "dashboard_url": reverse("participation_compliance"),
        }


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    panels.append(CompliancePanel(request.user))


@hooks.register("register_admin_urls")
def register_compliance_url():
    return [
        path(
            "compliance/",
            admin_views.compliance_dashboard,
            name="participation_compliance",
        ),
        path(
            "participation/consultations/<id:page_id>/report/",
            admin_views.consultation_report,
            name="participation_consultation_report",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_compliance_menu_item():
    return MenuItem(
        _("Compliance"),
        reverse("participation_compliance"),
        icon_name="warning",
        order=240,
    )


hooks.register("register_bulk_action", ClassifyCommentsBulkAction)


# A consultation's parts of the transparency activity page (core's `page_parts` slots).
ACTIVITY_PAGE_PARTS = {
    "activity:outcome": "{% consultation_outcome page %}",
    "activity:comment_form": "{% consultation_comment_form page %}",
}


@cache
def activity_part_template(slot):
    return Template("{% load participation_tags %}" + ACTIVITY_PAGE_PARTS[slot])


@hooks.register("page_parts")
def consultation_page_parts(context, page, slot):
    if slot not in ACTIVITY_PAGE_PARTS:
        return ""
    return activity_part_template(slot).render(context)
