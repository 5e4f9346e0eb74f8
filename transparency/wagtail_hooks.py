from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


def warn_about_discrepancies(request, page):
    """After saving, tell the editor which figures do not add up; the save itself stands."""
    specific = page.specific
    if not hasattr(specific, "discrepancies"):
        return
    for discrepancy in specific.discrepancies():
        messages.warning(
            request,
            gettext("Saved, but the figures do not add up: %(message)s")
            % {"message": discrepancy.message},
        )


hooks.register("after_create_page", warn_about_discrepancies)
hooks.register("after_edit_page", warn_about_discrepancies)


class PublishMonthMenuItem(MenuItem):
    def is_shown(self, request):
        from .models import DecisionArchivePage

        archive = DecisionArchivePage.objects.filter(alias_of__isnull=True).first()
        return archive is not None and archive.permissions_for_user(request.user).can_add_subpage()


@hooks.register("register_admin_urls")
def register_publish_month_url():
    return [path("decisions/month/", admin_views.publish_month_view, name="publish_month")]


@hooks.register("register_admin_menu_item")
def register_publish_month_menu_item():
    return PublishMonthMenuItem(
        _("Publish the month's decisions"),
        reverse("publish_month"),
        icon_name="doc-full-inverse",
        order=230,
    )
