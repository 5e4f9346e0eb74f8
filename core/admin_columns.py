"""Listing columns for the admin's snippet views: dates in the admin language's format and
booleans as words, where Wagtail would print `2026-12-01 21:48:00+00:00` and `True`."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.admin.ui.tables import Column


class LocalizedDateColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        if isinstance(value, datetime):
            return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
        return date_format(value, "SHORT_DATE_FORMAT")


class YesNoColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return gettext("Yes") if value else gettext("No")


def field_column(model, name, column_class):
    """A sortable column of a model field, labelled with the field's verbose name."""
    label = capfirst(model._meta.get_field(name).verbose_name)
    return column_class(name, label=label, sort_key=name)
