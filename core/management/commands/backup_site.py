from django.core.management.base import BaseCommand

from core.backup import backup_site


class Command(BaseCommand):
    help = "Write the database and the media files to one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="archive to write, e.g. prizren-2026-11-23.tar.gz")

    def handle(self, path, **options):
        manifest = backup_site(path)
        self.stdout.write(
            f"backup written to {path}: {manifest['objects']} objects, "
            f"{manifest['media_files']} media files ({manifest['database_vendor']})"
        )
