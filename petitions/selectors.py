"""Reads of petitions, always scoped: petition staff and the director see every petition; the
handling department's head and the person assigned see theirs; nobody else any."""

from django.db.models import Q, QuerySet

from .models import Extension, Petition
from .permissions import is_staff, sees_all


def petitions_for(user) -> QuerySet[Petition]:
    if not (user and user.is_authenticated and user.is_active):
        return Petition.objects.none()
    petitions = Petition.objects.select_related("department", "assignee")
    if sees_all(user):
        return petitions
    return petitions.filter(Q(assignee=user) | Q(department__head=user))


def has_petitions(user) -> bool:
    """Staff and the director, and whoever has petitions of their own to handle (assigned to
    them, or to the department they head): the menu entry, the 信访 search section and the
    list. One EXISTS query, once per request-bound user."""
    if sees_all(user):
        return True
    if not (user and user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_has_petitions_cache"):
        user._has_petitions_cache = petitions_for(user).exists()
    return user._has_petitions_cache


def may_search(user) -> bool:
    """Whether the portal search shows a 信访 section at all: for those who have petitions."""
    return has_petitions(user)


def petition_list_for(user, *, status: str = "", q: str = "") -> QuerySet[Petition]:
    petitions = petitions_for(user)
    if status:
        petitions = petitions.filter(status=status)
    if q:
        match = Q(title__icontains=q) | Q(matter__icontains=q)
        if is_staff(user):  # only those who see the petitioner may find them by name
            match |= Q(petitioner_name__icontains=q)
        petitions = petitions.filter(match)
    return petitions


def extensions_of(petition: Petition) -> QuerySet[Extension]:
    return petition.extensions.select_related("requested_by").order_by("requested_at")


def _staff_only(user, status) -> QuerySet[Petition]:
    if not is_staff(user):
        return Petition.objects.none()
    return Petition.objects.filter(status=status)


def todo_to_accept(user) -> QuerySet[Petition]:
    return _staff_only(user, Petition.Status.REGISTERED)


def todo_to_assign(user) -> QuerySet[Petition]:
    return _staff_only(user, Petition.Status.ACCEPTED)


def todo_to_handle(user) -> QuerySet[Petition]:
    """For the handling department: the petitions awaiting its reply (处理意见)."""
    if not (user and user.is_authenticated):
        return Petition.objects.none()
    return Petition.objects.filter(
        Q(assignee=user) | Q(department__head=user), status=Petition.Status.ASSIGNED
    )


def todo_to_answer(user) -> QuerySet[Petition]:
    """Replied by the department: tell the petitioner, record their satisfaction."""
    return _staff_only(user, Petition.Status.REPLIED)


def todo_reviews(user) -> QuerySet[Petition]:
    return _staff_only(user, Petition.Status.REVIEWING)


def search(user, term: str, limit: int):
    from office.search import counted

    return counted(petition_list_for(user, q=term), limit)
