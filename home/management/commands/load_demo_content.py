from django.core.management.base import BaseCommand

from home.demo_content import load_demo_content


class Command(BaseCommand):
    help = "Create or update the demo site in Albanian, Serbian and Turkish (idempotent)."

    def handle(self, *args, **options):
        report = load_demo_content()
        for page in report.created:
            self.stdout.write(f"created  {page.locale.language_code}  {page.url_path}")
        for page in report.updated:
            self.stdout.write(f"updated  {page.locale.language_code}  {page.url_path}")
        for page, code in report.translated:
            self.stdout.write(f"translated  {code}  {page.title}")
        for code, text in report.untranslated_strings:
            self.stdout.write(self.style.WARNING(f"no {code} translation for: {text[:60]}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"demo content: {len(report.created)} created, {len(report.updated)} updated, "
                f"{len(report.translated)} translations written"
            )
        )
