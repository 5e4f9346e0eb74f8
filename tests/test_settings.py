import os
import subprocess
import sys
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k3v9-production-like-secret-for-the-deploy-check-qz81x7w2m4n6p0r5t",
    "ALLOWED_HOSTS": "prizren.example",
    "CSRF_TRUSTED_ORIGINS": "https://prizren.example",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "SITE_CANONICAL_URL": "https://prizren.example",
}


def test_check_deploy_warns_while_the_public_address_is_local():
    env = {**PRODUCTION_ENV, "SITE_CANONICAL_URL": "http://localhost:8000"}
    result = run_manage("check", "--deploy", **env)
    assert "core.W001" in result.stdout + result.stderr


def test_check_deploy_on_production_settings_is_clean():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_database_url_is_honoured_in_every_settings_module():
    url = "postgres://someone@db.example:5433/prizren"
    for module in ("dev", "test", "production"):
        code = (
            "from django.conf import settings; d = settings.DATABASES['default'];"
            "print(d['ENGINE'], d['HOST'], d['PORT'], d['NAME'])"
        )
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            cwd=PROJECT_DIR,
            env={
                **os.environ,
                **PRODUCTION_ENV,
                "DJANGO_SETTINGS_MODULE": f"config.settings.{module}",
                "DATABASE_URL": url,
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout.split() == [
            "django.db.backends.postgresql",
            "db.example",
            "5433",
            "prizren",
        ], module + result.stderr
    assert dj_database_url.parse(url)["NAME"] == "prizren"


def test_redis_url_selects_the_redis_cache(settings):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            "print(settings.CACHES['default']['BACKEND'])",
        ],
        cwd=PROJECT_DIR,
        env={**os.environ, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=60,
    )
    # Django's RedisCache, wrapped so that a Redis outage degrades instead of failing
    assert result.stdout.strip() == "core.cache.FailOpenRedisCache"
