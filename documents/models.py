from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument


class TextStatus(models.TextChoices):
    PENDING = "pending", _("waiting for text extraction")
    EXTRACTED = "extracted", _("text extracted")
    OCR = "ocr", _("text recognised from scanned pages (OCR)")
    EMPTY = "empty", _("no text found")
    UNSUPPORTED = "unsupported", _("file type without text extraction")
    FAILED = "failed", _("text extraction failed")


class MunicipalDocument(AbstractDocument):
    """A Wagtail document that knows its language and carries its text for search."""

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

    admin_form_fields = (*WagtailDocument.admin_form_fields, "language")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
