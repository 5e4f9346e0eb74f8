from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from django.urls import register_converter
        from wagtail.documents import get_document_model
        from wagtail.models import CollectionViewRestriction, Locale, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from core import checks  # noqa: F401 - registers the deployment checks
        from core.admin_language import translate_redirect_report_filters
        from core.converters import DatabaseIdConverter
        from core.languages import forget_locale_codes
        from core.middleware import empty_page_cache_on_change, invalidate_page_cache

        # `<id:…>` in every URL of the project, the admin's hooks included (core/converters.py);
        # registered before any URL module is imported.
        register_converter(DatabaseIdConverter, "id")
        translate_redirect_report_filters()
        # Any change visible to readers empties the anonymous page cache (menus, listings and
        # the language switcher show other pages than the one published).
        page_published.connect(invalidate_page_cache, dispatch_uid="pagecache-published")
        page_unpublished.connect(invalidate_page_cache, dispatch_uid="pagecache-unpublished")
        post_page_move.connect(invalidate_page_cache, dispatch_uid="pagecache-moved")
        post_delete.connect(self.page_deleted, dispatch_uid="pagecache-deleted")
        # A page or collection made private (or public again), a document changed, or a Site
        # edited, changes what readers get too.
        empty_page_cache_on_change(
            PageViewRestriction, CollectionViewRestriction, get_document_model(), Site
        )
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(forget_locale_codes, sender=Locale, dispatch_uid=f"locales-{name}")

    @staticmethod
    def page_deleted(sender, **kwargs):
        from wagtail.models import Page

        from core.middleware import invalidate_page_cache

        if issubclass(sender, Page):
            invalidate_page_cache()
