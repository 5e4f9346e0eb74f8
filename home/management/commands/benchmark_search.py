from django.core.management.base import BaseCommand

from home.search_benchmark import run


class Command(BaseCommand):
    help = "Index N synthetic pages and documents, then time two-word searches (scratch DB!)."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=10_000)
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument(
            "--queries-only", action="store_true", help="only time queries (database filled before)"
        )

    def handle(self, *args, items, queries, queries_only, **options):
        for line in run(items, queries, queries_only=queries_only).lines():
            self.stdout.write(line)
