from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class DiscrepancyPanel(Panel):
    """Read-only: where the figures typed (or imported) do not add up. Never blocks saving."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Figures that do not add up"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "discrepancies"

    class BoundPanel(Panel.BoundPanel):
        template_name = "transparency/admin/discrepancy_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["discrepancies"] = instance.discrepancies() if instance.pk else []
            return context
