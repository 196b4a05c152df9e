"""Rest rules (settings): the longest continuous duty and the least rest between two shifts.
They warn, never refuse: an office short of people may still need the roster."""

from datetime import datetime, timedelta

from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from duty import conf
from duty.models import Assignment

TOUCHING = timedelta(minutes=1)  # shifts this close are one stretch of duty


def rest_warnings(*, person, starts_at: datetime, ends_at: datetime, exclude_pks=()) -> list[str]:
    """What `person` on duty from starts_at to ends_at would break, as sentences."""
    longest = timedelta(hours=conf.max_continuous_hours())
    rest = timedelta(hours=conf.min_rest_hours())
    reach = max(longest, rest) + timedelta(days=3)
    others = list(
        Assignment.objects.filter(
            person=person, starts_at__lt=ends_at + reach, ends_at__gt=starts_at - reach
        )
        .exclude(pk__in=list(exclude_pks))
        .order_by("starts_at")
        .values_list("starts_at", "ends_at")
    )
    warnings = []
    # The stretch of back-to-back duty the new one joins.
    first, last = starts_at, ends_at
    changed = True
    while changed:
        changed = False
        for other_start, other_end in others:
            if other_start <= last + TOUCHING and other_end >= first - TOUCHING:
                if other_start < first or other_end > last:
                    first, last = min(first, other_start), max(last, other_end)
                    changed = True
    if last - first > longest:
        warnings.append(
            _(
                "%(person)s would be on duty for %(hours)s hours without a break "
                "(%(start)s – %(end)s); the longest allowed is %(limit)s hours."
            )
            % {
                "person": person,
                "hours": round((last - first).total_seconds() / 3600),
                "start": localtime(first).strftime("%m-%d %H:%M"),
                "end": localtime(last).strftime("%m-%d %H:%M"),
                "limit": conf.max_continuous_hours(),
            }
        )
    for other_start, other_end in others:
        gap = max(other_start - last, first - other_end)
        if TOUCHING < gap < rest:
            warnings.append(
                _(
                    "%(person)s would have only %(hours)s hours of rest between shifts "
                    "(at least %(limit)s)."
                )
                % {
                    "person": person,
                    "hours": round(gap.total_seconds() / 3600, 1),
                    "limit": conf.min_rest_hours(),
                }
            )
            break
    return warnings
