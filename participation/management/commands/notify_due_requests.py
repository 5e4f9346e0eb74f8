"""Email staff about access requests due soon or overdue. Run daily from cron."""

from django.core.management.base import BaseCommand

from participation.notifications import notify_due_requests


class Command(BaseCommand):
    help = "Email ACCESS_REQUEST_NOTIFY_EMAILS about requests due soon or overdue (once a day)."

    def handle(self, *args, **options):
        sent = notify_due_requests()
        self.stdout.write(f"Reminders sent: {len(sent)} {' '.join(sent)}".rstrip())
