"""Reads of supervision items, always scoped to the user."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet

from office.roles import has_role

from .models import Task

# Who sees every item: the people who follow supervision for the office.
OVERSEERS = ("supervisor", "director")


def sees_all(user) -> bool:
    return has_role(user, *OVERSEERS)


def _involved(user) -> Q:
    co_owned = Task.co_owners.through.objects.filter(task_id=OuterRef("pk"), user_id=user.pk)
    return Q(assigned_by=user) | Q(owner=user) | Q(Exists(co_owned))


def tasks_for(user) -> QuerySet[Task]:
    """The items the user may see: assigner, owner, co-owner, supervisors and the director."""
    if not (user and user.is_authenticated):
        return Task.objects.none()
    tasks = Task.objects.all()
    if sees_all(user):
        return tasks
    return tasks.filter(_involved(user))


def board_for(user) -> QuerySet[Task]:
    """The board's rows: everything a row shows in one query."""
    return tasks_for(user).select_related("owner", "owner_department", "assigned_by")


def tasks_for_source(source) -> QuerySet[Task]:
    """The items created from one record (a document, a resolution ...)."""
    return Task.objects.filter(
        source_type=ContentType.objects.get_for_model(source), source_id=source.pk
    ).select_related("owner", "owner_department")


def tasks_for_sources(sources) -> dict[int, list[Task]]:
    """{source pk: [items]} for records of one model, in one query."""
    sources = list(sources)
    if not sources:
        return {}
    content_type = ContentType.objects.get_for_model(sources[0])
    found: dict[int, list[Task]] = defaultdict(list)
    tasks = Task.objects.filter(
        source_type=content_type, source_id__in=[source.pk for source in sources]
    ).select_related("owner", "owner_department")
    for task in tasks:
        found[task.source_id].append(task)
    return dict(found)


def todo_mine(user) -> QuerySet[Task]:
    """To-do: the items the user owns that wait on the owner."""
    from .services.schedule import WITH_OWNER

    return Task.objects.filter(owner=user, status__in=WITH_OWNER)


def todo_to_verify(user) -> QuerySet[Task]:
    """To-do: completions a supervisor has to verify (never one's own item)."""
    if not user.has_role("supervisor"):
        return Task.objects.none()
    return Task.objects.filter(status=Task.Status.COMPLETION_REQUESTED).exclude(owner=user)
