"""The invitation e-mail: a short text and the event as an .ics attachment."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from office.calendar import build_calendar
from office.i18n import user_language
from office.models import User
from office.services.notifications import absolute_url

from .. import selectors
from ..models import Attendance, Meeting
from .invitations import when_and_where


def meeting_email_send(*, meeting_id: int, user_id: int, method: str) -> bool:
    meeting = Meeting.objects.select_related("room", "organiser", "chair").filter(pk=meeting_id)
    meeting = meeting.first()
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if meeting is None or person is None or not person.email:
        return False
    invited = Attendance.objects.filter(meeting=meeting, user=person).exists()
    if method == "REQUEST" and (not invited or meeting.status != Meeting.Status.SCHEDULED):
        return False  # changed again since: a later message says what holds now
    with translation.override(user_language(person)):  # the recipient's language
        event = selectors.calendar_event(meeting)
        if method == "CANCEL":
            from dataclasses import replace

            event = replace(event, cancelled=True)
            subject = _("Cancelled: %(title)s")
        elif meeting.sequence:
            subject = _("Updated invitation: %(title)s")
        else:
            subject = _("Invitation: %(title)s")
        ics = build_calendar([event], name=meeting.title, method=method)
        body = render_to_string(
            "meetings/email/invitation.txt",
            {
                "meeting": meeting,
                "person": person,
                "method": method,
                "when_and_where": when_and_where(meeting),
                "url": absolute_url(meeting.get_absolute_url()),
                "agenda": list(meeting.agenda_items.all()),
            },
        )
        message = EmailMessage(
            subject=f"[{settings.ORGANISATION_NAME}] " + subject % {"title": meeting.title},
            body=body,
            to=[person.email],
        )
    message.attach("meeting.ics", ics, f"text/calendar; method={method}; charset=utf-8")
    message.send()
    return True
