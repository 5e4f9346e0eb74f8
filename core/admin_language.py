"""Upstream admin strings translated when they are shown, not when Python imports them.

Wagtail 8.0.1's redirects report filter calls the non-lazy gettext at class level, so its
labels stay in whatever language was active at import (the site's default, Albanian) for every
editor. The labels are put back as lazy strings; tests/test_admin_language.py fails when
upstream fixes it or changes the filter.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.redirects.filters import RedirectsReportFilterSet


def translate_redirect_report_filters():
    kind = RedirectsReportFilterSet.base_filters["is_permanent"]
    kind.label = _("Type")
    kind.extra["choices"] = ((True, _("Permanent")), (False, _("Temporary")))
    kind.extra["empty_label"] = _("All")
