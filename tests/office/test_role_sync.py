"""The role sync after each migrate adds declared permissions and keeps an administrator's."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal

from office.roles import granted

pytestmark = pytest.mark.django_db


def test_a_permission_the_administrator_added_survives_the_next_migrate(clerk):
    group = Group.objects.get(name="clerk")
    extra = Permission.objects.get(content_type__app_label="auth", codename="view_group")
    assert "auth.view_group" not in granted("clerk")
    group.permissions.add(extra)  # what an administrator does in the admin

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert group.permissions.filter(pk=extra.pk).exists()
    clerk.refresh_from_db()
    assert clerk.has_perm("auth.view_group")


def test_a_declared_permission_taken_away_is_given_back():
    group = Group.objects.get(name="director")
    group.permissions.clear()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert "office.view_auditevent" in held
