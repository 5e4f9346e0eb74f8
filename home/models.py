from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import StandardStreamBlock
from core.models import BasePage, IntroMixin
from core.routing import DirectRouteMixin
from core.visibility import public
from media_office.models import visible_releases
from transparency.choices import ActivityKind, ActivityStatus
from transparency.models import ActivityPage, DecisionMonthPage


class HomePage(DirectRouteMixin, IntroMixin, BasePage):
    """The root page of each language's tree: the municipality, its contacts, entry points."""

    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=255, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contacts"),
        ),
    ]

    override_translatable_fields = [
        SynchronizedField("phone"),
        SynchronizedField("email"),
        TranslatableField("address"),
        TranslatableField("opening_hours"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = public(self.get_children()).in_menu().specific()
        context["latest_press_releases"] = self.latest_press_releases()
        context["open_consultations"] = self.open_consultations()
        context["latest_decisions"] = self.latest_decisions()
        return context

    # The three home-page slots; the sections that own these records fill them in.
    def latest_press_releases(self, limit=3):
        return list(visible_releases().filter(locale_id=self.locale_id)[:limit])

    def open_consultations(self, limit=3):
        # --- transparency: consultations open today, in this page's language tree ---
        candidates = (
            public(ActivityPage.objects)
            .descendant_of(self)
            .filter(kind=ActivityKind.CONSULTATION)
            .order_by("closes_on", "date")
        )
        return [page for page in candidates if page.status == ActivityStatus.OPEN][:limit]

    def latest_decisions(self, limit=3):
        # --- transparency: the latest months of the mayor's decisions ---
        return list(
            public(DecisionMonthPage.objects)
            .descendant_of(self)
            .order_by("-year", "-month")[:limit]
        )


class StandardPage(IntroMixin, BasePage):
    """A plain page of text: about the municipality, contacts, the accessibility statement."""

    body = StreamField(StandardStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
