#!/usr/bin/env bash
# The migration measured on a synthetic export of N posts (README, "Migration from the old
# site"): a scratch SQLite database and media folder under var/bench-wordpress/, the demo site
# loaded, then the import timed twice (the second run must create nothing).
#   ./bench/wordpress_import.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-10000}
dir=var/bench-wordpress
rm -rf "$dir" && mkdir -p "$dir"
export DATABASE_URL="sqlite:///$PWD/$dir/db.sqlite3" MEDIA_ROOT="$PWD/$dir/media"
export TASKS_DATABASE=on REDIS_URL=""
python=.venv/bin/python

timed() {
    local label=$1 && shift
    local start=$SECONDS
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s system, %M KB peak" "$@"
    echo "$label: $((SECONDS - start)) s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
}

timed "export of $items posts written" $python scripts/make_wordpress_export.py "$items" \
    "$dir/export.xml" "$dir/uploads"
$python manage.py migrate -v0
$python manage.py load_demo_content >/dev/null
timed "first import" $python manage.py import_wordpress "$dir/export.xml" \
    --uploads "$dir/uploads" --report "$dir/report-1.csv" | tail -3
timed "second import" $python manage.py import_wordpress "$dir/export.xml" \
    --uploads "$dir/uploads" --report "$dir/report-2.csv" | tail -3
