"""Reliability and scale-out: /health, Redis and Elasticsearch outages, the page cache and its
invalidation, CDN purge on publish, settings for several application servers, backup/restore."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from .test_settings import PRODUCTION_ENV, PROJECT_DIR

pytestmark = pytest.mark.shared_redis  # Redis databases the nginx suite uses too


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.PAGE_CACHE_SECONDS = 60
    settings.FRAGMENT_CACHE_SECONDS = 60  # the chrome cache and the per-process memo too
    yield


@pytest.fixture
def redis_up(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/3",
            "KEY_PREFIX": f"test-{os.getpid()}",
        }
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def elasticsearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX": "prizren-test",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        }
    }


def test_health_reports_every_component(client, db):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "search": "database"}
    assert "no-cache" in response["Cache-Control"]


def test_health_with_real_redis_reports_ok(client, db, redis_up):
    assert client.get("/health").json()["cache"] == "ok"


def test_site_keeps_serving_when_redis_is_down(client, demo_site, redis_down):
    started = time.monotonic()
    health = client.get("/health")
    assert health.status_code == 200
    assert health.json() == {"database": "ok", "cache": "down", "search": "database"}
    for url in ("/sq/", "/sr-latn/o-opstini/", "/tr/search/?q=Prizren", "/sq/"):
        assert client.get(url).status_code == 200, url
    # Menus and breadcrumbs are computed per request meanwhile.
    assert b'href="/sq/rreth-komunes/"' in client.get("/sq/").content
    assert b'href="/sr-latn/">' in client.get("/sr-latn/o-opstini/").content
    # Rate limits fail open too: a login attempt is answered, not a 500.
    assert client.post("/admin/login/", {"username": "a", "password": "b"}).status_code == 200
    assert time.monotonic() - started < 5


def test_site_keeps_serving_when_elasticsearch_is_down(client, demo_site, elasticsearch_down):
    started = time.monotonic()
    search = client.get("/sq/search/", {"q": "Prizren"})
    assert search.status_code == 503  # an honest answer, within the 2 s timeout
    assert time.monotonic() - started < 2.5
    assert client.get("/sq/").status_code == 200
    health = client.get("/health")
    assert health.status_code == 200 and health.json()["search"] == "down"


def test_anonymous_pages_are_cached_per_language_and_refreshed_on_publish(
    client, demo_site, caches_on
):
    from home.models import StandardPage

    assert client.get("/sq/rreth-komunes/")["X-Page-Cache"] == "miss"
    assert client.get("/sq/rreth-komunes/")["X-Page-Cache"] == "hit"
    serbian = client.get("/sr-latn/o-opstini/")
    assert serbian["X-Page-Cache"] == "miss" and serbian["Content-Language"] == "sr-latn"
    assert client.get("/sr-latn/o-opstini/")["X-Page-Cache"] == "hit"

    page = StandardPage.objects.get(locale__language_code="sq", slug="rreth-komunes")
    page.title = "Rreth Komunës së Prizrenit"
    page.save_revision().publish()

    fresh = client.get("/sq/rreth-komunes/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "Rreth Komunës së Prizrenit" in fresh.content.decode()
    assert client.get("/sr-latn/o-opstini/")["X-Page-Cache"] == "miss"


def test_signed_in_users_and_sessions_bypass_the_page_cache(
    client, admin_user, demo_site, caches_on
):
    client.get("/sq/")
    assert Client().get("/sq/")["X-Page-Cache"] == "hit"
    client.force_login(admin_user)
    assert "X-Page-Cache" not in client.get("/sq/")


def test_page_cache_works_on_real_redis(client, demo_site, redis_up, settings):
    settings.PAGE_CACHE_SECONDS = 60
    assert client.get("/tr/")["X-Page-Cache"] == "miss"
    hit = client.get("/tr/")
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Content-Security-Policy"].startswith("default-src 'self'")


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server(settings):
    PurgeRecorder.purged = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "purge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    # The app is installed only when FRONTEND_CACHE_PURGE_URL is set; connect its publish
    # handlers here as its ready() would, and disconnect them afterwards.
    from wagtail.contrib.frontend_cache import signal_handlers
    from wagtail.models import get_page_models
    from wagtail.signals import page_published, page_unpublished

    signal_handlers.register_signal_handlers()
    yield PurgeRecorder.purged
    for model in get_page_models():
        page_published.disconnect(signal_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(signal_handlers.page_unpublished_signal_handler, sender=model)
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_from_the_cdn(demo_site, purge_server):
    from home.models import StandardPage

    page = StandardPage.objects.get(locale__language_code="sr-latn", slug="o-opstini")
    page.save_revision().publish()
    assert ("localhost", "/sr-latn/o-opstini/") in purge_server
    page.unpublish()
    assert purge_server.count(("localhost", "/sr-latn/o-opstini/")) == 2


def settings_in(env, expression):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; "
            f"import json; print(json.dumps({expression}, default=str))",
        ],
        cwd=PROJECT_DIR,
        env={"PATH": "/usr/bin:/bin", **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_scale_out_settings_switch_on_with_their_environment_variables():
    shared = settings_in(
        {
            "AWS_STORAGE_BUCKET_NAME": "prizren-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.prizren.example",
            "FRONTEND_CACHE_PURGE_URL": "http://varnish.internal:6081",
        },
        "[settings.STORAGES['default'], settings.SESSION_ENGINE, settings.WAGTAILFRONTENDCACHE,"
        " settings.CACHES['default']['BACKEND']]",
    )
    storage, sessions, frontend, cache_backend = shared
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "prizren-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.prizren.example"
    assert sessions == "django.contrib.sessions.backends.db"  # never the cache (decision 0066)
    assert frontend["purge"]["LOCATION"] == "http://varnish.internal:6081"
    assert cache_backend == "core.cache.FailOpenRedisCache"

    single = settings_in(
        {"REDIS_URL": ""},
        "[settings.STORAGES['default']['BACKEND'], settings.SESSION_ENGINE,"
        " getattr(settings, 'WAGTAILFRONTENDCACHE', None)]",
    )
    assert single == [
        "django.core.files.storage.FileSystemStorage",
        "django.contrib.sessions.backends.db",
        None,
    ]


def test_backup_and_restore_rebuild_a_working_site(tmp_path, settings, db):
    from core.backup import backup_site, restore_site
    from home.models import StandardPage

    from .conftest import load_demo_site

    settings.MEDIA_ROOT = str(tmp_path / "media")
    load_demo_site()
    # Published on its own: an upload no page uses is closed otherwise (core.visibility).
    document = get_document_model()(title="Buxheti 2026", language="sq", published=True)
    document.file.save("buxheti-2026.pdf", ContentFile(b"%PDF-1.4 buxheti\n%%EOF"), save=False)
    document.save()
    pages_before = StandardPage.objects.count()

    archive = tmp_path / "prizren.tar.gz"
    manifest = backup_site(archive)
    assert manifest["media_files"] == 1 and manifest["objects"] > 50

    # Disaster: pages deleted, a title vandalised, the media file lost.
    StandardPage.objects.get(locale__language_code="tr", slug="belediye-hakkinda").delete()
    page = StandardPage.objects.get(locale__language_code="sq", slug="rreth-komunes")
    page.title = "vandalised"
    page.save_revision().publish()
    document.file.storage.delete(document.file.name)

    restore_site(archive)

    assert StandardPage.objects.count() == pages_before
    assert StandardPage.objects.get(slug="rreth-komunes").title == "Rreth Komunës"
    restored = get_document_model().objects.get(title="Buxheti 2026")
    with restored.file.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 buxheti\n%%EOF"
    client = Client()
    for url in ("/sq/rreth-komunes/", "/tr/belediye-hakkinda/", "/sr-latn/"):
        assert client.get(url).status_code == 200, url
    results = client.get("/sq/search/", {"q": "Prizren"})
    assert results.status_code == 200 and len(results.context["results"]) > 0
    assert client.get(restored.url).status_code == 200


def test_restore_refuses_an_archive_with_unsafe_names(tmp_path, db):
    import io
    import tarfile

    from core.backup import BackupError, restore_site

    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in (("manifest.json", b'{"format": 1}'), ("media/../../etc/x", b"x")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(BackupError):
        restore_site(archive)
