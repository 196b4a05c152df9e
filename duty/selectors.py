"""Reads of the duty app, each scoped to the user asking."""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.timezone import now
from django.utils.translation import gettext as _

from duty.models import (
    Assignment,
    Handover,
    Incident,
    IncidentAcknowledgement,
    LogEntry,
    Post,
    Shift,
    ShiftTemplate,
    SpendRequest,
    SwapRequest,
)
from duty.permissions import can_view_duty
from office.calendar import CalendarEvent
from office.roles import has_role

_NONE = Q(pk__in=[])


def _scope(user) -> Q:
    """Duty records are shared by the duty room and the director; nobody else sees them."""
    return Q() if can_view_duty(user) else _NONE


def assignments_prefetch() -> Prefetch:
    return Prefetch(
        "assignments",
        queryset=Assignment.objects.select_related("person").order_by("role", "person__name"),
    )


def shifts_for(user) -> QuerySet[Shift]:
    return (
        Shift.objects.filter(_scope(user))
        .select_related("post", "template")
        .prefetch_related(assignments_prefetch())
    )


def shift_get(user, pk: int) -> Shift:
    return shifts_for(user).select_related("handover").get(pk=pk)


def current_shift_for(user, at: datetime | None = None) -> Shift | None:
    """The shift the user is on right now (the earliest if several posts touch)."""
    at = at or now()
    return (
        shifts_for(user)
        .filter(assignments__person=user, starts_at__lte=at, ends_at__gt=at)
        .order_by("starts_at")
        .first()
    )


def upcoming_assignments_for(user, *, limit: int = 10):
    return (
        Assignment.objects.filter(person=user, ends_at__gt=now())
        .select_related("shift__post", "shift__template")
        .order_by("starts_at")[:limit]
    )


def next_shift(shift: Shift) -> Shift | None:
    """The shift at the same post that starts when this one ends (or the next after it)."""
    return (
        Shift.objects.filter(post_id=shift.post_id, starts_at__gte=shift.ends_at)
        .order_by("starts_at")
        .first()
    )


@dataclass
class MonthGrid:
    month: date
    posts: list
    templates: list
    rows: list = field(default_factory=list)  # [(day, [(post, template, shift|None, gap)])]
    gaps: int = 0  # cells with no shift, or a shift short of a leader or an officer


def month_grid(user, *, month: date, post: Post | None = None) -> MonthGrid:
    """The roster of a month: a row per day, a cell per post and shift. Three queries."""
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    posts = [post] if post else list(Post.objects.filter(active=True))
    templates = list(ShiftTemplate.objects.filter(active=True))
    shifts = shifts_for(user).filter(date__range=(first, last), post__in=posts)
    by_key = {(s.date, s.post_id, s.template_id): s for s in shifts}
    grid = MonthGrid(month=first, posts=posts, templates=templates)
    day = first
    while day <= last:
        cells = []
        for each_post in posts:
            for template in templates:
                shift = by_key.get((day, each_post.pk, template.pk))
                gap = shift is None or not _covered(shift)
                grid.gaps += gap
                cells.append((each_post, template, shift, gap))
        grid.rows.append((day, cells))
        day += timedelta(days=1)
    return grid


@dataclass(frozen=True)
class Gap:
    day: date
    post: Post
    template: ShiftTemplate
    missing: str  # "shift", "leader", "officer" or "leader+officer"


@dataclass
class Coverage:
    first_day: date
    last_day: date
    gaps: list  # [Gap]
    by_post: list = field(default_factory=list)  # [(post, [(first, last, template, missing)])]

    @property
    def count(self) -> int:
        return len(self.gaps)


