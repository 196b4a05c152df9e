"""Reads, always scoped to the user: the host sees their visits, reception and the director all."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, IntegerField, Q, QuerySet, Sum
from django.db.models.functions import Cast
from django.utils.timezone import localdate, make_aware, now

from .models import Arrangement, Visit, Visitor
from .permissions import sees_all_visits

# A busy day at one front desk is a few hundred people; the board shows at most this many.
DAY_BOARD_LIMIT = 500


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The local (Asia/Shanghai) day as an aware [start, end) range."""
    start = make_aware(datetime.combine(day, time.min))
    return start, make_aware(datetime.combine(day + timedelta(days=1), time.min))


def visits_for(user) -> QuerySet[Visit]:
    if sees_all_visits(user):
        return Visit.objects.all()
    return Visit.objects.filter(host=user)


def visitors_for(user) -> QuerySet[Visitor]:
    visitors = Visitor.objects.select_related("visit", "visit__host")
    if sees_all_visits(user):
        return visitors
    return visitors.filter(visit__host=user)


def arrangements_for(user) -> QuerySet[Arrangement]:
    """Arrangements of visible visits, plus those the user is responsible for."""
    arrangements = Arrangement.objects.select_related("visit", "visit__host", "responsible")
    if sees_all_visits(user):
        return arrangements
    return arrangements.filter(Q(visit__host=user) | Q(responsible=user))


def visit_detail_for(user, pk: int) -> Visit:
    """The visit with its people and arrangements (404 outside the user's scope)."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(visits_for(user).select_related("host", "registered_by"), pk=pk)


def upcoming_for_host(user, *, limit: int = 20) -> list[Visit]:
    start, _end = day_bounds(localdate())
    return list(
        Visit.objects.filter(host=user, expected_arrival__gte=start)
        .exclude(status=Visit.Status.CANCELLED)
        .select_related("host")
        .order_by("expected_arrival", "id")[:limit]
    )


@dataclass
class DayBoard:
    day: date
    query: str
    waiting: list = field(default_factory=list)
    inside: list = field(default_factory=list)
    overdue: list = field(default_factory=list)
    left: list = field(default_factory=list)
    no_show: list = field(default_factory=list)
    truncated: bool = False

    @property
    def total(self) -> int:
        return len(self.waiting) + len(self.inside) + len(self.overdue) + len(self.left)


def day_board(*, day: date, query: str = "") -> DayBoard:
    """The receptionist's day in two queries: who is expected, inside, overdue, gone.

    Visitors of the day's visits, those checked in that day and, for today, everyone still
    inside from earlier days (they are overdue). The three sets are found by their own
    indexes and united first: one OR across the join would scan every visitor ever."""
    start, end = day_bounds(day)
    moment = now()
    sets = [
        Visitor.objects.filter(visit__expected_arrival__gte=start, visit__expected_arrival__lt=end),
        Visitor.objects.filter(checked_in_at__gte=start, checked_in_at__lt=end),
    ]
    if day == localdate():
        sets.append(
            Visitor.objects.filter(checked_in_at__isnull=False, checked_out_at__isnull=True)
        )
    ids = [qs.order_by().values_list("pk", flat=True) for qs in sets]
    visitor_ids = list(ids[0].union(*ids[1:]))
    visitors = (
        Visitor.objects.filter(pk__in=visitor_ids)
        .exclude(visit__status=Visit.Status.CANCELLED)
        .select_related("visit", "visit__host")
        .order_by("visit__expected_arrival", "visit_id", "order", "id")
    )
    query = (query or "").strip()
    if query:
        visitors = visitors.filter(
            Q(name__icontains=query)
            | Q(phone__contains=query)
            | Q(visit__organisation__icontains=query)
        )
    rows = list(visitors[: DAY_BOARD_LIMIT + 1])
    board = DayBoard(day=day, query=query, truncated=len(rows) > DAY_BOARD_LIMIT)
    for visitor in rows[:DAY_BOARD_LIMIT]:
        if visitor.checked_out_at:
            board.left.append(visitor)
        elif visitor.checked_in_at:
            late = visitor.flagged_at or visitor.visit.expected_departure < moment
            (board.overdue if late else board.inside).append(visitor)
        elif visitor.visit.status == Visit.Status.NO_SHOW:
            board.no_show.append(visitor)
        else:
            board.waiting.append(visitor)
    return board


def log_for(user) -> QuerySet[Visit]:
    return visits_for(user).select_related("host").order_by("-expected_arrival", "-id")


def export_rows_for(visits: QuerySet[Visit]) -> QuerySet[Visitor]:
    return (
        Visitor.objects.filter(visit__in=visits.values("pk"))
        .select_related("visit", "visit__host")
        .order_by("visit__expected_arrival", "visit_id", "order", "id")
    )


def daily_summary(*, day: date) -> dict:
    """Counts for one day: visits by status, people at the door, arrangements and their cost."""
    start, end = day_bounds(day)
    visits = Visit.objects.filter(expected_arrival__gte=start, expected_arrival__lt=end)
    by_status = dict(
        visits.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    people = Visitor.objects.filter(visit__in=visits.values("pk")).aggregate(
        expected=Count("id"),
        checked_in=Count("id", filter=Q(checked_in_at__isnull=False)),
        checked_out=Count("id", filter=Q(checked_out_at__isnull=False)),
    )
    walk_ins = visits.filter(walk_in=True).count()
    organisations = list(
        visits.exclude(organisation="")
        .order_by()
        .values("organisation")
        .annotate(n=Count("id"), people=Sum("headcount"))
        .order_by("-n", "organisation")[:10]
    )
    arrangements = list(
        Arrangement.objects.filter(date=day)
        .exclude(status__in=[Arrangement.Status.CANCELLED, Arrangement.Status.REJECTED])
        .order_by()
        .values("kind")
        .annotate(n=Count("id"), cost=Sum("cost_estimate"))
        .order_by("kind")
    )
    labels = dict(Arrangement.Kind.choices)
    for row in arrangements:
        row["label"] = labels.get(row["kind"], row["kind"])
    return {
        "day": day,
        "statuses": [(label, by_status.get(value, 0)) for value, label in Visit.Status.choices],
        "visits": sum(by_status.values()),
        "people": people,
        "walk_ins": walk_ins,
        "organisations": organisations,
        "arrangements": arrangements,
        "arrangement_cost": sum((row["cost"] or 0 for row in arrangements), 0),
    }


# To-do sources (office.todo): each a scoped queryset whose __str__ needs no further query.


def todo_arriving_today(user) -> QuerySet[Visit]:
    start, end = day_bounds(localdate())
    return Visit.objects.filter(
        host=user,
        status=Visit.Status.EXPECTED,
        expected_arrival__gte=start,
        expected_arrival__lt=end,
    )


def todo_my_arrangements(user) -> QuerySet[Arrangement]:
    return Arrangement.objects.filter(
        responsible=user, status=Arrangement.Status.PLANNED
    ).select_related("visit")


def todo_arrangements_to_approve(user) -> QuerySet[Arrangement]:
    """Arrangements whose current approval step is the user's."""
    from office.approvals import steps_awaiting

    from .approvals import RULE

    steps = steps_awaiting(user, rule=RULE).annotate(
        arrangement_id=Cast("chain__target_id", IntegerField())
    )
    return Arrangement.objects.filter(
        status=Arrangement.Status.AWAITING_APPROVAL, pk__in=steps.values("arrangement_id")
    ).select_related("visit")


