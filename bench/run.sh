#!/usr/bin/env bash
# The whole load benchmark in one run: our five page kinds cached and uncached, the floor, and
# the peer when it answers. Start the servers first with bench/serve.sh; the peer (Wagtail's
# bakerydemo, never part of this repository) on PEER_URL with the same gunicorn.conf.py.
#   ./bench/run.sh [--duration 15] [--connections 8]
set -euo pipefail
cd "$(dirname "$0")/.."
OURS_CACHED=${OURS_CACHED:-http://127.0.0.1:8101}
OURS_UNCACHED=${OURS_UNCACHED:-http://127.0.0.1:8102}
PEER_URL=${PEER_URL:-http://127.0.0.1:8200}

pages=(
    "home=/sq/"
    "listing=/sq/njoftime-per-media/"
    "detail=/sq/njoftime-per-media/hamami-rihapet/"
    "search=/sq/search/?q=buxheti"
    "feed=/sq/njoftime-per-media/feed/rss/"
)
targets=()
for page in "${pages[@]}"; do
    targets+=("${page%%=*}, cached=$OURS_CACHED${page#*=}" "${page%%=*}, uncached=$OURS_UNCACHED${page#*=}")
done
targets+=("floor (same bytes as home)=$OURS_CACHED/bench-floor/")
if curl -sf -o /dev/null "$PEER_URL/"; then
    targets+=(
        "peer home=$PEER_URL/"
        "peer listing=$PEER_URL/breads/"
        "peer detail=$PEER_URL/breads/bolani/"
        "peer search=$PEER_URL/search/?q=bread"
    )
else
    echo "bench/run.sh: no peer on $PEER_URL (set PEER_URL); measuring ours only" >&2
fi
exec .venv/bin/python bench/load.py "$@" "${targets[@]}"
