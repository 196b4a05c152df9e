"""Who may do and see what in the leaders' schedule (docs/ARCHITECTURE.md, Confidentiality)."""

from office.roles import has_role

from .models import Visibility


def may_manage(user) -> bool:
    """The office keeps the list of leaders, enters activities and publishes the week."""
    return has_role(user, "clerk", "director")


def _is_leader(user) -> bool:
    from .models import Leader

    return Leader.objects.filter(user=user, active=True).exists()


def _heads(user) -> bool:
    from office.models import Department

    return Department.objects.filter(head=user).exists()


def levels_for(user) -> set[str]:
    """The visibilities `user` sees for every leader: office all three, leaders and department
    heads public and internal, staff public. A leader also sees his own office-only rows
    (rows_visible adds them)."""
    if not (user and user.is_authenticated):
        return set()
    if may_manage(user):
        return set(Visibility.values)
    if _is_leader(user) or _heads(user):
        return {Visibility.PUBLIC, Visibility.INTERNAL}
    return {Visibility.PUBLIC}


def sees_row(user, levels: set[str], row) -> bool:
    """`row` has .visibility and .leader (a Leader): may `user` see it at all?"""
    return row.visibility in levels or row.leader.user_id == user.pk
