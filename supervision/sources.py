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
    """Items whose source the user may open (a Q on Task; nothing when none is declared)."""
    found = Q(pk__in=[])
    for access in registered():
        content_type = ContentType.objects.get_for_model(access.model)
        found |= Q(source_type=content_type, source_id__in=access.visible(user).values("pk"))
    return found


def restricted_source() -> Q:
    """Items whose source is 秘密/机密 (or whatever its app declares restricted)."""
    found = Q(pk__in=[])
    for access in registered():
        if access.restricted is None:
            continue
        content_type = ContentType.objects.get_for_model(access.model)
        records = access.model._default_manager.filter(access.restricted).values("pk")
        found |= Q(source_type=content_type, source_id__in=records)
    return found


def may_open_source(user, task) -> bool:
    if task.source_type_id is None:
        return False
    for access in registered():
        if ContentType.objects.get_for_model(access.model).pk == task.source_type_id:
            return access.visible(user).filter(pk=task.source_id).exists()
    return False
