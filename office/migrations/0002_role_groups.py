from django.db import migrations

ROLES = ["director", "clerk", "shift_leader", "duty_officer", "receptionist", "supervisor"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    """The role groups of DESIGN.md. Their permissions are kept in step after every migrate
    by office.roles.sync_role_permissions (permissions of later apps do not exist yet here)."""

    dependencies = [("office", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, remove_groups)]
