from django.contrib.contenttypes.models import ContentType

from office.middleware import current_ip, valid_ip
from office.models import AuditEvent


def audit(*, actor, verb: str, target=None, data: dict | None = None, ip: str | None = None):
    """Record that `actor` did `verb` to `target`; the request's IP is taken if not given."""
    event = AuditEvent(
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=verb,
        data=data or {},
        # Only a validated address: the column is inet and a bad value would fail the insert.
        ip=valid_ip(ip) or current_ip.get(),
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target)
        event.target_id = str(target.pk)
        event.target_repr = str(target)[:200]
    event.save()
    return event


def history_for(target):
    """The audit events of one record, newest first, with their actors."""
    return (
        AuditEvent.objects.filter(
            target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


# verb -> translated label, e.g. {"minutes.approved": _("Minutes approved")}; apps add theirs
# in AppConfig.ready() with register_verbs(). Unknown verbs show as they are.
VERB_LABELS: dict[str, object] = {}


def register_verbs(labels: dict[str, object]) -> None:
    VERB_LABELS.update(labels)
