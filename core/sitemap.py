from wagtail.contrib.sitemaps import Sitemap

from core.visibility import public


class PublicSitemap(Sitemap):
    """Wagtail's sitemap of the site's pages, only those core.visibility opens to the public."""

    def items(self):
        return public(super().items())
