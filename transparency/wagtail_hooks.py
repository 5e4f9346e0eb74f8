from django.contrib import messages
from django.utils.translation import gettext
from wagtail import hooks


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
