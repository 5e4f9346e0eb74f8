"""Wagtail's Elasticsearch 8 backend, with the site's analyzers and a short circuit breaker.

Server: Elasticsearch 8.x, client elasticsearch-py 8.x (pinned in pyproject.toml; a 9.x client
sends `compatible-with=9`, which ES 8 refuses). See docs/decisions/0033-elasticsearch.md.

- Text arrives already folded by search.normalise (the `search_folded_text` field): it is
  split on whitespace only, so Elasticsearch sees exactly the tokens the database backend sees.
- Every other text field (titles as typed) gets `prizren_text`: lower case, Serbian
  Cyrillic→Latin (`serbian_normalization`) and `asciifolding`, close to the normaliser.
- When the server is refused or does not answer within TIMEOUT (2 s), the backend is marked
  down for DOWN_SECONDS: later calls fail at once instead of waiting again, so a publish that
  saves three pages waits at most one timeout and search falls back to the database at once.
"""

import logging
import threading
import time

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)

from search.indexing import FOLDED_FIELD

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

    def is_down(self):
        return time.monotonic() < self.down_until

    def trip(self):
        with self._lock:
            self.down_until = time.monotonic() + DOWN_SECONDS

    def reset(self):
        with self._lock:
            self.down_until = 0.0


breaker = _Breaker()


def _service_errors():
    import elastic_transport
    import elasticsearch

    return (elastic_transport.TransportError, elasticsearch.ApiError, OSError)


def guarded(call, *args, **kwargs):
    """Run one call to the server, failing fast while the breaker is open."""
    if breaker.is_down():
        raise SearchServiceDown("Elasticsearch was unreachable less than 30 s ago")
    try:
        return call(*args, **kwargs)
    except _service_errors() as error:
        import elasticsearch

        # An HTTP error answer (400, 404…) means the server is up: do not open the breaker.
        if not isinstance(error, elasticsearch.ApiError):
            breaker.trip()
            logger.warning(
                "Elasticsearch unreachable, failing fast for %ss: %s", DOWN_SECONDS, error
            )
        raise


def _set_analyzers(properties):
    for name, mapping in properties.items():
        if mapping.get("type") == "nested":
            _set_analyzers(mapping["properties"])
        elif mapping.get("type") == "text" and "analyzer" not in mapping:
            if name == FOLDED_FIELD or name.endswith("__" + FOLDED_FIELD):
                mapping["analyzer"] = FOLDED_ANALYZER
            else:
                mapping["analyzer"] = TEXT_ANALYZER


class PrizrenMapping(Elasticsearch8Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        _set_analyzers(mapping["properties"])
        return mapping


class PrizrenSearchQueryCompiler(Elasticsearch8SearchQueryCompiler):
    mapping_class = PrizrenMapping


class PrizrenSearchResults(Elasticsearch8SearchResults):
    def _backend_do_search(self, body, **kwargs):
        return guarded(super()._backend_do_search, body, **kwargs)

    def _do_count(self):
        return guarded(super()._do_count)


class PrizrenElasticsearchBackend(Elasticsearch8SearchBackend):
    mapping_class = PrizrenMapping
    query_compiler_class = PrizrenSearchQueryCompiler
    results_class = PrizrenSearchResults

    def __init__(self, params):
        params = dict(params)
        params.setdefault("TIMEOUT", 2)
        params["INDEX_SETTINGS"] = _merge(INDEX_SETTINGS, params.get("INDEX_SETTINGS", {}))
        options = dict(params.get("OPTIONS", {}))
        options.setdefault("max_retries", 0)
        options.setdefault("retry_on_timeout", False)
        params["OPTIONS"] = options
        super().__init__(params)

    def add(self, obj):
        return guarded(super().add, obj)

    def add_bulk(self, model, obj_list):
        return guarded(super().add_bulk, model, obj_list)

    def delete(self, obj):
        return guarded(super().delete, obj)


def _merge(base, extra):
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


SearchBackend = PrizrenElasticsearchBackend
