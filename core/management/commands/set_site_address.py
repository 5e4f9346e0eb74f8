"""Give the default Site the public address of SITE_CANONICAL_URL."""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from core.checks import canonical_url


class Command(BaseCommand):
    help = "Set the default Site's host and port from SITE_CANONICAL_URL."

    def handle(self, *args, **options):
        address = urlsplit(canonical_url())
        if not address.hostname:
            raise CommandError(f"SITE_CANONICAL_URL {canonical_url()!r} has no host name.")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site: run `manage.py load_demo_content`.")
        site.hostname = address.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.save()
        self.stdout.write(f"Site {site.pk}: {site.hostname}:{site.port}")
