from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from core.published import only_public


def pages_using(document):
    """Pages whose content refers to the document (Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids])


def is_public(document):
    """A document used by pages is public once one of them is live and public.

    A release under embargo, or a consultation not published yet, keeps its attachments
    closed. A document no page uses is served as Wagtail serves it (collection privacy).
    """
    pages = pages_using(document)
    if not pages.exists():
        return True
    return only_public(pages.live()).exists()


def public_document_ids(document_ids):
    """The ids among `document_ids` that `is_public` allows, in three queries (for search)."""
    from wagtail.documents import get_document_model

    document_ids = [int(pk) for pk in document_ids]
    if not document_ids:
        return set()
    model = get_document_model()
    references = (
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(model),
            to_object_id__in=[str(pk) for pk in document_ids],
            base_content_type=ContentType.objects.get_for_model(Page),
        )
        .values_list("to_object_id", "object_id")
        .distinct()
    )
    pages_of = {}
    for document_id, page_id in references:
        pages_of.setdefault(int(document_id), set()).add(int(page_id))
    used_page_ids = {page_id for page_ids in pages_of.values() for page_id in page_ids}
    public_pages = set(
        only_public(Page.objects.filter(pk__in=used_page_ids).live()).values_list("pk", flat=True)
    )
    return {pk for pk in document_ids if pk not in pages_of or pages_of[pk] & public_pages}
