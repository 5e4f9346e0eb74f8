from datetime import date

from django.db import migrations

from participation.holidays import FIXED_HOLIDAYS, MOVING_HOLIDAYS, RECURRING_YEAR


def seed(apps, schema_editor):
    PublicHoliday = apps.get_model("participation", "PublicHoliday")
    for month, day, name in FIXED_HOLIDAYS:
        PublicHoliday.objects.get_or_create(
            date=date(RECURRING_YEAR, month, day), recurs_yearly=True, defaults={"name": name}
        )
    for iso_date, name in MOVING_HOLIDAYS:
        PublicHoliday.objects.get_or_create(
            date=date.fromisoformat(iso_date), recurs_yearly=False, defaults={"name": name}
        )


class Migration(migrations.Migration):
    dependencies = [("participation", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
