"""The roles of DESIGN.md, as Django groups, and the model permissions each needs.

Feature apps add their permissions with `grant(role, "app.codename", ...)` in their
AppConfig.ready(); a post_migrate handler adds them to the groups (never removes any).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    DIRECTOR = "director", _("Office director")
    CLERK = "clerk", _("Clerk")
    SHIFT_LEADER = "shift_leader", _("Shift leader")
    DUTY_OFFICER = "duty_officer", _("Duty officer")
    RECEPTIONIST = "receptionist", _("Receptionist")
    SUPERVISOR = "supervisor", _("Supervisor")
    FINANCE = "finance", _("Finance")
    SEAL_KEEPER = "seal_keeper", _("Seal custodian")
    DISPATCHER = "dispatcher", _("Vehicle dispatcher")
    STOREKEEPER = "storekeeper", _("Storekeeper")
    PETITION_OFFICER = "petition_officer", _("Petition officer")


_grants: dict[str, set[str]] = {role.value: set() for role in Role}


def grant(role: str, *permissions: str) -> None:
    """Declare that `role` needs these model permissions ("app_label.codename")."""
    _grants[Role(role).value].update(permissions)


def granted(role: str) -> frozenset[str]:
    return frozenset(_grants[role])


def has_role(user, *roles: str) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*roles))


def users_with_role(*roles: str):
    """Active users who hold any of `roles`: recipients of a notice, people for a picker.

    A queryset without joins or DISTINCT (membership is a subquery), so callers may order,
    filter, lock or count it as they like."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    names = [Role(role).value for role in roles]
    members = User.groups.through.objects.filter(group__name__in=names).values("user_id")
    return User.objects.filter(is_active=True, pk__in=members)


def sync_role_permissions(**kwargs) -> None:
    """post_migrate: give each role group the permissions declared for it.

    Only adds: what an administrator granted a group by hand stays after every migrate. A
    permission no longer declared is left for the administrator to remove (nothing records
    which grants came from code, so none is taken away).
    """
    from django.contrib.auth.models import Group, Permission

    for role in Role:
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = []
        for dotted in sorted(_grants[role.value]):
            app_label, codename = dotted.split(".", 1)
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                wanted.append(perm)
        group.permissions.add(*wanted)
