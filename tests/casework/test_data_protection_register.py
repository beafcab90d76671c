"""The register of personal data (casework/data_protection/register.py) covers every casework
model and every field that could hold personal data, so that retention and erasure cannot miss
a new one."""

import pytest
from django.apps import apps
from django.db import models

from casework.data_protection.register import BY_MODEL, CASE, PERSON, REGISTER, blank_value

# Fields that can hold what a person wrote or what identifies them.
TEXT_LIKE = (models.CharField, models.TextField, models.FileField, models.JSONField)


def casework_models():
    return list(apps.get_app_config("casework").get_models())


def text_fields(model):
    return {
        f.name
        for f in model._meta.get_fields()
        if getattr(f, "concrete", False) and isinstance(f, TEXT_LIKE)
    }


@pytest.mark.parametrize("model", casework_models(), ids=lambda m: m.__name__)
def test_every_casework_model_is_in_the_register(model):
    assert model in BY_MODEL, f"Say in the register what {model.__name__} holds and what goes"


@pytest.mark.parametrize("model", casework_models(), ids=lambda m: m.__name__)
def test_every_text_email_file_and_json_field_is_erased_or_kept(model):
    holding = BY_MODEL[model]
    listed = set(holding.erase) | set(holding.keep)
    missing = text_fields(model) - listed
    assert not missing, f"{model.__name__}: say whether {sorted(missing)} is erased or kept"
    assert not set(holding.erase) & set(holding.keep)
    assert listed <= {f.name for f in model._meta.get_fields()}


@pytest.mark.parametrize("model", casework_models(), ids=lambda m: m.__name__)
def test_links_to_people_are_erased_with_them(model):
    """A many-to-many to staff or people is cleared, or the model says it holds none."""
    holding = BY_MODEL[model]
    for f in model._meta.many_to_many:
        if f.related_model is apps.get_model("casework", "Case"):
            continue  # lessons link to cases, not to people
        assert f.name in holding.clear or holding.scope not in (CASE, PERSON), f.name


@pytest.mark.django_db
def test_case_and_person_entries_reach_their_case_or_person():
    for holding in REGISTER:
        if holding.scope in (CASE, PERSON):
            holding.model._base_manager.filter(**{holding.path: 1}).exists()


@pytest.mark.django_db
def test_erased_values_are_empty_of_the_field_s_own_shape():
    letter = apps.get_model("casework", "Letter")
    assert blank_value(letter, "elements") == {}
    assert blank_value(letter, "sent_to") == []
    assert blank_value(letter, "subject") == ""
