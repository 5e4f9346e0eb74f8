from django.core.management.base import BaseCommand

from search.models import PendingIndexChange
from search.queue import drain


class Command(BaseCommand):
    help = "Send the search index changes the engine has not received yet (search/queue.py)."

    def handle(self, *args, **options):
        sent = drain()
        left = PendingIndexChange.objects.count()
        self.stdout.write(f"sent {sent} pending index change(s), {left} left")
