from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.urls import serve_pattern

from core import views as core_views
from core.health import health
from core.login_throttle import (
    password_reset_view,
    throttled_collection_password,
    throttled_frontend_login,
    throttled_login,
    throttled_page_password,
)
from core.sitemap import PublicSitemap
from documents import views as document_views
from search import views as search_views

urlpatterns = [
    # Before Wagtail's own: a throttled admin login, documents served by documents.views.
    path("admin/login/", throttled_login, name="wagtailadmin_login"),
    path("admin/password_reset/", password_reset_view, name="wagtailadmin_password_reset"),
    path("health", health, name="health"),
    path(
        "documents/<id:document_id>/<str:document_filename>",
        document_views.serve,
        name="wagtaildocs_serve",
    ),
    # Only Wagtail's collection-password form: every download goes through documents.views.
    path(
        "documents/authenticate_with_password/<id:restriction_id>/",
        throttled_collection_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("open-data/", include("participation.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.BENCH_FLOOR_FILE:  # benchmark floor (bench/load.py), only when configured
    from core.views import bench_floor

    urlpatterns.append(path("bench-floor/", bench_floor))

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include("participation.public_urls")),
    path("press/", include("media_office.urls")),  # media office: email subscriptions
    # Wagtail's front-end login and page passwords, throttled (core/login_throttle)
    path("_util/login/", throttled_frontend_login, name="wagtailcore_login"),
    path(
        "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/",
        throttled_page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's page URLs (wagtail.urls) without its `<int:…>` patterns, shadowed above.
    re_path(serve_pattern, wagtail_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
