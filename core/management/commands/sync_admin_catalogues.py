from django.core.management import call_command
from django.core.management.base import BaseCommand

from core import upstream_catalogues


class Command(BaseCommand):
    help = (
        "Bring the project's catalogues of the upstream admin (locale/upstream/) in line with "
        "the installed Wagtail and wagtail-localize, keeping every translation, and compile them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", choices=upstream_catalogues.LANGUAGES)

    def handle(self, *args, language=None, **options):
        languages = language or upstream_catalogues.LANGUAGES
        for app, app_dir, english, code in upstream_catalogues.all_catalogues(languages):
            path = upstream_catalogues.sync(app, app_dir, english, code)
            self.stdout.write(f"synced {path.relative_to(upstream_catalogues.catalogues_root())}")
        call_command(
            "compilemessages",
            locale=list(languages),
            ignore=[".venv", "node_modules", "var"],
            verbosity=0,
        )
