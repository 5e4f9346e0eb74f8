"""The live search engine (OpenSearch 2.19 from scripts/search-engine): what the backend sends
is accepted and analysed as the normaliser folds; every content change reaches the index;
nothing closed comes out of it. Marked `search_engine`: one engine per session
(tests/search_engine_helpers.py)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from core.normalise import WORD_RE, fold, index_text
from core.translation import translate_page
from documents.models import MunicipalDocument
from home.models import StandardPage
from search import service
from search.backends.engine import FOLDED_ANALYZER, TEXT_ANALYZER, breaker
from search.models import PendingIndexChange
from tests.media_helpers import make_release
from tests.search_engine_helpers import (
    clear_indexes,
    create_indexes,
    engine_settings,
    search_engine,  # noqa: F401 - the session fixture
)
from tests.search_helpers import make_document, make_homes, make_page

pytestmark = pytest.mark.search_engine

_created = set()


@pytest.fixture
def engine(settings, search_engine, django_capture_on_commit_callbacks):  # noqa: F811
    """The site's default backend on the live engine (database fallback), indexes empty.

    A test's transaction never commits: `commit()` (below) runs what a commit would run, the
    drain of search/queue.py included."""
    settings.WAGTAILSEARCH_BACKENDS, settings.SEARCH_FALLBACK_BACKEND = engine_settings(
        search_engine.url
    )
    breaker.reset()
    backend = get_search_backend()
    if search_engine.url not in _created:
        create_indexes(backend)
        _created.add(search_engine.url)
    clear_indexes(backend)
    yield backend
    breaker.reset()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def found(query, language, backend):
    """Titles the site's search finds, through the engine only (a fallback fails the test)."""
    backend.refresh_indexes()
    outcome = service.search(query, language)
    assert outcome.backend == "default" and not outcome.fell_back
    return [result.title for result in outcome.results]


def source(backend, obj):
    """The document the engine holds for `obj`."""
    index = backend.get_index_for_object(obj)
    backend.refresh_indexes()
    return backend.es.get(index=index.name, id=str(obj.pk))["_source"]


def in_index(backend, obj):
    index = backend.get_index_for_object(obj)
    backend.refresh_indexes()
    return backend.es.exists(index=index.name, id=str(obj.pk))


# --- settings, mappings, analyzers -----------------------------------------------------------


def test_index_settings_and_mappings_are_accepted(engine):
    page_index = engine.get_index_for_model(StandardPage)
    settings = engine.es.indices.get_settings(index=page_index.name)
    analysis = next(iter(settings.values()))["settings"]["index"]["analysis"]["analyzer"]
    assert analysis[TEXT_ANALYZER]["filter"] == [
        "lowercase",
        "serbian_normalization",
        "asciifolding",
    ]
    assert analysis[FOLDED_ANALYZER]["tokenizer"] == "whitespace"
    for model in (StandardPage, MunicipalDocument):
        index = engine.get_index_for_model(model)
        mapping = next(iter(engine.es.indices.get_mapping(index=index.name).values()))
        properties = mapping["mappings"]["properties"]
        folded = [name for name in properties if name.endswith("search_folded_text")]
        assert folded, model
        assert {properties[name]["analyzer"] for name in folded} == {FOLDED_ANALYZER}
        assert properties["title"]["analyzer"] == TEXT_ANALYZER


# Words as readers and editors type them: Albanian, Serbian Latin and Cyrillic, Turkish,
# capitals, and the codes of municipal acts.
ANALYZER_TABLE = [
    # Albanian: ë, ç, capitals
    "Hoçë", "ujësjellës", "çështje", "Rregullore", "KOMUNËS", "bujqësi", "ndriçim",
    "Prizrenit", "dëgjim", "qendër", "Ëndërr", "ÇELËSI",
    # Serbian Latin: č, ć, đ, dž, š, ž, lj, nj
    "odluka", "Čišćenje", "ćelija", "Đakovica", "đak", "džamija", "DŽEP", "Žalba", "rešenje",
    "Ljubižda", "Njegoš",
    # Serbian Cyrillic
    "Одлука", "Општина", "Ђаковица", "Џамија", "ЉУБИЖДА", "Њива", "Ћирилица", "Жалба",
    "Шума", "Чишћење",
    # Turkish: ş, ğ, ı, İ, ö, ü
    "Belediye", "şehir", "ağaç", "ılık", "İTFAİYE", "Işık", "İstanbul", "ıspanak", "güzel",
    "öğrenci", "Çarşı", "DOĞU",
    # codes and case
    "01-016/2023-86", "03/L-215", "Nr.001/011-38749", "2023", "PRIZREN", "prizren",
]  # fmt: skip


def analyze(backend, analyzer, text):
    index = backend.get_index_for_model(StandardPage).name
    response = backend.es.indices.analyze(index=index, body={"analyzer": analyzer, "text": text})
    return [token["token"] for token in response["tokens"]]


