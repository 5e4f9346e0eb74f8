import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wordpress_import.importer import Importer
from wordpress_import.mapping import MappingError, load_mapping
from wordpress_import.report import write_csv
from wordpress_import.wxr import WXRError, parse


class Command(BaseCommand):
    help = "Import a WordPress export (WXR) and its uploads folder; idempotent and resumable."

    def add_arguments(self, parser):
        parser.add_argument("export", help="the WXR file WordPress exported")
        parser.add_argument("--uploads", required=True, help="a copy of wp-content/uploads")
        parser.add_argument("--mapping", help="the mapping file (default: the Prizren one)")
        parser.add_argument("--dry-run", action="store_true", help="print the plan only")
        parser.add_argument("--report", help="where to write the CSV report")

    def handle(self, *args, **options):
        started = time.monotonic()
        uploads = Path(options["uploads"])
        if not uploads.is_dir():
            raise CommandError(f"{uploads}: not a folder")
        try:
            mapping = load_mapping(options["mapping"])
            export = parse(options["export"])
        except (WXRError, MappingError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"WXR {export.version}, {len(export.items)} items, {len(export.terms)} terms, "
            f"from {export.base_blog_url or '?'}"
        )
        try:
            importer = Importer(export, uploads, mapping, progress=self.progress_printer())
        except LookupError as error:
            raise CommandError(str(error)) from error
        if options["dry_run"]:
            for line in importer.describe():
                self.stdout.write(line)
            self.stdout.write("dry run: nothing was changed")
            return
        try:
            counts = importer.run()
        except LookupError as error:
            raise CommandError(str(error)) from error
        report = options["report"] or f"wordpress-import-{time.strftime('%Y%m%d-%H%M%S')}.csv"
        write_csv(report)
        seconds = time.monotonic() - started
        self.stdout.write(f"{counts.line()}; report {report}; {seconds:.1f} s")

    def progress_printer(self):
        terminal = hasattr(self.stdout, "isatty") and self.stdout.isatty()
        state = {"last": 0.0}

        def progress(done, total, label):
            if terminal:
                width = 30
                filled = int(width * done / max(total, 1))
                bar = "#" * filled + "-" * (width - filled)
                sys.stdout.write(f"\r[{bar}] {done}/{total}")
                if done == total:
                    sys.stdout.write("\n")
                sys.stdout.flush()
                return
            now = time.monotonic()
            if done == total or now - state["last"] > 5 or done % 500 == 0:
                state["last"] = now
                self.stdout.write(f"{done}/{total} {label[:60]}")

        return progress
