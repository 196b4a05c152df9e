"""A weekly series: cancel one, this and the following, or all; book a skipped week again."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor

from .. import permissions as perms
from ..models import Meeting
from .cancelling import cancel_locked
from .details import MeetingData
from .scheduling import meeting_create

ONE, FOLLOWING, ALL = "one", "following", "all"


def series_of(meeting: Meeting):
    return Meeting.objects.filter(series=meeting.series).order_by("start", "id")


@transaction.atomic
def series_cancel(*, meeting_id: int, by, reason: str, scope: str) -> int:
    """Cancel this occurrence, this and the following ones, or every one still to come;
    returns how many were cancelled (everyone invited to each is told)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_actor(perms.may_run(by, meeting))
    if scope not in (ONE, FOLLOWING, ALL):
        raise DomainError(_("Choose which meetings of the series to cancel."))
    if scope == ONE or meeting.series is None:
        cancel_locked(meeting, by=by, reason=reason)
        return 1
    if not (reason or "").strip():
        raise DomainError(_("Please say why the meeting is cancelled."))
    occurrences = series_of(meeting).filter(status__in=Meeting.UPCOMING, end__gt=timezone.now())
    if scope == FOLLOWING:
        occurrences = occurrences.filter(start__gte=meeting.start)
    count = 0
    for occurrence in occurrences.select_for_update():
        require_actor(perms.may_run(by, occurrence))
        cancel_locked(occurrence, by=by, reason=reason)
        count += 1
    if not count:
        raise DomainError(_("No meeting of this series can still be cancelled."))
    return count


def series_gaps(meeting: Meeting) -> list[datetime.date]:
    """Weeks of the series with no meeting at all (skipped for a clash when it was booked),
    still to come: these can be booked again."""
    if meeting.series is None:
        return []
    starts = [timezone.localtime(m.start) for m in series_of(meeting).only("start")]
    if len(starts) < 2:
        return []
    first, last = starts[0], starts[-1]
    dates = {s.date() for s in starts}
    today = timezone.localdate()
    gaps, week = [], 1
    while first + datetime.timedelta(weeks=week) < last:
        day = (first + datetime.timedelta(weeks=week)).date()
        if day not in dates and day >= today:
            gaps.append(day)
        week += 1
    return gaps


def series_readd(*, meeting_id: int, day: datetime.date | None, by) -> Meeting:
    """Book a skipped week of the series again, like the occurrence it copies."""
    template = Meeting.objects.select_related("room", "chair", "recorder").get(pk=meeting_id)
    require_actor(perms.may_run(by, template))
    if day is None:  # no date, or not one
        raise DomainError(_("Choose a skipped week of this series to book again."))
    if day not in series_gaps(template):
        raise DomainError(
            _("%(date)s is not a skipped week of this series.")
            % {"date": date_format(day, "Y-m-d")}
        )
    local = timezone.localtime(template.start)
    start = timezone.make_aware(datetime.datetime.combine(day, local.time()))
    attendances = list(template.attendances.select_related("user"))
    data = MeetingData(
        title=template.title,
        kind=template.kind,
        chair=template.chair,
        recorder=template.recorder,
        start=start,
        end=start + (template.end - template.start),
        room=template.room,
        place=template.place,
        online_link=template.online_link,
        description=template.description,
        required=[a.user for a in attendances if a.required],
        optional=[a.user for a in attendances if not a.required],
        guests=[(g.name, g.organisation) for g in template.guests.all()],
        agenda=[
            {"title": i.title, "presenter": i.presenter, "minutes_allotted": i.minutes_allotted}
            for i in template.agenda_items.all()
        ],
        series=template.series,
    )
    return meeting_create(data=data, by=by)[0]