def test_server_analyzers_agree_with_the_normaliser(engine):
    assert len(ANALYZER_TABLE) >= 40
    text_rows, folded_rows = [], []
    for word in ANALYZER_TABLE:
        # Titles as typed: the server folds them itself, as core.normalise.fold does.
        text_rows.append((word, analyze(engine, TEXT_ANALYZER, word), WORD_RE.findall(fold(word))))
        # The folded field: the server keeps exactly the normaliser's tokens.
        indexed = index_text(word)
        folded_rows.append((word, analyze(engine, FOLDED_ANALYZER, indexed), indexed.split()))
    assert [row for row in text_rows if row[1] != row[2]] == []
    assert [row for row in folded_rows if row[1] != row[2]] == []
    # A few spelled out, so the table cannot agree by being empty.
    assert dict((w, got) for w, got, _ in text_rows)["Ђаковица"] == ["djakovica"]
    assert dict((w, got) for w, got, _ in text_rows)["İTFAİYE"] == ["itfaiye"]
    assert "01016202386" in dict((w, got) for w, got, _ in folded_rows)["01-016/2023-86"]


# --- every change reaches the index ----------------------------------------------------------


def test_publish_unpublish_and_delete_reach_the_engine(engine, commit, db):
    homes = make_homes()
    with commit():
        page = make_page(homes["sq"], "Rikonstruimi i ujësjellësit", "Punimet në Vlashnje")
    assert source(engine, page)["live_filter"] is True
    assert found("ujesjellesit vlashnje", "sq", engine) == ["Rikonstruimi i ujësjellësit"]
    with commit():
        page.unpublish()
    assert source(engine, page)["live_filter"] is False
    assert found("ujesjellesit vlashnje", "sq", engine) == []
    with commit():
        page.save_revision().publish()
    assert found("ujesjellesit", "sq", engine) == ["Rikonstruimi i ujësjellësit"]
    with commit():
        page.delete()
    assert not in_index(engine, page)
    assert PendingIndexChange.objects.count() == 0
    assert found("ujesjellesit", "sq", engine) == []


def test_embargo_release_reaches_the_engine(engine, commit, press_index):
    with commit():
        release = make_release(
            press_index,
            "Ndërtimi i urës në Marash",
            date=timezone.now() + timedelta(days=1),
            lead="Njoftim nën embargo",
        )
    assert not release.live
    assert found("marash", "sq", engine) == []
    past = timezone.now() - timedelta(minutes=1)
    revision = release.latest_revision
    revision.content["date"] = past.isoformat()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    with commit():
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert source(engine, release)["live_filter"] is True
    assert found("marash", "sq", engine) == ["Ndërtimi i urës në Marash"]


def test_translation_reaches_the_engine(engine, commit, demo_site):
    with commit():
        page = make_page(demo_site["sq"], "Pastrimi i lumit", "Aksion vullnetar")
        translate_page(
            page, "sr-latn", {"Pastrimi i lumit": "Čišćenje reke", "Aksion vullnetar": "Akcija"}
        )
    assert found("ciscenje reke", "sr-latn", engine)[:1] == ["Čišćenje reke"]
    assert found("Чишћење", "sr-latn", engine) == ["Čišćenje reke"]
    assert found("pastrimi", "sq", engine) == ["Pastrimi i lumit"]


def test_document_upload_and_deletion_reach_the_engine(engine, commit, db):
    with commit():
        document = make_document("Vendimi 01-016/2023-86", "Asfaltimi i rrugës në Landovicë", "sq")
    assert found("01-016/2023-86", "sq", engine) == ["Vendimi 01-016/2023-86"]
    assert found("landovice", "sq", engine) == ["Vendimi 01-016/2023-86"]
    with commit():
        document.delete()
    assert not in_index(engine, document)
    assert found("landovice", "sq", engine) == []


# --- nothing closed comes out of the engine --------------------------------------------------

SECRET = "Sekretvlashnje"


def test_nothing_closed_is_found_through_the_engine(engine, commit, press_index):
    home = press_index.get_parent().specific
    with commit():
        draft = make_page(home, f"{SECRET} draft", "", live=False)
        draft.save_revision()
        private = make_page(home, f"{SECRET} private", "")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        unpublished = make_page(home, f"{SECRET} unpublished", "")
        unpublished.unpublish()
        embargoed = make_release(
            press_index, f"{SECRET} embargo", date=timezone.now() + timedelta(days=1), lead=SECRET
        )
        public = make_page(home, f"{SECRET} public", "")
    # The engine holds what was saved, closed pages too (live_filter false, or restricted) …
    assert source(engine, draft)["live_filter"] is False
    assert source(engine, unpublished)["live_filter"] is False
    assert source(engine, private)["live_filter"] is True
    # … and the site's search shows only the public page.
    assert found(SECRET, "sq", engine) == [f"{SECRET} public"]
    assert public.live and not embargoed.live