def todo_not_checked_out(user) -> QuerySet[Visitor]:
    if not user.has_role("receptionist"):
        return Visitor.objects.none()
    return Visitor.objects.filter(flagged_at__isnull=False, checked_out_at__isnull=True)


def suggest_badge_number() -> str:
    """The next free badge of today's sequence (001, 002, ...), as a default for the desk."""
    start, end = day_bounds(localdate())
    taken = set(
        Visitor.objects.filter(checked_in_at__isnull=False, checked_out_at__isnull=True)
        .exclude(badge_number="")
        .values_list("badge_number", flat=True)
    )
    number = Visitor.objects.filter(checked_in_at__gte=start, checked_in_at__lt=end).count() + 1
    while f"{number:03d}" in taken:
        number += 1
    return f"{number:03d}"


def calendar_events_for(user):
    """The host's visits (30 days back, 180 ahead) for the personal calendar feed."""
    from django.utils.translation import gettext as _

    from office.calendar import CalendarEvent

    moment = now()
    visits = Visit.objects.filter(
        host=user,
        expected_arrival__gte=moment - timedelta(days=30),
        expected_arrival__lt=moment + timedelta(days=180),
    ).exclude(status=Visit.Status.NO_SHOW)
    for visit in visits.order_by("expected_arrival")[:500]:
        yield CalendarEvent(
            uid=f"reception-visit-{visit.pk}@office",
            start=visit.expected_arrival,
            end=visit.expected_departure,
            summary=_("Visit: %(visit)s") % {"visit": visit},
            description=visit.purpose,
            url=visit.get_absolute_url(),
            cancelled=visit.status == Visit.Status.CANCELLED,
        )


def visits_hosted_by(user_ids, *, start, end) -> QuerySet[Visit]:
    """Visits in [start, end) that one of `user_ids` hosts and that still happen: what a
    leader's schedule gathers. Unscoped: the caller masks with visits_for(viewer)."""
    return Visit.objects.filter(
        host_id__in=user_ids, expected_arrival__lt=end, expected_departure__gt=start
    ).exclude(status__in=[Visit.Status.CANCELLED, Visit.Status.NO_SHOW])


def important_visits_for_chronicle(since) -> QuerySet[Visit]:
    """Visits flagged important at registration whose visitors came since `since` (the
    chronicle suggests each once)."""
    return Visit.objects.filter(
        important=True,
        status__in=[Visit.Status.ARRIVED, Visit.Status.LEFT],
        arrived_at__gte=since,
    ).order_by("arrived_at", "pk")
