from django.core.management.base import BaseCommand, CommandError

from documents.extraction import extract_document_text
from documents.models import MunicipalDocument, TextStatus


class Command(BaseCommand):
    help = "Read the text of documents (OCR for scans): pending ones, failed ones, or all."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--all", action="store_true", help="every document")
        group.add_argument(
            "--failed", action="store_true", help="documents whose extraction failed"
        )
        parser.add_argument("ids", nargs="*", type=int, help="only these document ids")

    def handle(self, *args, ids=(), **options):
        documents = MunicipalDocument.objects.order_by("pk")
        if ids:
            documents = documents.filter(pk__in=ids)
        elif options["failed"]:
            documents = documents.filter(text_status=TextStatus.FAILED)
        elif not options["all"]:
            documents = documents.filter(text_status=TextStatus.PENDING)
        failures = 0
        for document in documents.iterator():
            extraction = extract_document_text(document)
            failures += extraction.status == TextStatus.FAILED
            self.stdout.write(
                f"{document.pk}\t{extraction.status}\t{len(extraction.text)}\t{document.title}"
            )
        if failures:
            raise CommandError(f"{failures} document(s) failed; see text_error")
