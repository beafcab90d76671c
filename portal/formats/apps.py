from django.apps import AppConfig


class FormatsConfig(AppConfig):
    name = "portal.formats"
    label = "formats"
    verbose_name = "Asking for another format"
