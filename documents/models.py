from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument


class MunicipalDocument(AbstractDocument):
    """A Wagtail document that knows its language (and, later, its extracted text)."""

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language the document is written in."),
    )

    admin_form_fields = (*WagtailDocument.admin_form_fields, "language")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
