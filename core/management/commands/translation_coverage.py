from django.core.management.base import BaseCommand, CommandError

from core import upstream_catalogues


class Command(BaseCommand):
    help = "Print the share of translated entries per upstream admin catalogue and language."

    def add_arguments(self, parser):
        parser.add_argument(
            "--minimum",
            type=float,
            default=None,
            help="fail when a catalogue is below this share (e.g. 0.98)",
        )

    def handle(self, *args, minimum=None, **options):
        rows = [
            upstream_catalogues.coverage(upstream_catalogues.Catalogue(app, english.stem, code))
            for app, _dir, english, code in upstream_catalogues.all_catalogues()
        ]
        width = max(len(f"{r.catalogue.app} {r.catalogue.domain}") for r in rows)
        languages = upstream_catalogues.LANGUAGES
        self.stdout.write(" " * width + "".join(f"{code:>18}" for code in languages))
        table = {}
        for row in rows:
            name = f"{row.catalogue.app} {row.catalogue.domain}"
            table.setdefault(name, {})[row.catalogue.language] = row
        totals = {code: [0, 0] for code in languages}
        for name, cells in table.items():
            line = f"{name:<{width}}"
            for code in languages:
                cell = cells[code]
                totals[code][0] += cell.translated
                totals[code][1] += cell.total
                line += f"{cell.translated:>7}/{cell.total:<5} {cell.share:>4.0%}"
            self.stdout.write(line)
        line = f"{'all':<{width}}"
        for code in languages:
            done, total = totals[code]
            line += f"{done:>7}/{total:<5} {done / total if total else 1:>4.0%}"
        self.stdout.write(line)
        if minimum is not None:
            low = [r for r in rows if r.share < minimum]
            if low:
                names = ", ".join(
                    f"{r.catalogue.app} {r.catalogue.domain} {r.catalogue.language} {r.share:.0%}"
                    for r in low
                )
                raise CommandError(f"below {minimum:.0%}: {names}")
