"""Search benchmark (not a test): index N synthetic pages and documents, time the indexing,
then time two-word queries through the site's search (search.service), p50 and p95.

Run on a scratch database: `DATABASE_URL=… manage.py migrate && manage.py benchmark_search
--items 10000`. Pages are inserted in bulk (tree paths computed here) so that building 100,000
items takes minutes, not hours; indexing goes through the configured backend's add_bulk, as
`update_index` does.
"""

import random
import statistics
import time
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from documents.models import MunicipalDocument, TextStatus
from home.models import StandardPage
from search import service

SYLLABLES = (
    "ka ko ku ra ri ro sh shq ta te ti ve vi dr gj nj pr zh ll rr ne na mi mu bo ba le lu "
    "do da fa fi ho he ja je qe qy ze zi se so"
).split()
REAL_WORDS = (
    "vendim vendimi vendimet rregullore rregulloren komuna komunës kryetari kuvendi buxhet "
    "buxhetit konsultim konsultimi publik dëgjim ujësjellës rrugë rrugës shkollë shkollës "
    "taksa taksat parkim qendër fshat fshati bujqësi bletar mjedis ndriçim kanalizim urë "
    "odluka opština zapisnik javna rasprava karar belediye meclis ihale"
).split()


def vocabulary(size, rng):
    words = set(REAL_WORDS)
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def text(rng, words, weights, length):
    return " ".join(rng.choices(words, weights=weights, k=length))


def create_pages(count, rng, words, weights):
    locale = Locale.objects.get(language_code="sq")
    root = Page.get_first_root_node()
    parent = root.add_child(
        instance=StandardPage(title="Benchmark", slug=f"benchmark-{time.time_ns()}", locale=locale)
    )
    content_type = ContentType.objects.get_for_model(StandardPage)
    pages = [
        Page(
            title=text(rng, words, weights, 6).capitalize(),
            slug=f"b{parent.pk}-{i}",
            path=Page._get_path(parent.path, parent.depth + 1, i + 1),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}b{i}/",
            content_type=content_type,
            locale=locale,
            live=True,
            has_unpublished_changes=False,
            draft_title="b",
        )
        for i in range(count)
    ]
    created = []
    for start in range(0, count, 2000):
        created += Page.objects.bulk_create(pages[start : start + 2000])
    if connection.vendor == "sqlite" or not created[0].pk:
        created = list(Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1))
    table = StandardPage._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (page_ptr_id, intro, body) VALUES (%s, %s, %s)",  # noqa: S608
            [(page.pk, text(rng, words, weights, 120), "[]") for page in created],
        )
    Page.objects.filter(pk=parent.pk).update(numchild=count)
    return StandardPage.objects.filter(pk__in=[page.pk for page in created])


def create_documents(count, rng, words, weights):
    prefix = f"documents/benchmark-{time.time_ns()}-"
    documents = [
        MunicipalDocument(
            title=text(rng, words, weights, 5).capitalize(),
            file=f"{prefix}{i}.pdf",
            language=rng.choice(["sq", "sr-latn", "tr"]),
            text=text(rng, words, weights, 600),
            text_status=TextStatus.EXTRACTED,
        )
        for i in range(count)
    ]
    created = []
    for start in range(0, count, 2000):
        created += MunicipalDocument.objects.bulk_create(documents[start : start + 2000])
    return MunicipalDocument.objects.filter(file__startswith=prefix)


def refresh_planner_statistics():
    """What autovacuum does minutes after a bulk load: without fresh statistics PostgreSQL
    estimates a few rows per content type and skips the GIN index (a 6x slower plan)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@dataclass
class BenchmarkResult:
    items: int
    create_seconds: float
    index_seconds: float
    latencies_ms: list

    def lines(self):
        latencies = sorted(self.latencies_ms)
        p50 = statistics.median(latencies)
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
        return [
            f"database: {connection.vendor}, items: {self.items} "
            f"({self.items // 2} pages + {self.items - self.items // 2} documents)",
            f"create: {self.create_seconds:.1f} s, index: {self.index_seconds:.1f} s "
            f"({self.items / max(self.index_seconds, 1e-9):.0f} items/s)",
            f"two-word queries: {len(latencies)}, p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
            f"max {latencies[-1]:.1f} ms",
        ]


def time_queries(rng, words, queries):
    latencies = []
    for _ in range(queries):
        query = " ".join(rng.sample(words, 2))
        started = time.perf_counter()
        outcome = service.search(query, "sq")
        latencies.append((time.perf_counter() - started) * 1000)
        if outcome.fell_back:  # the engine did not answer: not a figure of the engine
            raise RuntimeError(
                f"search fell back to {outcome.backend!r} after {latencies[-1]:.0f} ms"
            )
    return latencies


def run(items, queries=200, seed=2023, chunk=1000, queries_only=False):
    rng = random.Random(seed)  # noqa: S311 - synthetic data, reproducible
    words = vocabulary(5000, rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf-like
    rng.shuffle(weights)
    if queries_only:  # on a database a previous run filled
        return BenchmarkResult(items, 0.0, 0.0, time_queries(rng, words, queries))

    started = time.monotonic()
    with transaction.atomic():
        pages = create_pages(items // 2, rng, words, weights)
        documents = create_documents(items - items // 2, rng, words, weights)
    create_seconds = time.monotonic() - started

    backend = get_search_backend()
    started = time.monotonic()
    for model, queryset in ((StandardPage, pages), (MunicipalDocument, documents)):
        objects = list(queryset.order_by("pk"))
        for start in range(0, len(objects), chunk):
            with transaction.atomic():
                backend.add_bulk(model, objects[start : start + chunk])
    index_seconds = time.monotonic() - started
    refresh_planner_statistics()

    return BenchmarkResult(items, create_seconds, index_seconds, time_queries(rng, words, queries))
