from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    IMPORTED = "imported", _("imported")
    HELD = "held", _("in the holding section")
    REDIRECTED = "redirected", _("redirected")
    FILE_MISSING = "file_missing", _("file missing")
    SKIPPED = "skipped", _("skipped")


class ImportRecord(models.Model):
    """One WordPress item (post, page, attachment, category) and what it became here.

    The key (`post:123`, `category:lajme`, ...) finds the item again on a second run, which
    therefore creates nothing twice; a run that stopped halfway continues from the records.
    """

    key = models.CharField(_("WordPress item"), max_length=255, unique=True)
    wp_type = models.CharField(_("WordPress type"), max_length=50)
    title = models.CharField(_("title"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    old_url = models.CharField(_("old address"), max_length=1000, blank=True)
    new_url = models.CharField(_("new address"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices)
    reason = models.TextField(_("reason"), blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "documents.MunicipalDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    comments = models.PositiveIntegerField(_("comments not imported"), default=0)
    updated_at = models.DateTimeField(_("last run"), auto_now=True)

    class Meta:
        verbose_name = _("WordPress import record")
        verbose_name_plural = _("WordPress import records")
        ordering = ["key"]

    def __str__(self):
        return f"{self.key} → {self.new_url or self.status}"
