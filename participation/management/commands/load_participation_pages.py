from django.core.management.base import BaseCommand, CommandError

from participation.demo_content import ensure_request_page


class Command(BaseCommand):
    help = "Create the access-to-documents request page in the three languages (idempotent)."

    def handle(self, *args, **options):
        try:
            page, created = ensure_request_page()
        except LookupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{'created' if created else 'present'}  {page.url_path}")
