from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("wordpress-import/", views.import_report, name="wordpress_import_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Import from the old website"),
        reverse("wordpress_import_report"),
        icon_name="download",
        order=900,
    )
