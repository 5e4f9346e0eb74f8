from wagtail.documents.views.serve import serve as wagtail_serve


def serve(request, document_id, document_filename):
    """Wagtail's document view, plus caching headers that follow the collection's privacy.

    Wagtail already sends `Content-Disposition` with an RFC 6266 `filename*`, `nosniff` and
    `Content-Security-Policy: default-src 'none'`; every document is an attachment here
    (WAGTAILDOCS_INLINE_CONTENT_TYPES is empty).
    """
    response = wagtail_serve(request, document_id, document_filename)
    if response.status_code in (200, 304):
        from wagtail.documents import get_document_model

        document = get_document_model().objects.select_related("collection").get(pk=document_id)
        if document.collection.get_view_restrictions().exists():
            response["Cache-Control"] = "private, no-store"
        else:
            response["Cache-Control"] = "public, max-age=300"
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response
