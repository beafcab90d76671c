from django.apps import AppConfig


class RaiseCaseConfig(AppConfig):
    name = "portal.raise_case"
    label = "raise_case"
    verbose_name = "Raise a complaint"
