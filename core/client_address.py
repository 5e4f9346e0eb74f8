"""The client's address, as every rate limit and throttle sees it.

gunicorn sets REMOTE_ADDR to its TCP peer, which behind nginx is nginx. The proxy's
X-Forwarded-For header is read only when that peer is one of TRUSTED_PROXIES (addresses or
networks); from anyone else the header is the client's own words and is ignored. The header is
read from the right: the first address that is not itself a trusted proxy is the client
(docs/decisions/0067-trusted-proxies.md).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

UNKNOWN = "unknown"


@lru_cache(maxsize=8)
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _parse(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_address(request):
    peer_text = request.META.get("REMOTE_ADDR", "")
    peer = _parse(peer_text)
    if peer is None:
        return peer_text.strip() or UNKNOWN
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not _trusted(peer, networks):
        return str(peer)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed(forwarded.split(",")):
        address = _parse(hop)
        if address is None:
            break  # a garbled header: only the trusted peer itself is known for sure
        if not _trusted(address, networks):
            return str(address)
    return str(peer)
