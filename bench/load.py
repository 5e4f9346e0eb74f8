#!/usr/bin/env python3
"""Load benchmark: wrk against several targets, one table, cached and uncached side by side.

Each target is LABEL=URL. Typical run (bench/serve.sh starts our two gunicorn instances):

  .venv/bin/python bench/load.py --connections 8 --duration 15 \
      "home, cached=http://127.0.0.1:8101/sq/" "home, uncached=http://127.0.0.1:8102/sq/" \
      "floor=http://127.0.0.1:8101/bench-floor/" "peer home=http://127.0.0.1:8200/"

For every target: requests per second, p50 and p99 latency (wrk, N connections), and time to
first byte (median of sequential single requests on a fresh connection, no load). Prints a
Markdown table and, with --json, the raw figures.
"""

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from http.client import HTTPConnection, HTTPSConnection
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent


def time_to_first_byte(url, samples=20):
    """Median ms from sending the request to reading the status line, one connection each."""
    parts = urlsplit(url)
    connection_class = HTTPSConnection if parts.scheme == "https" else HTTPConnection
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    timings, status, size = [], None, 0
    for _ in range(samples):
        connection = connection_class(parts.hostname, parts.port, timeout=10)
        connection.connect()
        started = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()  # returns once the status line and headers are in
        timings.append((time.perf_counter() - started) * 1000)
        status, size = response.status, len(response.read())
        connection.close()
    return statistics.median(timings), status, size


def run_wrk(url, connections, threads, duration):
    command = [
        "wrk",
        f"-c{connections}",
        f"-t{threads}",
        f"-d{duration}s",
        "--latency",
        "-s",
        str(HERE / "report.lua"),
        url,
    ]
    # The command is wrk with this script's own arguments; no shell.
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    match = re.search(r"^WRK_JSON (.*)$", output, re.MULTILINE)
    if not match:
        raise RuntimeError(f"wrk printed no summary:\n{output}")
    return json.loads(match.group(1))


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("targets", nargs="+", metavar="LABEL=URL")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--duration", type=int, default=15, help="seconds per target")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per target")
    parser.add_argument("--json", action="store_true", help="also print the raw figures")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian package wrk)")

    rows = []
    for target in args.targets:
        label, _, url = target.partition("=")
        if not url:
            sys.exit(f"expected LABEL=URL, got {target!r}")
        ttfb, status, size = time_to_first_byte(url)
        if status != 200:
            sys.exit(f"{label}: {url} answered {status}")
        run_wrk(url, args.connections, args.threads, args.warmup)
        figures = run_wrk(url, args.connections, args.threads, args.duration)
        figures.update(label=label, url=url, ttfb_ms=round(ttfb, 2), size=size)
        rows.append(figures)
        print(f"  measured {label}: {figures['rps']} req/s", file=sys.stderr)

    print(f"\n{args.connections} connections, {args.threads} wrk threads, ", end="")
    print(f"{args.duration} s per target\n")
    print("| target | req/s | p50 ms | p99 ms | TTFB ms | bytes | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['label']} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} "
            f"| {row['ttfb_ms']:.1f} | {row['size']} | {row['socket_errors'] + row['non_2xx']} |"
        )
    if args.json:
        print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
