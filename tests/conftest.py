import os
import shutil
from pathlib import Path

import pytest

from tests.media_helpers import budget_topic, press_index  # noqa: F401 - shared fixtures

# The municipality's real content, read-only, beside the project (never copied into it).
# PRIZREN_SHARED_DIR points elsewhere, e.g. from a git worktree.
SHARED_DIR = Path(
    os.environ.get("PRIZREN_SHARED_DIR") or Path(__file__).resolve().parent.parent.parent / "shared"
)


@pytest.fixture(scope="session")
def shared_dir():
    """../shared, for the tests that read the municipality's content: skipped with the reason
    when it is missing, failed in CI (CI=1), where it must be there."""
    if not SHARED_DIR.is_dir():
        message = f"{SHARED_DIR} is missing (the municipality's content): set PRIZREN_SHARED_DIR"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return SHARED_DIR


@pytest.fixture
def caches_on(settings):
    """The page cache, the header and footer cache and the per-process memo on, as in
    production (the test settings turn them off: they outlive each test's transaction); the
    cache is emptied before and after."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 60
    settings.FRAGMENT_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo_tree(django_db_setup, django_db_blocker):
    """The demo site, built once per test module inside a transaction rolled back at its end.

    Each test that asks for `demo_site` runs in a savepoint inside that transaction, so it sees
    the tree as built and leaves nothing behind. `pytest_collection_modifyitems` runs the
    module's other tests first: they never see the tree.
    """
    from django.db import transaction

    from home.demo_content import load_demo_content

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_content()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_site(demo_tree, db):
    """The demo site in the three languages, as `load_demo_content` builds it."""
    from django.core.cache import caches

    from home.models import HomePage

    for cache in caches.all():
        cache.clear()
    return {
        page.locale.language_code: page
        for page in HomePage.objects.filter(depth=2).select_related("locale")
    }


def module_of(item):
    return item.getparent(pytest.Module)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Within each run of one module's tests, those without the shared demo tree come first."""
    ordered, start = [], 0
    for index in range(1, len(items) + 1):
        if index == len(items) or module_of(items[index]) is not module_of(items[start]):
            ordered.extend(
                sorted(items[start:index], key=lambda item: "demo_tree" in item.fixturenames)
            )
            start = index
    items[:] = ordered


def pytest_itemcollected(item):
    """Marks the tests that end with a flush of the database (transactional and live-server
    tests): the flush removes the rows written by migrations, which Django's runner avoids by
    running them last. `make test` runs them in a pytest session of their own."""
    marker = item.get_closest_marker("django_db")
    flushes = marker is not None and marker.kwargs.get("transaction", False)
    if flushes or {"transactional_db", "live_server"} & set(item.fixturenames):
        item.add_marker(pytest.mark.transactional)


# Browser fixtures: Playwright driving Debian's Chromium.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SCRIPT = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module. Fails loudly if Chromium is missing.

    Playwright's sync API keeps an event loop running in the test thread while it is open, and
    Django then refuses ORM calls there unless DJANGO_ALLOW_ASYNC_UNSAFE is set. The calls
    made beside the browser are synchronous and safe; the variable is set only while a browser
    is open (module scope: it is gone before other modules run `check --deploy` in
    subprocesses, which must not inherit it).
    """
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make setup` (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def browser_page(browser):
    """A fresh browser context and tab; the site's CSP applies as in production."""
    context = browser.new_context(locale="sq-AL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def load_demo_site():
    """load_demo_content() for transactional (live server) tests.

    After a transactional test the database is flushed and Django restores the migrated state
    from its serialised copy; in a long session that copy has been seen to come back without
    Wagtail's root page, so it is recreated here when missing.
    """
    from wagtail.models import Collection, Locale, Page

    from home.demo_content import load_demo_content

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code="sq")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    load_demo_content()
