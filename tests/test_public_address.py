"""robots.txt, favicon.ico and the check of the Site's host."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings
from wagtail.models import Site

pytestmark = [pytest.mark.django_db]


@override_settings(SITE_CANONICAL_URL="https://prizren.example/")
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: https://prizren.example/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_favicon_ico_is_not_missing(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/img/favicon.svg")


def test_a_local_site_is_reported_by_the_database_check(db):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()
    ids = [
        message.id for message in run_checks(include_deployment_checks=True, databases=["default"])
    ]
    assert "core.W002" in ids
    site.hostname, site.port = "prizren.example", 443
    site.save()
    ids = [
        message.id for message in run_checks(include_deployment_checks=True, databases=["default"])
    ]
    assert "core.W002" not in ids
