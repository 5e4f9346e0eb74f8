"""Deployment checks of the site's public address (run by `manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning
from django.db import DatabaseError

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0", "testserver", ""}  # noqa: S104


def canonical_url():
    """The site's public address, from settings (SITE_CANONICAL_URL)."""
    return settings.SITE_CANONICAL_URL.rstrip("/")


@register(deploy=True)
def check_canonical_url(app_configs=None, **kwargs):
    """robots.txt and `set_site_address` use the canonical address: warn while it is local."""
    warnings = []
    if urlsplit(canonical_url()).hostname in LOCAL_HOSTS | {None}:
        warnings.append(
            CheckWarning(
                f"SITE_CANONICAL_URL is {canonical_url()!r}, a local address.",
                hint="Set SITE_CANONICAL_URL to the public address, e.g. https://prizren.example.",
                id="core.W001",
            )
        )
    return warnings


@register(Tags.database, deploy=True)
def check_site_host(app_configs=None, databases=None, **kwargs):
    """Sitemaps, feeds, e-mails and open-data links carry the Site's host: warn while it is
    still a local one (`check --deploy --database default`)."""
    from wagtail.models import Site

    if not databases:
        return []
    warnings = []
    try:
        local = [site for site in Site.objects.all() if site.hostname in LOCAL_HOSTS]
    except DatabaseError:  # no database yet (a check before `migrate`)
        local = []
    for site in local:
        warnings.append(
            CheckWarning(
                f"The Site {site.site_name or site.pk!s} still answers as "
                f"{site.hostname}:{site.port}: sitemap, feed and e-mail links say so.",
                hint="Edit the Site in Settings → Sites, or set SITE_CANONICAL_URL and run "
                "`manage.py set_site_address`.",
                id="core.W002",
            )
        )
    return warnings