def coverage(*, first_day: date, last_day: date) -> Coverage:
    """Every active post, shift template and day from first_day to last_day with no shift or a
    shift short of a leader or an officer; runs of days folded per post. Three queries."""
    posts = list(Post.objects.filter(active=True))
    templates = list(ShiftTemplate.objects.filter(active=True))
    roles = (
        Shift.objects.filter(date__range=(first_day, last_day), post__in=posts)
        .annotate(
            leaders=Count("assignments", filter=Q(assignments__role=Assignment.Role.LEADER)),
            officers=Count("assignments", filter=Q(assignments__role=Assignment.Role.OFFICER)),
        )
        .values_list("date", "post_id", "template_id", "leaders", "officers")
    )
    found = {(d, p, t): (leaders, officers) for d, p, t, leaders, officers in roles}
    gaps = []
    for post in posts:
        for template in templates:
            day = first_day
            while day <= last_day:
                cell = found.get((day, post.pk, template.pk))
                if cell is None:
                    missing = "shift"
                else:
                    short = [
                        name for name, n in zip(("leader", "officer"), cell, strict=False) if not n
                    ]
                    missing = "+".join(short)
                if missing:
                    gaps.append(Gap(day=day, post=post, template=template, missing=missing))
                day += timedelta(days=1)
    result = Coverage(first_day=first_day, last_day=last_day, gaps=gaps)
    for post in posts:
        runs = []
        for gap in (g for g in gaps if g.post == post):
            last = runs[-1] if runs else None
            if (
                last
                and last[2] == gap.template
                and last[3] == gap.missing
                and last[1] + timedelta(days=1) == gap.day
            ):
                runs[-1] = (last[0], gap.day, last[2], last[3])
            else:
                runs.append((gap.day, gap.day, gap.template, gap.missing))
        if runs:
            result.by_post.append((post, sorted(runs, key=lambda r: (r[0], r[2].order))))
    return result


@dataclass
class BoardRow:
    post: Post
    current: Shift | None
    following: Shift | None


def duty_board(at: datetime | None = None) -> list[BoardRow]:
    """值班公示: at each active post, the shift on now and the next one, with their people.
    For every employee (no duty scope: who is on duty is public inside the office). Three
    queries whatever the number of posts."""
    at = at or now()
    posts = list(Post.objects.filter(active=True))
    shifts = (
        Shift.objects.filter(post__in=posts, ends_at__gt=at, starts_at__lte=at + timedelta(days=3))
        .select_related("post", "template")
        .prefetch_related(assignments_prefetch())
        .order_by("starts_at")
    )
    rows = {post.pk: BoardRow(post=post, current=None, following=None) for post in posts}
    for shift in shifts:
        row = rows[shift.post_id]
        if shift.starts_at <= at and row.current is None:
            row.current = shift
        elif shift.starts_at > at and row.following is None:
            if row.current is None or shift.starts_at >= row.current.ends_at:
                row.following = shift
    return list(rows.values())


def _covered(shift: Shift) -> bool:
    roles = {a.role for a in shift.assignments.all()}
    return Assignment.Role.LEADER in roles and Assignment.Role.OFFICER in roles


def gaps_for(shift: Shift) -> list[str]:
    roles = {a.role for a in shift.assignments.all()}
    return [r for r in (Assignment.Role.LEADER, Assignment.Role.OFFICER) if r not in roles]


def log_entries_for(user) -> QuerySet[LogEntry]:
    return LogEntry.objects.filter(_scope(user)).select_related(
        "author", "shift__post", "shift__template"
    )


def incidents_for(user) -> QuerySet[Incident]:
    return Incident.objects.filter(_scope(user)).select_related(
        "reported_by", "resolved_by", "shift__post", "shift__template"
    )


def acknowledgements_of(incident: Incident):
    return list(incident.acknowledgements.select_related("person"))


def spend_requests_for(user) -> QuerySet[SpendRequest]:
    """Leaders, finance and the director see all spending; an officer, their shifts' spending."""
    base = SpendRequest.objects.select_related(
        "requested_by", "approver", "decided_by", "shift__post", "shift__template"
    )
    if has_role(user, "director", "shift_leader", "finance"):
        return base  # finance is a step of the chain above the leader's limit
    if has_role(user, "duty_officer"):
        on_shift = Assignment.objects.filter(shift=OuterRef("shift"), person=user)
        return base.filter(Q(requested_by=user) | Exists(on_shift))
    return base.none()


