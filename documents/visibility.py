from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex


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
    return pages.live().public().exists()
