from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_site


class Command(BaseCommand):
    help = "Replace the database content and media files with those of a backup_site archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="archive written by backup_site")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, path, yes=False, **options):
        if not yes and input("This replaces every page, document and user. Type 'yes': ") != "yes":
            raise CommandError("Restore cancelled.")
        try:
            manifest = restore_site(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"restored {manifest['objects']} objects and {manifest['media_files']} media files "
            f"from {path} (backup of {manifest['created_at']})"
        )
