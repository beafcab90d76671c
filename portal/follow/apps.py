from django.apps import AppConfig


class FollowConfig(AppConfig):
    name = "portal.follow"
    label = "follow"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Following a case"
