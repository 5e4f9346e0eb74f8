"""modelsearch's OpenSearch 2 backend with the site's analyzers and circuit breaker
(search/backends/engine.py, docs/decisions/0036-search-engine.md).

Server: OpenSearch 2.x (the engine of scripts/search-engine is 2.19); client opensearch-py 2.x.
"""

from modelsearch.backends.opensearch2 import (
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
    OpenSearch2SearchResults,
)

from .engine import engine_params, guarded, set_analyzers

# Seconds a query may take before search falls back to the database (indexing keeps TIMEOUT).
SEARCH_TIMEOUT = 1.5
# Creating, mapping, aliasing and deleting indexes, and batches (update_index, a drain after
# an outage) wait for shards on every node: they get this long, not the 2 s of a live save.
MANAGE_TIMEOUT = 60
BATCH_ITEMS = 50


class PrizrenOpenSearchIndex(OpenSearch2Index):
    def __init__(self, backend, name):
        super().__init__(backend, name)
        self.live_es, self.es = self.es, backend.manage_es

    def add_item(self, item):
        self.es, managed = self.live_es, self.es
        try:
            return super().add_item(item)
        finally:
            self.es = managed

    def delete_item(self, item):
        self.es, managed = self.live_es, self.es
        try:
            return super().delete_item(item)
        finally:
            self.es = managed

    def add_items(self, model, items):
        if len(items) > BATCH_ITEMS:
            return super().add_items(model, items)
        self.es, managed = self.live_es, self.es
        try:
            return super().add_items(model, items)
        finally:
            self.es = managed


class PrizrenOpenSearchMapping(OpenSearch2Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        set_analyzers(mapping["properties"])
        return mapping


class PrizrenOpenSearchQueryCompiler(OpenSearch2SearchQueryCompiler):
    mapping_class = PrizrenOpenSearchMapping


class PrizrenOpenSearchResults(OpenSearch2SearchResults):
    def _backend_do_search(self, body, **kwargs):
        # A reader waits SEARCH_TIMEOUT at most before the database answers instead.
        kwargs.setdefault("request_timeout", self.backend.search_timeout)
        return guarded(super()._backend_do_search, body, **kwargs)

    def _do_count(self):
        return guarded(super()._do_count)


class PrizrenOpenSearchBackend(OpenSearch2SearchBackend):
    mapping_class = PrizrenOpenSearchMapping
    index_class = PrizrenOpenSearchIndex
    query_compiler_class = PrizrenOpenSearchQueryCompiler
    results_class = PrizrenOpenSearchResults

    def __init__(self, params):
        params = engine_params(params)
        self.search_timeout = params.pop("SEARCH_TIMEOUT", SEARCH_TIMEOUT)
        options = dict(params["OPTIONS"])
        super().__init__(params)
        self.manage_es = self.client_class(
            hosts=self.hosts, **(options | {"timeout": MANAGE_TIMEOUT})
        )

    def add(self, obj):
        return guarded(super().add, obj)

    def add_bulk(self, model, obj_list):
        return guarded(super().add_bulk, model, obj_list)

    def delete(self, obj):
        return guarded(super().delete, obj)


SearchBackend = PrizrenOpenSearchBackend
