"""Every status change of a request with an email address queues one email to the requester."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import RequesterEmail, StatusChange
from .tasks import send_requester_email_task


@receiver(post_save, sender=StatusChange, dispatch_uid="participation_requester_email")
def queue_requester_email(sender, instance, created, raw=False, **kwargs):
    if not created or raw or not instance.request.email:
        return
    email = RequesterEmail.objects.create(status_change=instance)
    transaction.on_commit(lambda: send_requester_email_task.enqueue(email.pk))
