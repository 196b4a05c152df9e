"""The monthly circular 督办通报: what it says, computed for one month."""

import datetime

from django.utils import timezone

from .models import Task, local_today
from .sources import restricted_source
from .statistics import OFFICE_WIDE, month_start, statistics_for


def circular_context(first: datetime.date) -> dict:
    """Items due in the month, the rate by department, and what is overdue (with owners).

    Office-wide: only supervisors and the director may see a circular."""
    next_month = month_start(first, back=-1)
    # Shared with every overseer: an item from a 秘密/机密 source is counted, never named.
    scoped = Task.objects.exclude(restricted_source()).select_related("owner", "owner_department")
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
    return {
        "month": first,
        "issue": first.month,
        "items": items,
        "overdue": [(task, (cutoff - task.deadline).days) for task in overdue],
        "filed": filed,
        "stats": stats,
        "generated_at": timezone.localtime(),
    }
