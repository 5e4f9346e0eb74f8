from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaOfficeConfig(AppConfig):
    name = "media_office"
    verbose_name = _("Press office")

    def ready(self):
        from . import signals

        signals.connect()
