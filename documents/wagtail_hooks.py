from django.http import Http404
from wagtail import hooks

from core.visibility import document_is_visible_to


@hooks.register("before_serve_document", order=-10)
def refuse_closed_documents(document, request):
    """404 for a document this reader may not see (core.visibility); a collection's own
    restrictions are left to Wagtail's next hook, which asks for the login or password."""
    if not document_is_visible_to(request, document, collection_restrictions=False):
        raise Http404
    return None
