"""The import's report in the admin, for editors: what came in, what lacks its file, what
waits in the holding section, and where each old address now leads."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _

from .models import ImportRecord, ImportStatus


def can_view(user):
    return user.is_active and (
        user.is_superuser or user.has_perm("wordpress_import.view_importrecord")
    )


def import_report(request):
    if not can_view(request.user):
        raise PermissionDenied
    records = ImportRecord.objects.select_related("page").order_by("key")
    status = request.GET.get("status", "")
    if status in ImportStatus.values:
        records = records.filter(status=status)
    totals = dict(ImportRecord.objects.values_list("status").annotate(count=Count("pk")))
    filters = [(value, label, totals.get(value, 0)) for value, label in ImportStatus.choices]
    page = Paginator(records, 100).get_page(request.GET.get("p"))
    return render(
        request,
        "wordpress_import/report.html",
        {
            "page_obj": page,
            "filters": filters,
            "status": status,
            "total": sum(totals.values()),
            "title": _("Import from the old website"),
        },
    )
