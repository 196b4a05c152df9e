"""Reads of supervision items, always scoped to the user."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet

from office.roles import has_role

from .models import Task, deadline_light
from .sources import opens_source, register_source

# register_source: for the source apps' extensions.py; deadline_light, light_label: the
# traffic-light rule for other apps' deadlines (petitions), so there is one rule.
__all__ = ["deadline_light", "light_label", "register_source"]


def light_label(light: str) -> str:
    """The light's name as the supervision pages show it ("" for no light)."""
    return str(Task.Light(light).label) if light else ""


# Who sees every item: the people who follow supervision for the office.
OVERSEERS = ("supervisor", "director")


def sees_all(user) -> bool:
    return has_role(user, *OVERSEERS)


def _involved(user) -> Q:
    co_owned = Task.co_owners.through.objects.filter(task_id=OuterRef("pk"), user_id=user.pk)
    return Q(assigned_by=user) | Q(owner=user) | Q(Exists(co_owned))


def _handling(user) -> Q:
    co_owned = Task.co_owners.through.objects.filter(task_id=OuterRef("pk"), user_id=user.pk)
    return Q(owner=user) | Q(Exists(co_owned))


def tasks_for(user) -> QuerySet[Task]:
    """The one rule of who sees an item (board, search, counts, to-do, statistics, pages).

    Its people (assigner, owner, co-owners, supervisors, the director) and, read only,
    whoever may open its source; an item whose source is restricted (秘密/机密) only those
    who may open the source, plus its owner and co-owners."""
    if not (user and user.is_authenticated):
        return Task.objects.none()
    people = Q() if sees_all(user) else _involved(user)
    return Task.objects.filter(
        (people & Q(source_restricted=False)) | opens_source(user) | _handling(user)
    )


def board_for(user) -> QuerySet[Task]:
    """The board's rows: everything a row shows in one query."""
    return tasks_for(user).select_related("owner", "owner_department", "assigned_by")


def tasks_for_source(source) -> QuerySet[Task]:
    """The items created from one record (a document, a resolution ...)."""
    return Task.objects.filter(
        source_type=ContentType.objects.get_for_model(source), source_id=source.pk
    ).select_related("owner", "owner_department")


def tasks_for_records(records) -> QuerySet[Task]:
    """The items created from several records of one model (unscoped: filter by tasks_for)."""
    records = list(records)
    if not records:
        return Task.objects.none()
    return Task.objects.filter(
        source_type=ContentType.objects.get_for_model(records[0]),
        source_id__in=[record.pk for record in records],
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
    return tasks_for(user).filter(status=Task.Status.COMPLETION_REQUESTED).exclude(owner=user)
