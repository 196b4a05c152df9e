"""Which records items come from, and who may open them: declared by the source's app
(supervision may not import documents or meetings).

    supervision.selectors.register_source(
        IncomingDocument, visible=selectors.incoming_for, restricted=Q(security_level__in=...)
    )

`visible(user)` is a queryset of the records the user may open; `restricted` a Q on the model
for records whose items only their readers, the owner and co-owners may see (秘密/机密).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .models import Task


@dataclass(frozen=True)
class SourceAccess:
    model: type
    visible: Callable
    restricted: Q | None = None


_SOURCES: dict[str, SourceAccess] = {}


def register_source(model, *, visible: Callable, restricted: Q | None = None) -> None:
    _SOURCES[model._meta.label_lower] = SourceAccess(model, visible, restricted)


def registered() -> list[SourceAccess]:
    return list(_SOURCES.values())


def opens_source(user) -> Q:
    """Items whose source the user may open (a Q on Task; nothing when none is declared).

    One `pk IN (items of this source whose record the user may open)` per source: inside, the
    planner walks the few items that have such a source and probes each record, instead of
    hashing every record the user may open (at a million documents, seconds per query)."""
    found = Q(pk__in=[])
    for access in registered():
        content_type = ContentType.objects.get_for_model(access.model)
        opened = Task.objects.filter(
            source_type=content_type, source_id__in=access.visible(user).values("pk")
        )
        found |= Q(pk__in=opened.values("pk"))
    return found


def restricted_records(model_label: str):
    """The source model's restricted records (a queryset), or None when it declares none."""
    access = _SOURCES.get(model_label)
    if access is None or access.restricted is None:
        return None
    return access.model._default_manager.filter(access.restricted)


def is_restricted(source_type_id: int | None, source_id: int | None) -> bool:
    """Whether an item from this record is restricted (秘密/机密, or as its app declares):
    kept on the item as Task.source_restricted when the item is made."""
    if source_type_id is None or source_id is None:
        return False
    content_type = ContentType.objects.get_for_id(source_type_id)
    records = restricted_records(f"{content_type.app_label}.{content_type.model}")
    return records is not None and records.filter(pk=source_id).exists()


def may_open_source(user, task) -> bool:
    if task.source_type_id is None:
        return False
    for access in registered():
        if ContentType.objects.get_for_model(access.model).pk == task.source_type_id:
            return access.visible(user).filter(pk=task.source_id).exists()
    return False
