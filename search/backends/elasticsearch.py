"""Wagtail's Elasticsearch 8 backend with the site's analyzers and circuit breaker
(search/backends/engine.py, docs/decisions/0033-elasticsearch.md).

Server: Elasticsearch 8.x, client elasticsearch-py 8.x (pinned in pyproject.toml; a 9.x client
sends `compatible-with=9`, which ES 8 refuses). OpenSearch: search/backends/opensearch.py.
"""

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)

from .engine import (  # noqa: F401 - re-exported for the tests and the service
    DOWN_SECONDS,
    FOLDED_ANALYZER,
    INDEX_SETTINGS,
    TEXT_ANALYZER,
    SearchServiceDown,
    breaker,
    engine_params,
    guarded,
    set_analyzers,
)


class PrizrenMapping(Elasticsearch8Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        set_analyzers(mapping["properties"])
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
        super().__init__(engine_params(params))

    def add(self, obj):
        return guarded(super().add, obj)

    def add_bulk(self, model, obj_list):
        return guarded(super().add_bulk, model, obj_list)

    def delete(self, obj):
        return guarded(super().delete, obj)


SearchBackend = PrizrenElasticsearchBackend
