#!/usr/bin/env bash
# benchmark_search on the three backends in one run, same items and queries (the generator is
# seeded): SQLite, PostgreSQL, and the live engine (OpenSearch, scripts/search-engine) over a
# SQLite database. Each in a scratch database under var/bench-search/ (PostgreSQL: a scratch
# database dropped at the end). Needs ./scripts/services start for PostgreSQL.
#   ./bench/search_backends.sh [ITEMS] [QUERIES]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-10000}
queries=${2:-200}
dir=var/bench-search
rm -rf "$dir" && mkdir -p "$dir"
python=.venv/bin/python
export REDIS_URL="" TASKS_DATABASE="" MEDIA_ROOT="$PWD/$dir/media"
pg_admin="postgres://prizren:prizren@127.0.0.1:5432/postgres"
pg_database="prizren_bench_search_$$"
index="prizren_bench_${$}_"
engine_was_running=$(./scripts/search-engine status >/dev/null 2>&1 && echo yes || echo no)
cleanup() {
    psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $pg_database" 2>/dev/null || true
    [[ -n "${OPENSEARCH_URL:-}" ]] && curl -s -XDELETE "$OPENSEARCH_URL/${index}*" >/dev/null || true
    [[ $engine_was_running == no ]] && ./scripts/search-engine stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

run() {
    local label=$1 && shift
    echo "== $label (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    env "$@" $python manage.py migrate -v0
    # The engine's indexes (and their aliases) exist before the rows are added.
    [[ " $* " == *" OPENSEARCH_URL="* ]] && env "$@" $python manage.py update_index >/dev/null
    env "$@" LOG_LEVEL=ERROR /usr/bin/time -f "$label: %e s wall, %M KB peak" \
        $python manage.py benchmark_search --items "$items" --queries "$queries"
}

run "SQLite database backend" DATABASE_URL="sqlite:///$PWD/$dir/sqlite.sqlite3"
psql "$pg_admin" -qc "CREATE DATABASE $pg_database"
run "PostgreSQL database backend" DATABASE_URL="postgres://prizren:prizren@127.0.0.1:5432/$pg_database"
OPENSEARCH_URL=$(./scripts/search-engine start)
export OPENSEARCH_URL
run "OpenSearch $(curl -s "$OPENSEARCH_URL" | sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p') (SQLite rows)" \
    DATABASE_URL="sqlite:///$PWD/$dir/engine.sqlite3" SEARCH_INDEX_PREFIX="$index" \
    OPENSEARCH_URL="$OPENSEARCH_URL"
