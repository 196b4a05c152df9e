"""What the duty app puts in people's to-do inbox and calendar feed."""

from datetime import timedelta

from django.db.models import Q
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from office import todo
from office.calendar import CalendarEvent

from . import approvals  # noqa: F401  (registers the spending chain and its to-do source)

HANDOVER_DUE_WINDOW = timedelta(days=7)


def handovers_to_file(user):
    from duty.models import Shift

    return Shift.objects.filter(
        assignments__person=user,
        ends_at__lte=now(),
        ends_at__gte=now() - HANDOVER_DUE_WINDOW,
        handover__isnull=True,
    ).select_related("post", "template")


def handovers_to_accept(user):
    from duty.models import Handover

    return (
        Handover.objects.filter(
            status=Handover.Status.FILED, incoming_shift__assignments__person=user
        )
        .exclude(filed_by=user)
        .select_related("shift__post", "shift__template")
    )


def swaps_to_answer(user):
    from duty.selectors import swaps_for

    return swaps_for(user).filter(status="requested", colleague=user)


def swaps_to_decide(user):
    from duty.models import SwapRequest

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
    from duty.selectors import acknowledgements_pending_for

    return acknowledgements_pending_for(user)


def register_all() -> None:
    for key, label, queryset, date_field in [
        ("duty.handovers_to_file", _("Handover to file"), handovers_to_file, "ends_at"),
        ("duty.handovers_to_accept", _("Handover to accept"), handovers_to_accept, "filed_at"),
        ("duty.swaps_to_answer", _("Shift swap asked of me"), swaps_to_answer, "created_at"),
        ("duty.swaps_to_decide", _("Shift swap to approve"), swaps_to_decide, "accepted_at"),
        (
            "duty.incidents_to_acknowledge",
            _("Incident to acknowledge"),
            incidents_to_acknowledge,
            "created_at",
        ),
    ]:
        todo.register(
            todo.TodoSource(
                key=key, bucket=todo.TODO, label=label, queryset=queryset, date_field=date_field
            )
        )


def calendar_events(user):
    """The user's shifts from 30 days back to 180 ahead."""
    from duty.models import Assignment

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
