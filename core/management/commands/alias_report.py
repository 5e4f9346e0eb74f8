"""How many pages of each language's tree are still aliases of the Albanian page, per type."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Count, Q
from wagtail.models import Page


def alias_table():
    """{(page type, language code): (aliases, pages)} over every tree but the root's."""
    rows = (
        Page.objects.filter(depth__gt=1)
        .order_by()
        .values("content_type__app_label", "content_type__model", "locale__language_code")
        .annotate(pages=Count("pk"), aliases=Count("pk", filter=Q(alias_of__isnull=False)))
    )
    return {
        (
            f"{row['content_type__app_label']}.{row['content_type__model']}",
            row["locale__language_code"],
        ): (row["aliases"], row["pages"])
        for row in rows
    }


class Command(BaseCommand):
    help = "Aliases (untranslated pages) per language and page type."

    def handle(self, *args, **options):
        table = alias_table()
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        types = sorted({page_type for page_type, _code in table})
        self.stdout.write("page type".ljust(40) + "".join(code.rjust(12) for code in codes))
        totals = {code: [0, 0] for code in codes}
        for page_type in types:
            cells = []
            for code in codes:
                aliases, pages = table.get((page_type, code), (0, 0))
                totals[code][0] += aliases
                totals[code][1] += pages
                cells.append(f"{aliases}/{pages}".rjust(12))
            self.stdout.write(page_type.ljust(40) + "".join(cells))
        self.stdout.write(
            "all".ljust(40) + "".join(f"{a}/{p}".rjust(12) for a, p in totals.values())
        )
