"""gunicorn settings for the application servers (`gunicorn -c gunicorn.conf.py`).

Every value can be overridden by the environment; the defaults suit one small VM behind nginx.
Sync workers: pages are rendered in well under 100 ms and nginx buffers slow clients, so a
slow upload or a slow reader never holds a worker (docs/decisions/0053-load-benchmark.md).
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A worker stuck longer than this is killed and replaced (nginx answers 502 meanwhile).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Load Django once in the master: workers fork ready (a recycled worker answers at once instead
# of importing the whole site for a second while requests queue) and share the code's memory.
preload_app = True
# Recycle workers now and then so a slow memory leak cannot grow for ever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = 1000
# Request line and header limits (the defaults; a 100 KB search query gets a 414).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# nginx on the same host sets X-Forwarded-Proto; no other proxy is trusted.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
