from django.core.management.base import BaseCommand, CommandError

from transparency.importers import import_transparency_file


class Command(BaseCommand):
    help = (
        "Load the annual report's figures (JSON): consultations, hearings, meetings, "
        "participatory budgeting, decision months, access-to-documents statistics. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The JSON file, e.g. ../shared/content/prizren-2023.json")

    def handle(self, *args, **options):
        try:
            report = import_transparency_file(options["path"])
        except (OSError, ValueError, LookupError, KeyError) as error:
            raise CommandError(f"{options['path']}: {error}") from error
        for line in report.lines():
            self.stdout.write(line)