def handovers_for(user) -> QuerySet[Handover]:
    return Handover.objects.filter(_scope(user)).select_related(
        "shift__post",
        "shift__template",
        "incoming_shift__post",
        "incoming_shift__template",
        "filed_by",
        "accepted_by",
        "disputed_by",
    )


def handover_history(user, *, day_from=None, day_to=None, person=None) -> QuerySet[Handover]:
    """History searchable by date and person (filed by, accepted by, or on the shift)."""
    found = handovers_for(user)
    if day_from:
        found = found.filter(shift__date__gte=day_from)
    if day_to:
        found = found.filter(shift__date__lte=day_to)
    if person:
        on_shift = Assignment.objects.filter(shift=OuterRef("shift"), person=person)
        found = found.filter(
            Q(filed_by=person) | Q(accepted_by=person) | Q(disputed_by=person) | Exists(on_shift)
        )
    return found.order_by("-shift__starts_at")


def swaps_for(user) -> QuerySet[SwapRequest]:
    related = SwapRequest.objects.select_related(
        "assignment__shift__post",
        "assignment__shift__template",
        "counter_assignment__shift__post",
        "counter_assignment__shift__template",
        "requested_by",
        "colleague",
        "decided_by",
    )
    if has_role(user, "director", "shift_leader"):
        return related
    if has_role(user, "duty_officer"):
        return related.filter(Q(requested_by=user) | Q(colleague=user))
    return related.none()


def acknowledgements_pending_for(user) -> QuerySet[IncidentAcknowledgement]:
    return IncidentAcknowledgement.objects.filter(
        person=user, acknowledged_at__isnull=True
    ).select_related("incident")


# The to-do inbox and the calendar feed (declared in extensions.py).
HANDOVER_DUE_WINDOW = timedelta(days=7)


def handovers_to_file(user):

    return Shift.objects.filter(
        assignments__person=user,
        ends_at__lte=now(),
        ends_at__gte=now() - HANDOVER_DUE_WINDOW,
        handover__isnull=True,
    ).select_related("post", "template")


def handovers_to_accept(user):

    return (
        Handover.objects.filter(
            status=Handover.Status.FILED, incoming_shift__assignments__person=user
        )
        .exclude(filed_by=user)
        .select_related("shift__post", "shift__template")
    )


def swaps_to_answer(user):
    return swaps_for(user).filter(status="requested", colleague=user)


def swaps_to_decide(user):

    if not user.has_role("shift_leader", "director"):
        return SwapRequest.objects.none()
    mine = Q(
        assignment__shift__assignments__person=user,
        assignment__shift__assignments__role="leader",
    )
    if user.has_role("director"):
        # a leader giving away their own leadership cannot approve it: the director does
        mine |= Q(assignment__role="leader")
    return (
        SwapRequest.objects.filter(mine, status=SwapRequest.Status.ACCEPTED)
        .exclude(requested_by=user)
        .exclude(colleague=user)
        .select_related(
            "assignment__shift__post", "assignment__shift__template", "requested_by", "colleague"
        )
        .distinct()
    )


def incidents_to_acknowledge(user):
    return acknowledgements_pending_for(user)


def calendar_events_for(user):
    """The user's shifts from 30 days back to 180 ahead."""

    assignments = Assignment.objects.filter(
        person=user,
        starts_at__gte=now() - timedelta(days=30),
        starts_at__lte=now() + timedelta(days=180),
    ).select_related("shift__post", "shift__template")
    for assignment in assignments:
        shift = assignment.shift
        yield CalendarEvent(
            uid=f"duty-shift-{shift.pk}-{user.pk}@office",
            start=shift.starts_at,
            end=shift.ends_at,
            summary=f"{_('Duty')}: {shift.template.name} · {assignment.get_role_display()}",
            location=shift.post.name,
            url=shift.get_absolute_url(),
        )


def grave_incidents_for_chronicle(since) -> QuerySet[Incident]:
    """重大 and 特别重大 incidents since `since` (the chronicle suggests each once)."""
    return Incident.objects.filter(
        severity__in=[Incident.Severity.SERIOUS, Incident.Severity.CRITICAL],
        occurred_at__gte=since,
    ).order_by("occurred_at", "pk")
