import re
import secrets

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.chrome import cached_until_publish
from core.models import BasePage, IntroMixin
from core.visibility import public
from transparency.choices import ActivityKind
from transparency.models import ActivityIndexPage, DecisionArchivePage

from .blocks import PressReleaseStreamBlock

RELEASES_PER_PAGE = 10
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


class Topic(TranslatableMixin, models.Model):
    """A subject press releases are filed under: budget, urbanism, culture…

    The slug is shared by every translation of a topic, so `?topic=buxheti` and
    `/feed/buxheti/rss/` mean the same topic in every language.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("press topic")
        verbose_name_plural = _("press topics")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class PressContact(TranslatableMixin, models.Model):
    """Who journalists call about a release."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email"), FieldPanel("phone")]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name


register_snippet(Topic)
register_snippet(PressContact)


def visible_releases():
    """Press releases the public may see (core.visibility: live, public, released), newest
    first."""
    return public(PressReleasePage.objects).order_by("-date", "-pk")


class PressReleaseIndexPage(RoutablePageMixin, IntroMixin, BasePage):
    """The press office: the release archive, its feeds, the subscription form, the contacts."""

    cache_query_params = ("topic", "year", "page")

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["media_office.PressReleasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("press release index")

    # The source (translated) index: an untranslated alias lists the Albanian releases.
    def releases(self):
        return visible_releases().child_of(self.source_page)

    def written_releases(self):
        """Releases written in this page's language (no untranslated aliases): the feeds' items."""
        return self.releases().filter(alias_of__isnull=True, locale_id=self.locale_id)

    def topics(self):
        return Topic.objects.filter(locale_id=self.source_page.locale_id)

    def contacts(self):
        return PressContact.objects.filter(locale_id=self.source_page.locale_id)

    def years(self):
        return [moment.year for moment in self.releases().dates("date", "year", order="DESC")]

    @path("")
    def archive(self, request):
        releases = self.releases()
        topic_slug = request.GET.get("topic", "")
        topic = None
        if SLUG.fullmatch(topic_slug):  # anything else (NUL, 10 kB of text) is no topic
            topic = self.topics().filter(slug=topic_slug).first()
        if topic is not None:
            releases = releases.filter(
                topic_links__topic__translation_key=topic.translation_key
            ).distinct()
        year = request.GET.get("year", "")
        selected_year = int(year) if year.isdigit() and len(year) == 4 else None
        if selected_year:
            releases = releases.filter(date__year=selected_year)
        paginator = Paginator(releases.specific(), RELEASES_PER_PAGE)
        page_of_releases = paginator.get_page(request.GET.get("page"))
        page_of_releases.object_list = list(page_of_releases.object_list)
        PressReleasePage.attach_topic_lists(page_of_releases.object_list)
        return self.render(
            request,
            context_overrides={
                "releases": page_of_releases,
                "selected_topic": topic,
                "selected_year": selected_year,
                "feeds": self.feed_links(request),
                "other_feeds": self.other_feed_links(request),
            },
        )

    @path("feed/<str:feed_kind>/")
    def feed(self, request, feed_kind):
        from .feeds import serve_release_feed

        return serve_release_feed(request, self, kind=feed_kind)

    @path("feed/<slug:topic_slug>/<str:feed_kind>/")
    def topic_feed(self, request, topic_slug, feed_kind):
        from .feeds import serve_release_feed

        topic = self.topics().filter(slug=topic_slug).first()
        if topic is None:
            raise Http404
        return serve_release_feed(request, self, kind=feed_kind, topic=topic)

    def feed_url(self, request, kind, topic=None):
        base = self.get_url(request)
        if topic is None:
            return base + self.reverse_subpage("feed", kwargs={"feed_kind": kind})
        return base + self.reverse_subpage(
            "topic_feed", kwargs={"topic_slug": topic.slug, "feed_kind": kind}
        )

    def other_feed_links(self, request):
        """Feeds of this language's consultations and decisions, for the media page."""
        links = []
        same_language = {"locale_id": self.locale_id, "alias_of__isnull": True}
        consultations = (
            public(ActivityIndexPage.objects)
            .filter(kind=ActivityKind.CONSULTATION, **same_language)
            .first()
        )
        if consultations is not None:
            links += consultations.feed_links(request)
        archive = public(DecisionArchivePage.objects).filter(**same_language).first()
        if archive is not None:
            links += archive.feed_links(request)
        return links

    def main_feed_link(self, request):
        """(label, rss_url, atom_url) of the feed of every press release of this language."""
        absolute = request.build_absolute_uri
        return (
            _("All press releases"),
            absolute(self.feed_url(request, "rss")),
            absolute(self.feed_url(request, "atom")),
        )

    def feed_links(self, request):
        """[(label, rss_url, atom_url)] for every feed of this language, absolute URLs."""
        absolute = request.build_absolute_uri
        links = [self.main_feed_link(request)]
        for topic in self.topics():
            links.append(
                (
                    topic.name,
                    absolute(self.feed_url(request, "rss", topic)),
                    absolute(self.feed_url(request, "atom", topic)),
                )
            )
        return links


class PressReleasePage(BasePage):
    # The embargo: core.visibility keeps the release closed on every channel until `date`.
    release_date_field = "date"

    date = models.DateTimeField(
        _("release date and time"),
        default=timezone.now,
        help_text=_(
            "The release stays invisible to the public until this moment (embargo): "
            "a future time schedules publication."
        ),
    )
    lead = models.TextField(_("lead"))
    body = StreamField(PressReleaseStreamBlock(), blank=True, verbose_name=_("body"))
    contact = models.ForeignKey(
        PressContact,
        verbose_name=_("press contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("topic_links", label=_("Topic")), FieldPanel("contact")],
            heading=_("Topics and contact"),
        ),
        InlinePanel("related_links", label=_("Related release")),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["media_office.PressReleaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    @property
    def listing_date(self):
        return self.date

    @property
    def is_embargoed(self):
        return self.date > timezone.now()

    def clean(self):
        super().clean()
        # The release time is the embargo: a future release time schedules the publication
        # (Wagtail's go_live_at, published by `manage.py publish_scheduled`).
        if self.date and self.date > timezone.now():
            if self.go_live_at is None or self.go_live_at < self.date:
                self.go_live_at = self.date

    @cached_property
    def topic_list(self):
        """The release's topics in the page's language (matched by translation key: the
        topic links of a translated release may still point at the Albanian topics)."""
        self.attach_topic_lists([self])
        return self.__dict__["topic_list"]

    @staticmethod
    def attach_topic_lists(releases):
        """Set `topic_list` on every release of a listing in two queries, not two per release."""
        releases = [release for release in releases if "topic_list" not in release.__dict__]
        if not releases:
            return
        source_ids = {release.pk: release.alias_of_id or release.pk for release in releases}
        keys_by_source = {}
        for page_id, key in (
            PressReleaseTopic.objects.filter(page_id__in=set(source_ids.values()))
            .order_by("page_id", "sort_order", "pk")
            .values_list("page_id", "topic__translation_key")
        ):
            keys_by_source.setdefault(page_id, []).append(key)
        wanted = {key for keys in keys_by_source.values() for key in keys}
        topics = {
            (topic.locale_id, topic.translation_key): topic
            for topic in Topic.objects.filter(
                translation_key__in=wanted, locale_id__in={r.locale_id for r in releases}
            )
        }
        for release in releases:
            keys = keys_by_source.get(source_ids[release.pk], [])
            release.topic_list = [
                topics[(release.locale_id, key)]
                for key in keys
                if (release.locale_id, key) in topics
            ]

    def related_releases(self):
        """Chosen related releases, in the reader's language where translated, if visible."""
        chosen = [link.release_id for link in self.source_page.related_links.all()]
        if not chosen:
            return []
        keys = Page.objects.filter(pk__in=chosen).values_list("translation_key", flat=True)
        releases = visible_releases().filter(translation_key__in=list(keys))
        by_key = {}
        for release in releases:
            if release.locale_id == self.locale_id or release.translation_key not in by_key:
                by_key[release.translation_key] = release
        return sorted(by_key.values(), key=lambda release: release.date, reverse=True)

    def attached_documents(self):
        return [
            block.value["document"]
            for block in self.source_page.body
            if block.block_type == "attachment" and block.value["document"] is not None
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = cached_until_publish(
            ("press-index", request.get_host(), self.pk), lambda: self._index_links(request)
        )
        if index:
            context["index_url"] = index["url"]
            context["feeds"] = [(_("All press releases"), index["rss"], index["atom"])]
        return context

    def _index_links(self, request):
        """The URL and main feeds of the press index above this release ({} if none)."""
        index_page = PressReleaseIndexPage.objects.parent_of(self).first()
        if index_page is None:
            return {}
        _label, rss, atom = index_page.main_feed_link(request)
        return {"url": index_page.get_url(request), "rss": rss, "atom": atom}


class PressReleaseTopic(Orderable):
    page = ParentalKey(PressReleasePage, related_name="topic_links", on_delete=models.CASCADE)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]


class RelatedRelease(Orderable):
    page = ParentalKey(PressReleasePage, related_name="related_links", on_delete=models.CASCADE)
    release = models.ForeignKey(
        PressReleasePage,
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("release")]


class Subscription(models.Model):
    """A journalist's email subscription to the press releases of one language."""

    email = models.EmailField(_("email"), max_length=254)
    # The address with its local part case-folded: one subscription per mailbox and language.
    email_key = models.CharField(max_length=254, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    topics = models.ManyToManyField(Topic, blank=True, verbose_name=_("topics"))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribe_token = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("press subscription")
        verbose_name_plural = _("press subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["email_key", "language"], name="one_subscription_per_address_language"
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.language})"

    def save(self, *args, **kwargs):
        if not self.unsubscribe_token:
            self.unsubscribe_token = secrets.token_urlsafe(32)
        self.email_key = self.email.lower()
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def wants(self, release):
        """True if the subscriber follows every topic, or one of the release's topics."""
        keys = {topic.translation_key for topic in self.topics.all()}
        if not keys:
            return True
        return any(topic.translation_key in keys for topic in release.topic_list)


class Delivery(models.Model):
    """One release sent in one language: created before sending, so it is never sent twice."""

    translation_key = models.UUIDField()
    language = models.CharField(max_length=10)
    page = models.ForeignKey(Page, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("press release delivery")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="one_delivery_per_release_language"
            )
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.language}): {self.recipients}"
