"""The admin's document form with upload checks Wagtail does not make itself.

Wagtail checks the extension list (WAGTAILDOCS_EXTENSIONS) and the size. This form also checks
that the bytes match the extension, so an HTML page renamed `.pdf` is refused, and that no
text or office file carries HTML a browser could be tricked into rendering.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP_MAGIC = b"PK\x03\x04"
# What each allowed extension must start with; None: a text format, checked for HTML instead.
MAGIC_BYTES = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP_MAGIC,),
    "xlsx": (ZIP_MAGIC,),
    "odt": (ZIP_MAGIC,),
    "ods": (ZIP_MAGIC,),
    "csv": None,
    "txt": None,
}
HTML_MARKERS = (b"<html", b"<script", b"<!doctype html", b"<svg", b"<iframe", b"<body")
SNIFF_BYTES = 2048


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_document_bytes(name, head):
    """Return an error message if `head` (the first bytes) does not match the file name."""
    extension = extension_of(name)
    if extension not in MAGIC_BYTES:
        return _("Files of this type cannot be uploaded.")
    lowered = head.lower()
    if any(marker in lowered for marker in HTML_MARKERS):
        return _("The file contains HTML or script code and cannot be published as a document.")
    signatures = MAGIC_BYTES[extension]
    if signatures is None:
        if b"\x00" in head:
            return _("This text file contains binary data.")
        return None
    if not head.startswith(signatures):
        return _("The file's content does not match its extension “.%(extension)s”.") % {
            "extension": extension
        }
    return None


class SafeDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or not hasattr(uploaded, "read") or uploaded == self.original_file:
            return uploaded
        position = uploaded.tell() if hasattr(uploaded, "tell") else 0
        uploaded.seek(0)
        head = uploaded.read(SNIFF_BYTES)
        uploaded.seek(position)
        error = check_document_bytes(uploaded.name or "", head)
        if error:
            raise forms.ValidationError(error, code="document_content")
        return uploaded
