from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import month_routine
from .admin_forms import FILE_SLOTS, MonthOfDecisionsForm


def _error_field(form, key):
    """A ValidationError key of the routine (pdf_sr-latn) as the form's field name."""
    name = key.replace("-", "_")
    return name if name in form.fields else None


def publish_month_view(request):
    """Publish the month's decisions: the form of the monthly routine in one step."""
    try:
        archive = month_routine.source_archive()
    except ValidationError:
        archive = None
    permissions = archive.permissions_for_user(request.user) if archive else None
    if archive is not None and not permissions.can_add_subpage():
        raise PermissionDenied
    can_publish = bool(permissions and permissions.can_publish_subpage())
    form = MonthOfDecisionsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and archive is not None and form.is_valid():
        action = request.POST.get("action")
        if action not in (month_routine.PUBLISH, month_routine.SUBMIT):
            action = month_routine.SUBMIT
        try:
            result = month_routine.publish_month(
                year=form.cleaned_data["year"],
                month=form.cleaned_data["month"],
                decision_count=form.cleaned_data["decision_count"],
                files=form.files_by_language(),
                user=request.user,
                action=action,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for key, errors in error.message_dict.items():
                    form.add_error(_error_field(form, key), errors)
            else:
                form.add_error(None, error)
        else:
            text = (
                _("%(title)s is published in the three languages.")
                if action == month_routine.PUBLISH
                else _("%(title)s is submitted for approval in the three languages.")
            )
            messages.success(request, text % {"title": result.month_page.title})
            return redirect("wagtailadmin_pages:edit", result.month_page.pk)
    return TemplateResponse(
        request,
        "transparency/admin/publish_month.html",
        {
            "page_title": _("Publish the month's decisions"),
            "form": form,
            "archive": archive,
            "can_publish": can_publish,
            "data_fields": [form["year"], form["month"], form["decision_count"]],
            "file_fields": [form[name] for _code, name, _label in FILE_SLOTS],
            "archive_url": reverse("wagtailadmin_explore", args=[archive.pk]) if archive else "",
        },
    )
