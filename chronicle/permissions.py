"""Who may do what with the chronicle: staff read the accepted entries; the office (clerks and
the director) writes entries and decides suggestions."""

from office.roles import has_role

from .models import Entry


def may_read(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def may_manage(user) -> bool:
    return has_role(user, "clerk", "director")


def can_decide(user, entry: Entry) -> bool:
    return may_manage(user) and entry.status == Entry.Status.SUGGESTED


def can_edit(user, entry: Entry) -> bool:
    return may_manage(user) and entry.status != Entry.Status.DISCARDED
