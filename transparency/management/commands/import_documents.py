from django.core.management.base import BaseCommand, CommandError

from transparency.importers import import_documents


class Command(BaseCommand):
    help = (
        "Upload the corpus PDFs of a manifest.json as documents (with their language) and "
        "attach them to the pages named in `attaches_to`. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("manifest", help="e.g. ../shared/corpus/manifest.json")

    def handle(self, *args, **options):
        try:
            report = import_documents(options["manifest"])
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"{options['manifest']}: {error}") from error
        for line in report.lines():
            self.stdout.write(line)
