"""The monthly circular 督办通报: what it says, computed for one month."""

import datetime

from django.db.models import Q
from django.utils import timezone

from .assessment import assessment_for
from .models import Task, local_today
from .statistics import OFFICE_WIDE, month_start, statistics_for


def circular_context(first: datetime.date) -> dict:
    """Items due in the month, the rate by department, and what is overdue (with owners).

    Office-wide: only supervisors and the director may see a circular."""
    next_month = month_start(first, back=-1)
    # Shared with every overseer: an item from a 秘密/机密 source is counted, never named.
    scoped = Task.objects.filter(source_restricted=False).select_related(
        "owner", "owner_department"
    )
    items = list(
        scoped.filter(deadline__gte=first, deadline__lt=next_month)
        .exclude(status=Task.Status.CANCELLED)
        .order_by("owner_department__name", "deadline", "pk")
    )
    # Overdue as of the month's end (or today, for the running month).
    cutoff = min(local_today(), next_month)
    overdue = list(
        scoped.filter(status__in=Task.OPEN, deadline__lt=cutoff).order_by("deadline", "pk")
    )
    filed = scoped.filter(created_at__date__gte=first, created_at__date__lt=next_month).count()
    stats = statistics_for(OFFICE_WIDE, month=first, months=1)
    # the ladder's last step: red for N days, the director told (escalated in or before the
    # month and still open then)
    escalated = list(
        scoped.filter(escalated_at__date__lt=next_month)
        .filter(Q(status__in=Task.OPEN) | Q(completed_at__date__gte=first))
        .order_by("escalated_at", "pk")
    )
    return {
        "month": first,
        "issue": first.month,
        "items": items,
        "overdue": [(task, (cutoff - task.deadline).days) for task in overdue],
        "filed": filed,
        "stats": stats,
        "escalated": escalated,
        "scores": assessment_for(OFFICE_WIDE, month=first),
        "generated_at": timezone.localtime(),
    }
