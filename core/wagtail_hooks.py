from django.http import Http404
from wagtail import hooks

from core.page_cache import declare
from core.visibility import page_is_visible_to


@hooks.register("before_serve_page", order=-10)
def refuse_closed_pages(page, request, serve_args, serve_kwargs):
    """404 for a page the public may not see (core.visibility): not released yet, expired, an
    alias of a closed page. Its view restrictions are Wagtail's next hook (password, login)."""
    if not page_is_visible_to(request, page, own_restrictions=False):
        raise Http404
    return None


@hooks.register("before_serve_page")
def declare_cache_query_params(page, request, serve_args, serve_kwargs):
    """The page cache keys a page on the query parameters its type says it reads."""
    declare(request, getattr(page, "cache_query_params", ()))
