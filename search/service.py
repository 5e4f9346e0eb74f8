"""Site search: live, public pages of one language and public documents, ranked alike on
every backend (docs/decisions/0031-search-ranking.md).

1. The query is folded and split into terms by core.normalise; each term matches any of
   its variants (folded word, stems of each language).
2. The backend (database or Elasticsearch) returns candidates in two tiers: objects that
   contain every significant term, then objects that contain some of them.
3. Candidates are ranked here, in Python, from the tier, the backend's order within its own
   list, how much of the title the query covers (exact words above folded ones), and the
   document's language. The backend only chooses candidates, so SQLite, PostgreSQL and
   Elasticsearch rank the same way.
"""

import datetime
import logging
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from core import visibility
from core.indexing import searchable_text
from core.normalise import fold, index_text, language_of, matching_tokens, query_terms, raw_tokens

from .backends import index_table

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
CANDIDATES_PER_TIER = 60
SOME_WORDS_BELOW = 20
MAX_RESULTS = 200
SNIPPET_WORDS = 30
SNIPPET_SCAN_CHARS = 60_000

KIND_PAGE = "page"
KIND_DOCUMENT = "document"
KINDS = (KIND_PAGE, KIND_DOCUMENT)

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class SearchUnavailable(Exception):
    """Neither the configured backend nor the database fallback could answer."""


def clean_query(value):
    """Bound and clean a query typed by anyone: no NUL, control characters, lone surrogates."""
    value = (value or "")[: MAX_QUERY_LENGTH * 4]
    value = CONTROL_CHARS.sub(" ", value)
    value = unicodedata.normalize("NFC", value)
    return " ".join(value.split())[:MAX_QUERY_LENGTH]


@dataclass
class Filters:
    kind: str = ""
    year: int | None = None
    document_language: str = ""


@dataclass
class Result:
    obj: object
    kind: str
    tier: int
    rank: int
    score: float = 0.0
    title: str = ""
    locale: str = ""
    date: datetime.date | None = None
    snippet: str = ""

    @cached_property
    def url(self):
        """A page's URL or a document's download URL (computed only for results shown)."""
        if self.kind == KIND_DOCUMENT:
            return self.obj.url
        return self.obj.get_url() or ""

    def as_json(self):
        return {
            "title": self.title,
            "url": self.url,
            "type": self.kind,
            "locale": self.locale,
            "date": self.date.isoformat() if self.date else None,
            "snippet": str(self.snippet),
        }


@dataclass
class Outcome:
    query: str
    results: list = field(default_factory=list)
    backend: str = ""
    fell_back: bool = False

    @property
    def total(self):
        return len(self.results)


def _term_query(term):
    if len(term.variants) == 1:
        return PlainText(term.variants[0])
    return Or([PlainText(variant) for variant in term.variants])


def _retrieve(backend, queryset, terms, limit=CANDIDATES_PER_TIER, *, backend_queryset=None):
    """[(object, tier, rank)]: objects with every term first, then those with some.

    The index-table dialects take `queryset` (any SQL); another backend (Elasticsearch) takes
    `backend_queryset`, filters it can express, and the caller checks the rule after it.
    """
    required = [term for term in terms if term.required][:MAX_TERMS]
    if not required:
        return []
    dialect = index_table.dialect_for(backend, queryset)
    if not dialect and backend_queryset is not None:
        queryset = backend_queryset
    if dialect:
        found = index_table.retrieve(dialect, queryset, required, every_word=True, limit=limit)
    else:
        every = And([_term_query(term) for term in required]) if len(required) > 1 else None
        found = list(backend.search(every or _term_query(required[0]), queryset)[:limit])
    hits = [(obj, 0, rank) for rank, obj in enumerate(found)]
    # Objects with only some of the words are fetched when those with all of them are few.
    if len(required) > 1 and len(found) < SOME_WORDS_BELOW:
        seen = {obj.pk for obj in found}
        # Unranked by the backend (newest first): ranking every object with any of the words
        # costs a rank over thousands of rows; these come after the all-words tier and are
        # ordered here by their titles.
        if dialect:
            rest = index_table.retrieve(
                dialect, queryset, required, every_word=False, limit=limit, exclude=seen
            )
        else:
            some = Or([_term_query(term) for term in required])
            rest = [
                obj
                for obj in backend.search(some, queryset, order_by_relevance=False)[:limit]
                if obj.pk not in seen
            ]
        hits += [(obj, 1, rank) for rank, obj in enumerate(rest)]
    return hits


def _word_variants(token):
    """The index tokens of one word of a title or snippet: what the index holds for it."""
    return set(index_text(token).split())


def _title_features(title, terms):
    """(share of significant terms found in the title, share found exactly as typed)."""
    required = [term for term in terms if term.required] or terms
    title_tokens = raw_tokens(title)
    folded = set()
    for token in title_tokens:
        folded |= _word_variants(token)
    typed_words = {word.lower() for word in re.findall(r"\w+", unicodedata.normalize("NFC", title))}
    covered = sum(1 for term in required if set(term.variants) & folded)
    exact = sum(1 for term in required if term.typed in typed_words)
    return covered / len(required), exact / len(required)


def _rank(results, terms, reader_language):
    for result in results:
        coverage, exact = _title_features(result.title, terms)
        score = 100.0 * (1 - result.tier)
        if result.tier == 0:
            score += 10.0 / (result.rank + 1)
        score += 12.0 * coverage + 20.0 * exact
        if result.kind == KIND_DOCUMENT:
            document_language = language_of(result.obj.language)
            if document_language and document_language == reader_language:
                score += 8.0
        result.score = score
    results.sort(key=lambda r: (-r.score, r.kind, r.obj.pk))
    return results


