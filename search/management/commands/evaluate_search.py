from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.evaluation import compare as compare_sets
from search.evaluation import comparison_lines, evaluate


class Command(BaseCommand):
    help = "Run a relevance query set (e.g. ../shared/eval/search-dev.json): success@k and MRR."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="+")
        parser.add_argument(
            "--baseline",
            action="store_true",
            help="stock Wagtail search (plain .search(q), no normaliser); build its index with "
            "SEARCH_BASELINE=1 manage.py update_index",
        )
        parser.add_argument("--verbose", action="store_true", help="list every query's top k")
        parser.add_argument(
            "--compare",
            action="store_true",
            help="every configured search backend side by side (the engine and the database "
            "backend, with OPENSEARCH_URL or ELASTICSEARCH_URL set), one row per query set",
        )

    def handle(self, *args, path, baseline, verbose, compare, **options):
        if compare:
            backends = list(settings.WAGTAILSEARCH_BACKENDS)
            if len(backends) < 2:
                raise CommandError("--compare needs a search engine (OPENSEARCH_URL) configured")
            for line in comparison_lines(compare_sets(path, backends)):
                self.stdout.write(line)
            return
        for one in path:
            evaluation = evaluate(one, baseline=baseline)
            if len(path) > 1:
                self.stdout.write(one)
            for line in evaluation.lines(verbose=verbose):
                self.stdout.write(line)
