"""The document download: Django decides who gets the file, then either streams it or, with
DOCUMENTS_ACCEL_REDIRECT_PREFIX, lets nginx send it from an `internal` location
(docs/decisions/0061-document-serving.md)."""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import etag
from wagtail import hooks
from wagtail.coreutils import string_to_ascii
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served

from core.visibility import document_is_public


def accel_redirect_path(document):
    """`<prefix><file path relative to MEDIA_ROOT>`, percent-encoded, for X-Accel-Redirect."""
    prefix = settings.DOCUMENTS_ACCEL_REDIRECT_PREFIX
    return prefix.rstrip("/") + "/" + quote(document.file.name.lstrip("/"))


def attachment_disposition(filename):
    """RFC 6266: an ASCII `filename` for old clients, `filename*` with the real name."""
    ascii_name = string_to_ascii(filename).replace("\\", "").replace('"', "")
    disposition = f'attachment; filename="{ascii_name}"'
    if ascii_name != filename:
        disposition += f"; filename*=UTF-8''{quote(filename)}"
    return disposition


def file_response(document):
    """The bytes (or nginx's instruction to send them), with the document's headers.

    No Content-Encoding: the file is sent as stored (Wagtail's sendfile path wrote a literal
    `Content-Encoding: None`).
    """
    if settings.DOCUMENTS_ACCEL_REDIRECT_PREFIX:
        response = HttpResponse(content_type=document.content_type)
        response["X-Accel-Redirect"] = accel_redirect_path(document)
    else:
        try:
            handle = document.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(handle, content_type=document.content_type)
        response["Content-Length"] = document.file.size
    response["Content-Disposition"] = attachment_disposition(document.filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def serve(request, document_id, document_filename):
    """Every document is an attachment (WAGTAILDOCS_INLINE_CONTENT_TYPES is empty)."""
    model = get_document_model()
    document = get_object_or_404(model.objects.select_related("collection"), pk=document_id)
    if document.filename != document_filename:
        raise Http404
    # documents/wagtail_hooks.py (core.visibility), then Wagtail's collection restrictions.
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    document_served.send(sender=model, instance=document, request=request)

    @etag(lambda request: document.file_hash or None)
    def send(request):
        return file_response(document)

    response = send(request)
    if document_is_public(document):
        response["Cache-Control"] = "public, max-age=300"
    else:
        response["Cache-Control"] = "private, no-store"
    return response
