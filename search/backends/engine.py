"""What the site's Elasticsearch 8 and OpenSearch 2 backends share: the analyzers, the mapping
rule that gives every text field one of them, and a short circuit breaker.

- Text arrives already folded by core.normalise (the `search_folded_text` field): it is
  split on whitespace only, so the engine sees exactly the tokens the database backend sees.
- Every other text field (titles as typed) gets `prizren_text`: lower case, Serbian
  Cyrillic→Latin (`serbian_normalization`) and `asciifolding`, close to the normaliser.
- When the server is refused or does not answer within TIMEOUT (2 s), the backend is marked
  down for DOWN_SECONDS: later calls fail at once instead of waiting again, so a publish that
  saves three pages waits at most one timeout and search falls back to the database at once.
"""

import logging
import threading
import time

from core.indexing import FOLDED_FIELD

logger = logging.getLogger(__name__)

DOWN_SECONDS = 30.0

TEXT_ANALYZER = "prizren_text"
FOLDED_ANALYZER = "prizren_folded"

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                TEXT_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "serbian_normalization", "asciifolding"],
                },
                FOLDED_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "whitespace",
                    "filter": ["lowercase"],
                },
            }
        }
    }
}


class SearchServiceDown(Exception):
    """The search server failed recently; calls fail fast until it is given another try."""


class _Breaker:
    def __init__(self):
        self._lock = threading.Lock()
        self.down_until = 0.0
        self.seconds = DOWN_SECONDS
        # Called (outside the lock) after the first successful call following an outage.
        self.on_recovery = []
        self._tripped = False

    def is_down(self):
        return time.monotonic() < self.down_until

    def trip(self):
        with self._lock:
            self.down_until = time.monotonic() + self.seconds
            self._tripped = True

    def reset(self):
        with self._lock:
            self.down_until = 0.0
            self._tripped = False

    def succeeded(self):
        if not self._tripped:
            return
        with self._lock:
            recovered, self._tripped = self._tripped, False
        if recovered:
            for callback in list(self.on_recovery):
                callback()


breaker = _Breaker()


def connection_errors():
    """Errors that mean the server was not reached or did not answer (not an HTTP answer)."""
    errors = [OSError]
    try:
        import elastic_transport

        errors.append(elastic_transport.TransportError)  # elasticsearch-py 8: no HTTP answer
    except ImportError:  # pragma: no cover
        pass
    try:
        import opensearchpy

        errors.append(opensearchpy.ConnectionError)  # ConnectionTimeout, SSLError too
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def service_errors():
    """Every error the engine's client raises: no answer, or an HTTP error answer."""
    errors = list(connection_errors())
    try:
        import elasticsearch

        errors.append(elasticsearch.ApiError)
    except ImportError:  # pragma: no cover
        pass
    try:
        import opensearchpy

        errors.append(opensearchpy.TransportError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def guarded(call, *args, **kwargs):
    """Run one call to the server, failing fast while the breaker is open."""
    if breaker.is_down():
        raise SearchServiceDown("The search engine was unreachable less than 30 s ago")
    try:
        result = call(*args, **kwargs)
    except connection_errors() as error:
        breaker.trip()
        logger.warning(
            "Search engine unreachable, failing fast for %ss: %s", breaker.seconds, error
        )
        raise
    # An HTTP error answer (400, 404…) raised above means the server is up: no trip.
    breaker.succeeded()
    return result


def set_analyzers(properties):
    for name, mapping in properties.items():
        if mapping.get("type") == "nested":
            set_analyzers(mapping["properties"])
        elif mapping.get("type") == "text" and "analyzer" not in mapping:
            if name == FOLDED_FIELD or name.endswith("__" + FOLDED_FIELD):
                mapping["analyzer"] = FOLDED_ANALYZER
            else:
                mapping["analyzer"] = TEXT_ANALYZER


def engine_params(params):
    """The backend's parameters with the site's analyzers, a 2 s timeout and no retries."""
    params = dict(params)
    params.setdefault("TIMEOUT", 2)
    params["INDEX_SETTINGS"] = merge(INDEX_SETTINGS, params.get("INDEX_SETTINGS", {}))
    options = dict(params.get("OPTIONS", {}))
    # One node: no retry (the breaker decides). Several: a refused node is retried on the next
    # one at once, so a cluster with a node down keeps answering.
    urls = params.get("URLS") or []
    options.setdefault("max_retries", max(0, len(urls) - 1) if isinstance(urls, list) else 0)
    options.setdefault("retry_on_timeout", False)
    params["OPTIONS"] = options
    return params


def merge(base, extra):
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged
