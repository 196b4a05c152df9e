"""Reminders before a shift and for a late handover, through office's exactly-once reminders.

A reminder whose reason has gone (the person was swapped off, the handover was filed) is
vetoed when due by the still_due checks registered in apps.py, so a swap only has to
schedule reminders for the new person.
"""

from datetime import datetime, timedelta

from django.utils.timezone import localtime, now
from django.utils.translation import gettext as _

from duty import conf
from duty.models import Assignment, Handover, Shift
from office.services import reminder_schedule, reminders_cancel

KIND_DAY_BEFORE = "duty.shift_day_before"
KIND_HOUR_BEFORE = "duty.shift_soon"
KIND_HANDOVER_LATE = "duty.handover_late"
KIND_HANDOVER_LATE_LEADER = "duty.handover_late_leader"


def day_before_at(shift: Shift) -> datetime:
    local_start = localtime(shift.starts_at)
    evening = (local_start - timedelta(days=1)).replace(
        hour=conf.remind_day_before_hour(), minute=0, second=0, microsecond=0
    )
    return evening


def lead_times_for(person) -> tuple[bool, int]:
    """(remind the evening before?, minutes before the start, 0 for none): the person's own
    choice (DutyPreference) or the settings' defaults."""
    from duty.models import DutyPreference

    preference = DutyPreference.objects.filter(person=person).first()
    if preference is None:
        return True, conf.remind_before_minutes()
    return preference.remind_day_before, preference.remind_before_minutes


def schedule_assignment_reminders(assignment: Assignment) -> None:
    """The day-before and before-the-start reminders of the assignment's current person, at
    the lead time they chose; a reminder they no longer want is cancelled."""
    shift = assignment.shift
    day_before, minutes = lead_times_for(assignment.person)
    moments = [
        (KIND_DAY_BEFORE, day_before_at(shift), _("Reminder: you are on duty tomorrow")),
        (
            KIND_HOUR_BEFORE,
            shift.starts_at - timedelta(minutes=minutes),
            _("Reminder: your shift starts soon"),
        ),
    ]
    wanted = {KIND_DAY_BEFORE: day_before, KIND_HOUR_BEFORE: minutes > 0}
    for kind, due_at, title in moments:
        if not wanted[kind]:
            reminders_cancel(target=assignment, kind=kind)
            continue
        if due_at <= now():
            continue
        reminder_schedule(
            kind=kind,
            target=assignment,
            recipient=assignment.person,
            due_at=due_at,
            title=title,
            body=str(shift),
            url=shift.get_absolute_url(),
            occurrence=f"{kind}:{assignment.person_id}:{shift.starts_at.isoformat()}",
        )


def schedule_late_handover(shift: Shift) -> None:
    """Remind the outgoing officers, then the leader, if the handover is not filed in time."""
    people = list(shift.assignments.select_related("person"))
    grace = shift.ends_at + timedelta(minutes=conf.handover_grace_minutes())
    escalate = shift.ends_at + timedelta(minutes=conf.handover_escalate_minutes())
    for assignment in people:
        if assignment.role == Assignment.Role.OFFICER:
            kind, due_at, title = (
                KIND_HANDOVER_LATE,
                grace,
                _("The handover of your shift is due"),
            )
        else:
            kind, due_at, title = (
                KIND_HANDOVER_LATE_LEADER,
                escalate,
                _("The handover of your shift is late"),
            )
        reminder_schedule(
            kind=kind,
            target=shift,
            recipient=assignment.person,
            due_at=due_at,
            title=title,
            body=str(shift),
            url=shift.get_absolute_url(),
            occurrence=f"{kind}:{assignment.person_id}",
        )


def assignment_still_due(reminder) -> bool:
    """Still the person on that assignment (a swap may have moved it)."""
    return Assignment.objects.filter(
        pk=reminder.target_id, person_id=reminder.recipient_id
    ).exists()


def handover_still_due(reminder) -> bool:
    """No handover yet, and the recipient is still on the shift."""
    return (
        not Handover.objects.filter(shift_id=reminder.target_id).exists()
        and Assignment.objects.filter(
            shift_id=reminder.target_id, person_id=reminder.recipient_id
        ).exists()
    )
