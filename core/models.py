from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index

from core.indexing import folded_text
from core.languages import bcp47, language_code_of_locale


class IntroMixin(models.Model):
    """The lead paragraph under a page's heading."""

    intro = models.TextField(_("introduction"), blank=True)

    class Meta:
        abstract = True


class BasePage(Page):
    """Shared behaviour of every public page type.

    A page of a Serbian or Turkish tree that nobody has translated yet is an alias of the
    Albanian page (wagtail-localize's synchronised trees): it shows the Albanian content, and
    the templates say so in the reader's language.
    """

    # A folded, stemmed copy of the page's text (core/normalise.py), on every backend.
    search_fields = [*Page.search_fields, index.SearchField("search_folded_text")]

    def search_folded_text(self):
        return folded_text(self, self.content_language)

    # The query parameters the page's answer depends on: the page cache keys on these and
    # ignores every other one (core/page_cache.py). Listings add their filters and `page`.
    cache_query_params = ()

    class Meta:
        abstract = True

    @cached_property
    def source_page(self):
        """The page whose content this page shows: itself, or the page it is an alias of."""
        if self.alias_of_id is None:
            return self
        return self.alias_of.specific

    def get_view_restrictions(self):
        """Wagtail's check of this page's and its ancestors' restrictions (two queries on every
        page served), skipped while no page of the site is private."""
        from wagtail.models import PageViewRestriction

        from core.published import any_page_is_private

        if not any_page_is_private():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def is_untranslated(self):
        return self.alias_of_id is not None and self.source_page.locale_id != self.locale_id

    @property
    def content_language(self):
        """The language the page's content is written in (for the `lang` attribute)."""
        return bcp47(language_code_of_locale(self.source_page.locale_id))

    @cached_property
    def untranslated_fields(self):
        """Fields of a translation still in the source's words (prose not translated yet)."""
        from core.data_translation import untranslated_paths

        return untranslated_paths(self)

    def field_language(self, name):
        """The language of one field's text: the source's for prose not translated yet."""
        if name in self.untranslated_fields:
            from core.data_translation import source_language_of

            return bcp47(source_language_of(self) or language_code_of_locale(self.locale_id))
        return self.content_language
