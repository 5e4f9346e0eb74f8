from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from transparency.choices import ActivityKind
from transparency.models import ActivityPage

from . import compliance
from .models import CommentStatus
from .reports import can_publish_report, publish_report_table, report_table


def compliance_dashboard(request):
    return TemplateResponse(
        request,
        "participation/admin/compliance_dashboard.html",
        {"sections": compliance.all_sections(user=request.user), "page_title": _("Compliance")},
    )


def consultation_report(request, page_id):
    """The report table generated from a consultation's comments; POST publishes it."""
    consultation = get_object_or_404(
        ActivityPage, pk=page_id, kind=ActivityKind.CONSULTATION, alias_of__isnull=True
    )
    if not can_publish_report(request.user, consultation):
        raise PermissionDenied
    if request.method == "POST":
        try:
            publish_report_table(consultation, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The report table and the answers have been published on the page.")
            )
        return redirect("participation_consultation_report", page_id=consultation.pk)
    comments_url = reverse("wagtailsnippets_participation_consultationcomment:list")
    return TemplateResponse(
        request,
        "participation/admin/consultation_report.html",
        {
            "page_title": _("Consultation report table"),
            "consultation": consultation,
            "table": report_table(consultation),
            "pending_url": f"{comments_url}?consultation={consultation.pk}"
            f"&status={CommentStatus.PENDING}",
            "edit_url": reverse("wagtailadmin_pages:edit", args=[consultation.pk]),
        },
    )
