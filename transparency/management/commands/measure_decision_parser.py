"""Precision and recall of the decision parser on the corpus PDFs against the hand-checked
rows in tests/data/decisions-truth.json. Prints one line per PDF and the total."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from documents.extraction import extract_text
from transparency.decision_parser import parse_decisions, score

TRUTH = Path(settings.BASE_DIR) / "tests" / "data" / "decisions-truth.json"


class Command(BaseCommand):
    help = "Measure the decision parser on the corpus PDFs (../shared/corpus)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus", default=str(Path(settings.BASE_DIR).parent / "shared" / "corpus")
        )

    def handle(self, *args, corpus, **options):
        truth = json.loads(TRUTH.read_text(encoding="utf-8"))["files"]
        totals = {"proposed": 0, "truth": 0, "right": 0}
        for filename, rows in truth.items():
            text = extract_text(Path(corpus) / filename, filename=filename).text
            result = score([row.as_dict() for row in parse_decisions(text)], rows)
            for name in totals:
                totals[name] += result[name]
            self.stdout.write(f"{filename}: {json.dumps(result)}")
        precision = totals["right"] / totals["proposed"] if totals["proposed"] else 0
        recall = totals["right"] / totals["truth"] if totals["truth"] else 0
        self.stdout.write(
            f"total: {json.dumps(totals)} precision={precision:.3f} recall={recall:.3f}"
        )
