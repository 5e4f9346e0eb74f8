"""Render the nginx configuration shipped in deploy/nginx/ (manage.py nginx_config)."""

import os
import re
from pathlib import Path

from django.conf import settings

DEPLOY_DIR = Path(settings.BASE_DIR) / "deploy" / "nginx"
SAFE_VALUE = re.compile(r"[A-Za-z0-9_.:/\[\]-]+")
PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


def _checked(name, value):
    # A value reaches nginx's syntax verbatim: no spaces, quotes, semicolons or braces.
    if not SAFE_VALUE.fullmatch(str(value)):
        raise ValueError(f"{name}: {value!r} is not a plain address, name or path")
    return str(value)


def _fill(template, values):
    def replace(match):
        return values[match.group(1)]

    return PLACEHOLDER.sub(replace, template)


def render_server(
    *,
    listen,
    upstreams,
    server_name="_",
    real_ip_from=(),
    forwarded_proto="https",
    static_root=None,
    media_root=None,
):
    """The `upstream` and `server` blocks (deploy/nginx/prizren.conf) for these values."""
    real_ip = ""
    if real_ip_from:
        lines = [f"    set_real_ip_from {_checked('real_ip_from', cidr)};" for cidr in real_ip_from]
        lines += ["    real_ip_header X-Forwarded-For;", "    real_ip_recursive on;"]
        real_ip = "\n".join(lines) + "\n"
    servers = "\n    ".join(
        f"server {_checked('upstream', upstream)} max_fails=0;" for upstream in upstreams
    )
    values = {
        "LISTEN": _checked("listen", listen),
        "SERVER_NAME": _checked("server_name", server_name),
        "UPSTREAM_SERVERS": servers,
        "REAL_IP": real_ip,
        "FORWARDED_PROTO": _checked("forwarded_proto", forwarded_proto),
        "STATIC_ROOT": _checked("static_root", Path(static_root or settings.STATIC_ROOT)),
        "MEDIA_ROOT": _checked("media_root", Path(media_root or settings.MEDIA_ROOT)),
    }
    return _fill((DEPLOY_DIR / "prizren.conf").read_text(), values)


def write_standalone(prefix, **server_options):
    """A complete configuration under `prefix` for an unprivileged nginx; returns its path."""
    prefix = Path(prefix)
    prefix.mkdir(parents=True, exist_ok=True)
    (prefix / "prizren.conf").write_text(render_server(**server_options))
    # Started by root (a CI container), workers would drop to `nobody` and lose the files.
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = _fill(
        (DEPLOY_DIR / "standalone.conf").read_text(),
        {"PREFIX": _checked("prefix", prefix), "USER": user},
    )
    path = prefix / "nginx.conf"
    path.write_text(main)
    return path
