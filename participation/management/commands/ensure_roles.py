from django.apps import apps
from django.core.management.base import BaseCommand

from participation.roles import ROLES, ensure_roles


class Command(BaseCommand):
    help = "Create or correct the communication unit's groups, permissions and workflow."

    def handle(self, *args, **options):
        groups = ensure_roles(apps)
        for role in ROLES:
            group = groups[role.name]
            self.stdout.write(
                f"{group.name}: {group.permissions.count()} model, "
                f"{group.page_permissions.count()} page, "
                f"{group.collection_permissions.count()} collection permissions"
            )
