import posixpath
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.search import index

from core.indexing import folded_text


class TextStatus(models.TextChoices):
    PENDING = "pending", _("waiting for text extraction")
    EXTRACTED = "extracted", _("text extracted")
    OCR = "ocr", _("text recognised from scanned pages (OCR)")
    EMPTY = "empty", _("no text found")
    UNSUPPORTED = "unsupported", _("file type without text extraction")
    FAILED = "failed", _("text extraction failed")


def unguessable_upload_to(document, filename):
    """`documents/<random token>/<file name>`: a file under media cannot be found by guessing
    its name (the download URL keeps the readable name; docs/decisions/0061-document-serving.md)."""
    return posixpath.join("documents", secrets.token_urlsafe(12), filename)


class MunicipalDocument(AbstractDocument):
    """A Wagtail document that knows its language and carries its text for search.

    Public only as core.visibility decides: used by a public page's published content, or
    `published` by an editor in a collection without view restrictions.
    """

    file = models.FileField(upload_to=unguessable_upload_to, max_length=255, verbose_name=_("file"))
    published = models.BooleanField(
        _("published on its own"),
        default=False,
        help_text=_(
            "Public even if no published page uses it (only in a collection without "
            "restrictions). Otherwise the document is public only while a published, public "
            "page uses it."
        ),
    )

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language the document is written in."),
    )
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_status = models.CharField(
        _("text extraction"),
        max_length=20,
        choices=TextStatus.choices,
        default=TextStatus.PENDING,
        editable=False,
    )
    text_error = models.TextField(_("text extraction error"), blank=True, editable=False)
    text_updated_at = models.DateTimeField(_("text extracted at"), null=True, editable=False)

    admin_form_fields = (*WagtailDocument.admin_form_fields, "language", "published")

    # Wagtail indexes a document's title only; the extracted text is searched as well, folded
    # by core/normalise.py like every page.
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("search_folded_text"),
        index.FilterField("language"),
        index.FilterField("text_status"),
    ]

    # Bound on the extracted text: PostgreSQL's tsvector holds at most 1 MB.
    MAX_TEXT_LENGTH = 500_000

    def save(self, *args, **kwargs):
        # A new or replaced file needs its text read again (documents/signals.py).
        if self.pk and self.text_status != TextStatus.PENDING:
            stored = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
            if stored != self.file.name:
                self.text_status = TextStatus.PENDING
        super().save(*args, **kwargs)

    def search_folded_text(self):
        # Empty with SEARCH_BASELINE: stock Wagtail indexes a document's title only.
        return folded_text(
            self, self.language, f"{self.title}\n{self.text[: self.MAX_TEXT_LENGTH]}"
        )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
