from django.core.management.base import BaseCommand

from search.evaluation import evaluate


class Command(BaseCommand):
    help = "Run a relevance query set (e.g. ../shared/eval/search-dev.json): success@k and MRR."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--baseline",
            action="store_true",
            help="stock Wagtail search (plain .search(q), no normaliser); build its index with "
            "SEARCH_BASELINE=1 manage.py update_index",
        )
        parser.add_argument("--verbose", action="store_true", help="list every query's top k")

    def handle(self, *args, path, baseline, verbose, **options):
        evaluation = evaluate(path, baseline=baseline)
        for line in evaluation.lines(verbose=verbose):
            self.stdout.write(line)
