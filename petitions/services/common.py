"""What the petitions services share: locking, the 09:00 moment of a day, the reminders."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_noop

from office.i18n import Message
from office.roles import users_with_role
from office.services import reminder_schedule, reminders_cancel

from .. import rules
from ..models import Petition

ACCEPT_OVERDUE = "petitions.accept_overdue"
DUE_SOON = "petitions.due_soon"
OVERDUE = "petitions.overdue"


def locked(petition_id: int) -> Petition:
    return (
        Petition.objects.select_for_update(of=("self",))
        .select_related("department")
        .get(pk=petition_id)
    )


def morning(day: datetime.date) -> datetime.datetime:
    """09:00 Asia/Shanghai on `day`: when a day's reminders go out."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def handlers_head(petition: Petition):
    """Who is reminded before the deadline: the department's head, else the person assigned."""
    return petition.department.head or petition.assignee


def schedule_accept_reminder(petition: Petition) -> None:
    """The director hears once if nobody decided on acceptance within the days allowed."""
    for director in users_with_role("director"):
        reminder_schedule(
            kind=ACCEPT_OVERDUE,
            target=petition,
            recipient=director,
            due_at=morning(petition.accept_by + datetime.timedelta(days=1)),
            title=Message(
                gettext_noop("Petition not yet accepted or refused: %(petition)s"),
                petition=str(petition),
            ),
            url=petition.get_absolute_url(),
            occurrence=petition.accept_by.isoformat(),
        )


def schedule_deadline_reminders(petition: Petition) -> None:
    """Before the deadline the department's head; the day after it, the director. Keyed by the
    deadline, so an extension makes new ones and each is sent once."""
    reminders_cancel(target=petition, kind=DUE_SOON)
    reminders_cancel(target=petition, kind=OVERDUE)
    due, url = petition.deadline, petition.get_absolute_url()
    head = handlers_head(petition)
    if head is not None:
        reminder_schedule(
            kind=DUE_SOON,
            target=petition,
            recipient=head,
            due_at=morning(due - datetime.timedelta(days=rules.remind_days_before())),
            title=Message(
                gettext_noop("Petition due on %(date)s: %(petition)s"),
                date=due.isoformat(),
                petition=str(petition),
            ),
            url=url,
            occurrence=due.isoformat(),
        )
    for director in users_with_role("director"):
        reminder_schedule(
            kind=OVERDUE,
            target=petition,
            recipient=director,
            due_at=morning(due + datetime.timedelta(days=1)),
            title=Message(
                gettext_noop("Petition overdue since %(date)s: %(petition)s"),
                date=due.isoformat(),
                petition=str(petition),
            ),
            url=url,
            occurrence=due.isoformat(),
        )


def accept_still_due(reminder) -> bool:
    return Petition.objects.filter(
        pk=reminder.target_id, status=Petition.Status.REGISTERED
    ).exists()


def deadline_still_due(reminder) -> bool:
    return Petition.objects.filter(
        pk=reminder.target_id, status=Petition.Status.ASSIGNED, deadline=reminder.occurrence
    ).exists()
