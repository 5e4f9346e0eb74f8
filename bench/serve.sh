#!/usr/bin/env bash
# Start the production-like setup the benchmark measures: gunicorn (gunicorn.conf.py) with
# PostgreSQL and Redis, twice: page cache on (port 8101, also serving the floor view at
# /bench-floor/) and page cache off (port 8102). Stop them with: kill $(cat var/bench/*.pid)
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY=${SECRET_KEY:-bench-only-not-secret-$(hostname)}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export SECURE_SSL_REDIRECT=off
export DOCUMENTS_ACCEL_REDIRECT_PREFIX=  # no nginx in front here: Django sends document bytes itself
export DATABASE_URL=${DATABASE_URL:-postgres://prizren:prizren@127.0.0.1:5432/prizren_bench}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/2}
export GUNICORN_WORKERS=${GUNICORN_WORKERS:-2}
mkdir -p var/bench

database=${DATABASE_URL##*/}
psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$database'" | grep -q 1 \
    || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $database"
.venv/bin/python manage.py migrate --noinput -v0
# The demo site and the real content of ../shared when it is there (idempotent; OCR stays queued).
.venv/bin/python manage.py load_site >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0

PAGE_CACHE_SECONDS=0 GUNICORN_BIND=127.0.0.1:8102 \
    .venv/bin/gunicorn -c gunicorn.conf.py --pid var/bench/uncached.pid --daemon \
    --error-logfile var/bench/uncached.log
sleep 2
# The floor returns the bytes of our home page through the same middleware.
curl -sf http://127.0.0.1:8102/sq/ -o var/bench/home.html
BENCH_FLOOR_FILE=$PWD/var/bench/home.html GUNICORN_BIND=127.0.0.1:8101 \
    .venv/bin/gunicorn -c gunicorn.conf.py --pid var/bench/cached.pid --daemon \
    --error-logfile var/bench/cached.log
sleep 2
curl -sf -o /dev/null http://127.0.0.1:8101/sq/ && echo "serving: cached :8101, uncached :8102"
