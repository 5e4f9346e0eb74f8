"""Each language rule, through the real search backend of the database the suite runs on
(SQLite here, PostgreSQL in CI with DATABASE_URL)."""

import pytest

from search import service
from tests.search_helpers import make_document, make_homes, make_page


def titles(query, language="sq", **filters):
    outcome = service.search(query, language, service.Filters(**filters))
    return [result.title for result in outcome.results]


@pytest.fixture
def pages(db):
    homes = make_homes()
    sq, sr, tr = homes["sq"], homes["sr-latn"], homes["tr"]
    return {
        "hoce": make_page(sq, "Dëgjimi buxhetor në Hoçë e Qytetit", "Takim me banorët."),
        "rregullore": make_page(sq, "Konsultimi për Rregulloren e institucioneve arsimore"),
        "vendim": make_page(sq, "Vendimet e Kryetarit, shkurt", "Lista e vendimeve."),
        "sr": make_page(sr, "Oslobađanje od takse za osobe sa invaliditetom", "Zapisnik."),
        "tr": make_page(tr, "İtfaiye aracı alımı", "Kıyı düzenleme komisyonu kuruldu."),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hoce e qytetit", "Dëgjimi buxhetor në Hoçë e Qytetit"),  # ç, ë typed as c, e
        ("HOÇË", "Dëgjimi buxhetor në Hoçë e Qytetit"),
        ("rregullore", "Konsultimi për Rregulloren e institucioneve arsimore"),
        ("rregulloret institucionet", "Konsultimi për Rregulloren e institucioneve arsimore"),
        ("vendim", "Vendimet e Kryetarit, shkurt"),
        ("vendimi", "Vendimet e Kryetarit, shkurt"),
    ],
)
def test_albanian_pages(pages, query, expected):
    assert titles(query, "sq")[:1] == [expected]


@pytest.mark.parametrize(
    "query", ["oslobadjanje takse", "oslobađanje", "ослобађање такса", "INVALIDITET"]
)
def test_serbian_latin_and_cyrillic_queries(pages, query):
    assert titles(query, "sr-latn")[:1] == ["Oslobađanje od takse za osobe sa invaliditetom"]


@pytest.mark.parametrize("query", ["itfaiye araci", "İTFAİYE ARACI", "ITFAIYE", "kiyi komisyon"])
def test_turkish_dotted_and_dotless_i(pages, query):
    assert titles(query, "tr")[:1] == ["İtfaiye aracı alımı"]


def test_pages_of_other_languages_are_not_found(pages):
    assert "Oslobađanje od takse za osobe sa invaliditetom" not in titles("oslobadjanje", "sq")


def test_unpublished_pages_are_not_found(db):
    make_page(make_homes()["sq"], "Draft për bletarët", live=False)
    assert titles("bletaret", "sq") == []


def test_cyrillic_document_found_with_latin_query(db):
    make_document("Одлуке јануар", "Асфалтирање пута у селу Ландовица", language="sr-latn")
    assert titles("asfaltiranje puta landovica", "sr-latn") == ["Одлуке јануар"]


def test_latin_document_found_with_cyrillic_query(db):
    make_document(
        "Zapisnik", "Parkiranje u centru grada, terase ugostiteljskih objekata", "sr-latn"
    )
    assert titles("паркирање у центру", "sr-latn") == ["Zapisnik"]


def test_albanian_document_inflection_and_numbers(db):
    make_document(
        "Vendimet janar", "Vendimi Nr. 01-016/2023-21 për çezmës historike në Marash", "sq"
    )
    make_document("Tjetër", "Vendimi Nr. 01-016/2023-22 për rrugën", "sq")
    assert titles("01-016/2023-21", "sq") == ["Vendimet janar"]
    assert titles("cezma historike marash", "sq")[:1] == ["Vendimet janar"]


def test_exact_match_ranks_above_folded_match(db):
    make_document("Cezma e vjeter", "cezma", "sq")
    make_document("Çezma e vjetër", "çezma", "sq")
    assert titles("çezma", "sq") == ["Çezma e vjetër", "Cezma e vjeter"]
    assert titles("cezma", "sq") == ["Cezma e vjeter", "Çezma e vjetër"]


def test_every_word_ranks_above_some_words(db):
    make_document("Vetëm ujësjellës", "ujësjellësi në qytet", "sq")
    make_document("Ujësjellësi në Vlashnje", "ndërtimi i ujësjellësit në Vlashnje", "sq")
    assert titles("ujesjellesi vlashnje", "sq") == ["Ujësjellësi në Vlashnje", "Vetëm ujësjellës"]


def test_reader_language_documents_first(db):
    make_document("Odluka o taksama", "taksa komunale 2023", "sr-latn")
    make_document("Vendim për taksat", "taksa komunale 2023", "sq")
    assert titles("taksa komunale", "sr-latn")[0] == "Odluka o taksama"
    assert titles("taksa komunale", "sq")[0] == "Vendim për taksat"


def test_filters(pages):
    make_document("Vendimet dokument", "vendimet e kryetarit", "sq")
    assert titles("vendimet", "sq", kind="document") == ["Vendimet dokument"]
    assert "Vendimet dokument" not in titles("vendimet", "sq", kind="page")
    assert titles("vendimet", "sq", document_language="tr") == []
    assert titles("vendimet", "sq", year=2001) == []
