from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "The whole site of `make run` (idempotent): the demo content, the participation pages "
        "and, when the municipality's content is there, its strategy, 2023 report and documents."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--shared",
            type=Path,
            default=settings.BASE_DIR.parent / "shared",
            help="the folder of the municipality's content (default: ../shared)",
        )

    def handle(self, *args, shared, **options):
        call_command("load_demo_content", stdout=self.stdout)
        call_command("load_participation_pages", stdout=self.stdout)
        if not shared.is_dir():
            self.stdout.write(f"{shared} is not there: the demo content only")
            return
        for strategy in sorted((shared / "seeds").glob("000_*.txt")):
            call_command("import_strategy", str(strategy), stdout=self.stdout)
        call_command(
            "import_transparency", str(shared / "content" / "prizren-2023.json"), stdout=self.stdout
        )
        call_command(
            "import_documents", str(shared / "corpus" / "manifest.json"), stdout=self.stdout
        )
