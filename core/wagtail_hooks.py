from wagtail import hooks

from core.page_cache import declare


@hooks.register("before_serve_page")
def declare_cache_query_params(page, request, serve_args, serve_kwargs):
    """The page cache keys a page on the query parameters its type says it reads."""
    declare(request, getattr(page, "cache_query_params", ()))
