from django.core.management.base import BaseCommand, CommandError

from transparency.importers import import_strategy_file


class Command(BaseCommand):
    help = "Parse the strategy's text export into the structured strategy page. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The text export, e.g. ../shared/seeds/000_….txt")

    def handle(self, *args, **options):
        try:
            report = import_strategy_file(options["path"])
        except (OSError, ValueError, LookupError) as error:
            raise CommandError(f"{options['path']}: {error}") from error
        for line in report.lines():
            self.stdout.write(line)
