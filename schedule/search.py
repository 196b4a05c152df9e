"""What the portal search (office.search) finds in the leaders' schedule: activities by their
title or place, scoped as the week page shows each row — the office the live entries of every
visibility; everyone else the published weeks' rows of the visibilities they may see (and a
leader his own office-only ones), never a week the office has not published."""

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from office.search import Hit, counted

from .models import Entry, PlanRow
from .permissions import levels_for, may_manage


def _meta(leader, start, place: str, visibility_label) -> str:
    when = date_format(timezone.localtime(start), "Y-m-d H:i")
    return " · ".join(str(p) for p in (leader.user, when, place, visibility_label) if p)


def _counted(queryset, limit: int, hit) -> tuple[int, list]:
    count, rows = counted(queryset, limit)
    return count, [hit(row) for row in rows]


def entries(user, term: str, limit: int):
    match = Q(title__icontains=term) | Q(place__icontains=term)
    if may_manage(user):
        found = Entry.objects.filter(match).select_related("leader__user").order_by("-start")
        return _counted(
            found,
            limit,
            lambda e: Hit(
                title=f"{e.get_kind_display()}：{e.title}",
                url=e.get_absolute_url(),
                meta=_meta(e.leader, e.start, e.place, e.get_visibility_display()),
            ),
        )
    levels = levels_for(user)
    if not levels:
        return 0, []
    found = (
        PlanRow.objects.filter(match, key__startswith="entry:")
        .filter(Q(visibility__in=sorted(levels)) | Q(leader__user=user))
        .select_related("leader__user", "plan")
        .order_by("-start", "pk")
    )
    return _counted(
        found,
        limit,
        lambda r: Hit(
            title=r.title,
            url=r.plan.get_absolute_url(),
            meta=_meta(r.leader, r.start, r.place, r.get_visibility_display()),
        ),
    )
