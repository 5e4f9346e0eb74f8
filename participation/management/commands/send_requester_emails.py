from django.core.management.base import BaseCommand

from participation.tasks import send_pending_requester_emails


class Command(BaseCommand):
    help = "Send (retry) the emails to requesters that are still unsent."

    def handle(self, *args, **options):
        sent = send_pending_requester_emails()
        self.stdout.write(f"{sent} sent")
