"""Relevance evaluation: success@k and MRR of a query set (format of ../shared/eval/*.json).

A query passes when one of its `expect_any` targets is among the top k results in its
language: `url_contains` is matched against the result's URL (a document's download URL),
`title_contains` against its title, case-insensitively.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from . import service

EVAL_LOCALES = {"sr": "sr-latn"}


@dataclass
class QueryOutcome:
    id: str
    category: str
    query: str
    rank: int | None  # 1-based rank of the first expected result, None if absent
    top: list = field(default_factory=list)


@dataclass
class Evaluation:
    k: int
    outcomes: list

    def success(self, outcomes=None):
        outcomes = self.outcomes if outcomes is None else outcomes
        if not outcomes:
            return 0.0
        return sum(1 for o in outcomes if o.rank and o.rank <= self.k) / len(outcomes)

    def mrr(self, outcomes=None):
        outcomes = self.outcomes if outcomes is None else outcomes
        if not outcomes:
            return 0.0
        return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)

    def by_category(self):
        groups = defaultdict(list)
        for outcome in self.outcomes:
            groups[outcome.category].append(outcome)
        return dict(sorted(groups.items()))

    def lines(self, verbose=False):
        yield f"{'category':<14} {'n':>3} {'success@' + str(self.k):>10} {'MRR':>6}"
        for category, outcomes in self.by_category().items():
            yield (
                f"{category:<14} {len(outcomes):>3} {self.success(outcomes):>10.3f} "
                f"{self.mrr(outcomes):>6.3f}"
            )
        yield (
            f"{'overall':<14} {len(self.outcomes):>3} {self.success():>10.3f} {self.mrr():>6.3f}"
        )
        for outcome in self.outcomes:
            if verbose or not (outcome.rank and outcome.rank <= self.k):
                yield f"  {outcome.id} rank={outcome.rank} q={outcome.query!r}"
                for title, url in outcome.top[: self.k]:
                    yield f"      {title[:70]!r} {url}"


def _matches(expectation, title, url):
    if "url_contains" in expectation and expectation["url_contains"] not in (url or ""):
        return False
    if "title_contains" in expectation and (
        expectation["title_contains"].lower() not in (title or "").lower()
    ):
        return False
    return True


def smart_search(query, language_code, backend_name="default"):
    outcome = service.search(query, language_code, backend_name=backend_name)
    if outcome.fell_back:
        raise service.SearchUnavailable(f"search backend {backend_name!r} did not answer")
    return [(r.title, r.url) for r in outcome.results]


def baseline_search(query, language_code, limit=50):
    """Stock Wagtail: `.search(q)` over the language's live public pages and over documents,
    the two lists interleaved (stock Wagtail has no combined ranking)."""
    locale = Locale.objects.get(language_code=language_code)
    pages = list(Page.objects.live().public().filter(locale=locale).search(query)[:limit])
    documents = list(get_document_model().objects.search(query)[:limit])
    merged = []
    for i in range(max(len(pages), len(documents))):
        if i < len(pages):
            merged.append((pages[i].title, pages[i].get_url() or ""))
        if i < len(documents):
            merged.append((documents[i].title, documents[i].url))
    return merged


def evaluate(path, baseline=False, backend_name="default"):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    k = int(data.get("k", 5))
    if baseline:
        run = baseline_search
    else:

        def run(query, language_code):
            return smart_search(query, language_code, backend_name)

    outcomes = []
    for entry in data["queries"]:
        language = EVAL_LOCALES.get(entry["locale"], entry["locale"])
        with translation.override(language):
            results = run(service.clean_query(entry["q"]), language)
        rank = next(
            (
                position
                for position, (title, url) in enumerate(results, start=1)
                if any(_matches(e, title, url) for e in entry["expect_any"])
            ),
            None,
        )
        outcomes.append(
            QueryOutcome(entry["id"], entry.get("category", ""), entry["q"], rank, results[:10])
        )
    return Evaluation(k, outcomes)


def backend_label(backend_name):
    """ "database (sqlite)", "default (opensearch)": which engine answered a column."""
    from django.conf import settings
    from django.db import connection

    path = settings.WAGTAILSEARCH_BACKENDS[backend_name]["BACKEND"]
    if path.endswith(".database"):
        return f"{backend_name} ({connection.vendor})"
    return f"{backend_name} ({path.rsplit('.', 1)[-1]})"


def compare(paths, backend_names):
    """[(dev set, [(backend label, Evaluation)])]: each set on each backend, same database."""
    return [
        (
            Path(path).name,
            [(backend_label(b), evaluate(path, backend_name=b)) for b in backend_names],
        )
        for path in paths
    ]


def comparison_lines(rows):
    labels = [label for label, _ in rows[0][1]]
    yield "success@k (MRR), one column per search backend, on the same database:"
    yield f"{'query set':<22} {'n':>3} " + " ".join(f"{label:>24}" for label in labels)
    for name, evaluations in rows:
        n = len(evaluations[0][1].outcomes)
        cells = [f"{e.success():.3f} ({e.mrr():.3f})" for _, e in evaluations]
        yield f"{name:<22} {n:>3} " + " ".join(f"{cell:>24}" for cell in cells)
        passed = [round(e.success() * n) for _, e in evaluations]
        yield f"{'':<22} {'':>3} " + " ".join(f"{f'{p}/{n} passed':>24}" for p in passed)
