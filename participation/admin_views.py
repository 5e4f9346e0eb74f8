from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import compliance


def compliance_dashboard(request):
    return TemplateResponse(
        request,
        "participation/admin/compliance_dashboard.html",
        {"sections": compliance.all_sections(), "page_title": _("Compliance")},
    )
