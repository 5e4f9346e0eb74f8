from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import MunicipalDocument, TextStatus
from .tasks import extract_document_text_task


@receiver(post_save, sender=MunicipalDocument)
def queue_text_extraction(sender, instance, raw=False, **kwargs):
    """A document waiting for its text gets a background task (never run in the request when
    a task worker runs: the database task backend only stores the task)."""
    if raw or instance.text_status != TextStatus.PENDING or not instance.file:
        return
    extract_document_text_task.enqueue(instance.pk)
