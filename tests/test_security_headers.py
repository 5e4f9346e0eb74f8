"""Security headers: CSP without 'unsafe-inline' on public pages, nosniff, Referrer-Policy,
frame-ancestors, HSTS in production; templates free of inline script and style."""

import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from .test_settings import PRODUCTION_ENV, PROJECT_DIR


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_send_a_strict_content_security_policy(client, demo_site):
    for url in ("/sq/", "/sr-latn/o-opstini/", "/tr/search/?q=Prizren", "/sq/nothing-here/"):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        directives = csp_directives(response)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], url
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["object-src"] == ["'none'"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_admin_keeps_wagtails_own_headers_without_the_public_csp(admin_client, db):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_production_sends_hsts_over_https():
    code = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/health', HTTP_HOST='prizren.example', HTTP_X_FORWARDED_PROTO='https');"
        "print(r.status_code, r.headers.get('Strict-Transport-Security'));"
        "r = Client().get('/sq/', HTTP_HOST='prizren.example');"
        "print(r.status_code, r.headers.get('Location'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env={**PRODUCTION_ENV, "PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite://:memory:"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = result.stdout.split("\n")
    assert lines[0].startswith("200 max-age=31536000; includeSubDomains; preload"), result
    # Plain HTTP is redirected to HTTPS.
    assert lines[1] == "301 https://prizren.example/sq/", result.stdout + result.stderr


TEMPLATE_DIRS = [PROJECT_DIR / "templates", *PROJECT_DIR.glob("*/templates")]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_no_template_needs_unsafe_inline():
    # Every public template of every app (merged page types included) must work under the CSP:
    # no inline <script>, no <style> element, no style="" attribute, no on*= handler.
    offenders = []
    for directory in TEMPLATE_DIRS:
        for template in Path(directory).rglob("*.html"):
            text = template.read_text(encoding="utf-8")
            for pattern in (INLINE_SCRIPT, INLINE_STYLE, INLINE_HANDLER):
                for match in pattern.finditer(text):
                    offenders.append(f"{template.relative_to(PROJECT_DIR)}: {match.group(0)}")
    assert not offenders, offenders
    assert settings.CONTENT_SECURITY_POLICY.count("'unsafe-inline'") == 0
