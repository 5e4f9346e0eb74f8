from django.apps import AppConfig


class MediaOfficeConfig(AppConfig):
    name = "media_office"
