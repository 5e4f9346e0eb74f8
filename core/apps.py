from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from core.middleware import invalidate_page_cache

        # Any change visible to readers empties the anonymous page cache (menus, listings and
        # the language switcher show other pages than the one published).
        page_published.connect(invalidate_page_cache, dispatch_uid="pagecache-published")
        page_unpublished.connect(invalidate_page_cache, dispatch_uid="pagecache-unpublished")
        post_page_move.connect(invalidate_page_cache, dispatch_uid="pagecache-moved")
        post_delete.connect(self.page_deleted, dispatch_uid="pagecache-deleted")

    @staticmethod
    def page_deleted(sender, **kwargs):
        from wagtail.models import Page

        from core.middleware import invalidate_page_cache

        if issubclass(sender, Page):
            invalidate_page_cache()
