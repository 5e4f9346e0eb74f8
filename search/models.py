from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexChange(models.Model):
    """An object whose state the search engine has not received yet (search/queue.py).

    Written in the transaction that saves or deletes the object; removed once the engine has
    the object's current state (or knows it is gone). One row per object: a second change
    before the engine took the first only moves `changed_at`.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    changed_at = models.DateTimeField(_("changed at"))
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending search index change")
        verbose_name_plural = _("pending search index changes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_pending_change_unique"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"