def _page_date(page):
    for name in ("date", "listing_date", "published_date"):
        value = getattr(page, name, None)
        if callable(value):
            value = value()
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
    published = page.first_published_at or page.last_published_at
    return published.date() if published else None


def _page_results(backend, locale, terms):
    # core.visibility decides, in the candidates' SQL and again on what the backend returned.
    queryset = visibility.public_pages().filter(locale=locale)
    hits = _retrieve(
        backend, queryset, terms, backend_queryset=Page.objects.live().filter(locale=locale)
    )
    allowed = visibility.public_page_ids([hit[0].pk for hit in hits])
    hits = [hit for hit in hits if hit[0].pk in allowed]
    specific = {
        page.pk: page for page in Page.objects.filter(pk__in=[h[0].pk for h in hits]).specific()
    }
    results = []
    for page, tier, rank in hits:
        page = specific.get(page.pk)
        if page is None:
            continue
        results.append(
            Result(
                obj=page,
                kind=KIND_PAGE,
                tier=tier,
                rank=rank,
                title=page.title,
                locale=locale.language_code,
                date=_page_date(page),
            )
        )
    return results


def _document_results(backend, terms, filters):
    document_model = get_document_model()
    queryset = document_model.objects.defer("text")
    if filters.document_language:
        queryset = queryset.filter(language=filters.document_language)
    hits = _retrieve(
        backend, visibility.public_documents(queryset), terms, backend_queryset=queryset
    )
    public = visibility.public_document_ids([obj.pk for obj, _, _ in hits])
    results = []
    for document, tier, rank in hits:
        if document.pk not in public:
            continue
        results.append(
            Result(
                obj=document,
                kind=KIND_DOCUMENT,
                tier=tier,
                rank=rank,
                title=document.title,
                locale=document.language,
                date=document.created_at.date() if document.created_at else None,
            )
        )
    return results


def _run(backend, query, language_code, filters):
    terms = query_terms(query)
    outcome = Outcome(query=query)
    if not terms:
        return outcome
    locale = Locale.objects.filter(language_code=language_code).first()
    results = []
    if filters.kind in ("", KIND_PAGE) and locale is not None and not filters.document_language:
        results += _page_results(backend, locale, terms)
    if filters.kind in ("", KIND_DOCUMENT):
        results += _document_results(backend, terms, filters)
    if filters.year:
        results = [r for r in results if r.date and r.date.year == filters.year]
    outcome.results = _rank(results, terms, language_of(language_code))[:MAX_RESULTS]
    return outcome


def backend_errors():
    """Exceptions that mean the search service is down, not that the code is wrong."""
    from .backends.engine import SearchServiceDown, service_errors

    return (ConnectionError, TimeoutError, OSError, SearchServiceDown, *service_errors())


def search(query, language_code, filters=None, backend_name="default"):
    """Search in one language; falls back to the database backend when the service is down."""
    filters = filters or Filters()
    backend = get_search_backend(backend_name)
    try:
        outcome = _run(backend, query, language_code, filters)
        outcome.backend = backend_name
        return outcome
    except backend_errors() as error:
        logger.warning("Search backend %r failed: %s", backend_name, error)
        fallback = getattr(settings, "SEARCH_FALLBACK_BACKEND", "")
        if not fallback or fallback == backend_name:
            raise SearchUnavailable(str(error)) from error
    outcome = _run(get_search_backend(fallback), query, language_code, filters)
    outcome.backend = fallback
    outcome.fell_back = True
    return outcome


def highlight(text, terms, words=SNIPPET_WORDS):
    """An escaped excerpt of `text` around the first match, matched words in <mark>."""
    text = (text or "")[:SNIPPET_SCAN_CHARS]
    if not text.strip():
        return ""
    wanted = matching_tokens(terms)
    pieces = re.split(r"(\w+(?:[-/.]\w+)*)", text)
    word_positions = [i for i in range(1, len(pieces), 2)]

    def matches(piece):
        for token in raw_tokens(piece):
            if _word_variants(token) & wanted:
                return True
        return False

    marked = {i for i in word_positions if fold(pieces[i])[:1] and matches(pieces[i])}
    first = min(marked) if marked else 1
    start_word = max(0, word_positions.index(first) - words // 3) if word_positions else 0
    selected = word_positions[start_word : start_word + words]
    if not selected:
        return ""
    begin, end = selected[0], selected[-1]
    out = []
    if start_word > 0:
        out.append("… ")
    for i in range(begin, end + 1):
        piece = escape(" ".join(pieces[i].split()) if i % 2 == 0 else pieces[i])
        if i % 2 == 0 and not piece:
            piece = " " if pieces[i] else ""
        out.append(f"<mark>{piece}</mark>" if i in marked else piece)
    if end < len(pieces) - 2:
        out.append(" …")
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def add_snippets(results, query):
    terms = query_terms(query)
    for result in results:
        if result.kind == KIND_DOCUMENT:
            text = (
                get_document_model()
                .objects.filter(pk=result.obj.pk)
                .values_list("text", flat=True)
                .first()
            )
        else:
            text = searchable_text(result.obj)
            if text.startswith(result.title):
                text = text[len(result.title) :]
        result.snippet = highlight(text or "", terms)
    return results
