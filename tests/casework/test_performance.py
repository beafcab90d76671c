"""The governing body's performance view (Code 9.4-9.7), its board pack and exports."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


class TestPermission:
    @pytest.mark.parametrize("group", ["Governing body", "Complaints officer"])
    def test_migrations_grant_the_performance_view(self, group):
        codenames = Group.objects.get(name=group).permissions.values_list("codename", flat=True)
        assert "view_performance" in codenames

    @pytest.mark.parametrize("group", ["Investigator", "Customer services", "Comms editor"])
    def test_other_groups_do_not_have_it(self, group):
        codenames = Group.objects.get(name=group).permissions.values_list("codename", flat=True)
        assert "view_performance" not in codenames
