"""What migrating a new database leaves behind."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission

pytestmark = pytest.mark.django_db


def test_every_model_has_its_content_type_and_permissions():
    """Django makes these after the last migration; a migration that upsets the app registry
    (as one of ours once did) leaves later models without them, and their admin without
    permissions to grant."""
    missing = [
        f"{model._meta.label}: add_{model._meta.model_name}"
        for model in apps.get_models()
        if not model._meta.abstract
        and not model._meta.proxy
        and "add" in model._meta.default_permissions
        and not Permission.objects.filter(
            content_type__app_label=model._meta.app_label,
            codename=f"add_{model._meta.model_name}",
        ).exists()
    ]
    assert missing == []
