"""Settings shared by every environment.

Everything that differs between machines comes from environment variables; the table in
README.md lists them. `DATABASE_URL` is honoured here, so dev, test and production run the
same code on SQLite or PostgreSQL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "core",
    "documents",
    "home",
    "transparency",
    "media_office",
    "search",
    "participation",
    "wordpress_import",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
]

MIDDLEWARE = [
    # /sr-cyrl/ is the Serbian site in Cyrillic, transliterated on the way out (core/cyrillic.py).
    "core.cyrillic.SerbianCyrillicMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A strict Content-Security-Policy on public pages; the admin keeps Wagtail's own headers as
    # it needs inline scripts (core/middleware.py, decision 0050).
    "core.middleware.SecurityHeadersMiddleware",
    # Old WordPress addresses by query (/?p=123): before the views, which answer `/` themselves.
    "wordpress_import.middleware.OldQueryLinkMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The anonymous page cache sits after authentication, so it knows who is asking.
    "core.middleware.AnonymousPageCacheMiddleware",
    # Below it, for pages that are rendered: the request's Site without a query (core.published).
    "core.published.SiteLookupMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Databases: SQLite file by default, anything dj-database-url understands when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every application server), memory otherwise.
# A Redis outage must not take the site down, so the Redis backend fails open (core/cache.py).
# Sessions live in the database, never in the cache: a login or a form must work while Redis is
# down, and a logout must hold when it comes back (decision 0066).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "prizren"),
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Albanian is the source language; Serbian is published in Latin script, as Kosovo
# institutions write it (docs/decisions/0002-serbian-locale.md).
LANGUAGE_CODE = "sq"
LANGUAGES = [
    ("sq", "Shqip"),
    ("sr-latn", "Srpski"),
    ("tr", "Türkçe"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The project's catalogues, then those it keeps for the upstream admin (core.upstream_catalogues).
LOCALE_PATHS = [
    BASE_DIR / "locale",
    *sorted(path for path in (BASE_DIR / "locale" / "upstream").glob("*") if path.is_dir()),
]
# Albanian date formats Django lacks (core/formats/sq; docs/decisions/0045-admin-listings.md).
FORMAT_MODULE_PATH = ["core.formats"]
TIME_ZONE = "Europe/Belgrade"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "komunikimi@prizren.example")

# Wagtail
WAGTAIL_SITE_NAME = "Komuna e Prizrenit"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# The public address (robots.txt's sitemap; `manage.py set_site_address`; core.checks warns
# while it, or the Site, is still a local address).
SITE_CANONICAL_URL = os.environ.get("SITE_CANONICAL_URL", WAGTAILADMIN_BASE_URL)
WAGTAILDOCS_DOCUMENT_MODEL = "documents.MunicipalDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# e.g. "/_protected_media/": downloads answer with X-Accel-Redirect to that nginx `internal`
# location (alias MEDIA_ROOT) instead of streaming the file (docs/decisions/0061).
DOCUMENTS_ACCEL_REDIRECT_PREFIX = os.environ.get("DOCUMENTS_ACCEL_REDIRECT_PREFIX", "")
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# About 40 megapixels: a 100-megapixel JPEG costs close to 1 GB of memory to resize.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("en", "English"),
    ("sq", "Shqip"),
    ("sr-latn", "Srpski"),
    ("tr", "Türkçe"),
]

# Search: Wagtail's database backend (SQLite FTS5 or PostgreSQL full text) unless a search
# engine is configured: OPENSEARCH_URL (OpenSearch 2, what scripts/search-engine runs,
# docs/decisions/0036-search-engine.md) or ELASTICSEARCH_URL (Elasticsearch 8, decision 0033).
# Then the database backend is kept up to date as well and answers while the engine is down.
# Text is folded in Python (core/normalise.py), so PostgreSQL only needs `simple`.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
if ELASTICSEARCH_URL and OPENSEARCH_URL:
    raise ImproperlyConfigured("Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both")
# One prefix per environment (prizren_prod_, prizren_staging_…) when they share a cluster.
SEARCH_INDEX_PREFIX = os.environ.get(
    "SEARCH_INDEX_PREFIX", os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "prizren_")
)
DATABASE_SEARCH_BACKEND = {
    "BACKEND": "wagtail.search.backends.database",
    "SEARCH_CONFIG": "simple",
}
# Only to measure stock Wagtail search as a baseline (manage.py evaluate_search --baseline).
SEARCH_BASELINE = env_bool("SEARCH_BASELINE")
if SEARCH_BASELINE:
    DATABASE_SEARCH_BACKEND = {"BACKEND": "wagtail.search.backends.database"}
if ELASTICSEARCH_URL or OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch"
            if OPENSEARCH_URL
            else "search.backends.elasticsearch",
            "URLS": env_list("OPENSEARCH_URL" if OPENSEARCH_URL else "ELASTICSEARCH_URL"),
            "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
            "TIMEOUT": 2,
            # No retry on one node; on several, a refused node is retried on the next one.
            "OPTIONS": {"retry_on_timeout": False},
            # Replicas per shard: 1 on a cluster of 3 nodes (README, Search engine).
            "INDEX_SETTINGS": {
                "settings": {
                    "index": {
                        "number_of_replicas": int(os.environ.get("SEARCH_INDEX_REPLICAS", "1"))
                    }
                }
            },
            # Changes reach the engine through the durable queue of search/queue.py, not
            # through Wagtail's signal handlers (docs/decisions/0037-index-queue.md).
            "AUTO_UPDATE": False,
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
    SEARCH_FALLBACK_BACKEND = "database"
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}
    SEARCH_FALLBACK_BACKEND = ""

# wagtail-localize: synchronised trees (docs/decisions/0003-synchronised-trees.md).
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Two queues: "documents" (text extraction, OCR) and "default" (emails, index updates), each run
# by its own `db_worker --queue-name …` in production, so one bad file never holds the mail.
# Background tasks (document OCR, search index updates): the database queue of django-tasks-db,
# run by `manage.py db_worker`, when TASKS_DATABASE is on (production.py turns it on by
# default); the immediate backend otherwise (docs/decisions/0032-document-text.md).
TASK_QUEUES = ["default", "documents"]


def task_settings(database_queue):
    backend = (
        "django_tasks_db.DatabaseBackend"
        if database_queue
        else "django_tasks.backends.immediate.ImmediateBackend"
    )
    return {"default": {"BACKEND": backend, "QUEUES": TASK_QUEUES}}


TASKS = task_settings(env_bool("TASKS_DATABASE"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Participation: access to public documents, consultation comments.
# Legal periods of Law No. 06/L-081 on Access to Public Documents (docs/decisions/0040).
# None of these figures could be checked against the law's text here: the texts at hand (the
# 2022-2024 communication strategy, the 2023 annual report) cite the older Law No. 03/L-215
# and state no periods. They are settings so the legal office can correct them without a release.
ACCESS_REQUEST_DEADLINE_DAYS = int(os.environ.get("ACCESS_REQUEST_DEADLINE_DAYS", "7"))
# Total period from receipt when the requester is notified of an extension (not added to the 7).
ACCESS_REQUEST_EXTENDED_DAYS = int(os.environ.get("ACCESS_REQUEST_EXTENDED_DAYS", "15"))
# Where life or liberty is at stake: hours from receipt, weekends and holidays included.
ACCESS_REQUEST_URGENT_HOURS = int(os.environ.get("ACCESS_REQUEST_URGENT_HOURS", "48"))
# False: calendar days, a period ending on a weekend or holiday moves to the next working day.
# True: only working days (Monday-Friday, not a PublicHoliday) are counted.
ACCESS_REQUEST_COUNT_WORKING_DAYS = env_bool("ACCESS_REQUEST_COUNT_WORKING_DAYS", False)
# "Due soon": this many days or fewer left; staff are emailed daily about these.
ACCESS_REQUEST_DUE_SOON_DAYS = int(os.environ.get("ACCESS_REQUEST_DUE_SOON_DAYS", "2"))
ACCESS_REQUEST_NOTIFY_EMAILS = env_list("ACCESS_REQUEST_NOTIFY_EMAILS", "")
# Days to complain to the Information and Privacy Agency after a decision or after silence.
ACCESS_REQUEST_COMPLAINT_DAYS = int(os.environ.get("ACCESS_REQUEST_COMPLAINT_DAYS", "15"))
ACCESS_REQUEST_LETTER_MAX_BYTES = 20 * 1024 * 1024
# Emails to requesters: attempts before a failing address is given up (manage.py
# send_requester_emails retries the others).
ACCESS_REQUEST_EMAIL_ATTEMPTS = int(os.environ.get("ACCESS_REQUEST_EMAIL_ATTEMPTS", "5"))
# Public forms: submissions per address per hour.
PARTICIPATION_RATE_LIMIT = int(os.environ.get("PARTICIPATION_RATE_LIMIT", "10"))
PARTICIPATION_RATE_PERIOD = 3600
# Compliance dashboard: a decision month is late when it ended this many days ago unpublished.
DECISION_MONTH_PUBLICATION_DAYS = int(os.environ.get("DECISION_MONTH_PUBLICATION_DAYS", "15"))
# A closed consultation without a published report is flagged after this many days.
CONSULTATION_REPORT_DAYS = int(os.environ.get("CONSULTATION_REPORT_DAYS", "15"))
OPEN_DATA_LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "Komuna e Prizrenit / Municipality of Prizren",
}
# Security headers (core/middleware.py, decision 0050).
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"

# Anonymous public pages, cached per URL (so per language prefix); 0 turns the cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Header, footer and language switcher, cached per language until the next publish (core.chrome);
# 0 also turns off the per-process memo of sites and privacy (core.published).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "3600"))

# Media on S3-compatible object storage when a bucket is configured (several app servers).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "file_overwrite": False,
        },
    }

# Purge a CDN or Varnish in front of the site when pages are published (HTTP PURGE).
# Installed only when configured: its publish handler computes page URLs through the cache
# even with no purge backend.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = {
        "purge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Documents: always downloaded as attachments, never rendered inline by the browser;
# uploads validated by extension, size and magic bytes (documents/forms.py).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.SafeDocumentForm"

# The proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated): the
# client address of rate limits and throttles (core/client_address.py). Empty: REMOTE_ADDR only.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")

# Editor login: at most this many attempts per address and user name per window (temporary).
LOGIN_ATTEMPTS_LIMIT = int(os.environ.get("LOGIN_ATTEMPTS_LIMIT", "10"))
LOGIN_ATTEMPTS_PERIOD = int(os.environ.get("LOGIN_ATTEMPTS_PERIOD", "300"))
# Failures on one account from every client together before it waits 1 s, 2 s, 4 s… between
# attempts (at most LOGIN_BACKOFF_MAX_SECONDS; known devices never wait; decision 0065).
LOGIN_ACCOUNT_SOFT_LIMIT = int(os.environ.get("LOGIN_ACCOUNT_SOFT_LIMIT", "50"))
LOGIN_BACKOFF_MAX_SECONDS = int(os.environ.get("LOGIN_BACKOFF_MAX_SECONDS", "600"))
# Password reset: requests per client and emails per address in the period.
PASSWORD_RESET_LIMIT = int(os.environ.get("PASSWORD_RESET_LIMIT", "5"))
PASSWORD_RESET_EMAILS = int(os.environ.get("PASSWORD_RESET_EMAILS", "3"))
PASSWORD_RESET_PERIOD = int(os.environ.get("PASSWORD_RESET_PERIOD", "3600"))

# Benchmark floor (bench/load.py): a view returning a fixed file through the same middleware.
BENCH_FLOOR_FILE = os.environ.get("BENCH_FLOOR_FILE", "")

# Text extraction runs in a child process with these limits (documents/extraction.py): a
# hostile PDF costs at most this much time and memory, and the worker goes on.
DOCUMENT_EXTRACTION_SECONDS = int(os.environ.get("DOCUMENT_EXTRACTION_SECONDS", "60"))
DOCUMENT_EXTRACTION_MEMORY_MB = int(os.environ.get("DOCUMENT_EXTRACTION_MEMORY_MB", "768"))
DOCUMENT_OCR_SECONDS = int(os.environ.get("DOCUMENT_OCR_SECONDS", "900"))
