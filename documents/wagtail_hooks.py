from django.http import Http404
from wagtail import hooks
from wagtail.documents import get_document_model

from .visibility import is_public


@hooks.register("before_serve_document")
def refuse_documents_of_unpublished_pages(document, request):
    options = get_document_model()._meta
    if request.user.has_perm(f"{options.app_label}.change_{options.model_name}"):
        return None
    if not is_public(document):
        raise Http404
    return None
