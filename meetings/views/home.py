"""The home page's panel: my meetings today and tomorrow, with my reply."""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone

from .. import selectors
from ..models import Attendance, Meeting


def home_panel(request) -> str:
    if not request.user.is_authenticated:
        return ""
    today = timezone.localdate()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    meetings = list(
        selectors.meetings_for(request.user)
        .filter(
            status__in=Meeting.ACTIVE,
            start__gte=start,
            start__lt=start + datetime.timedelta(days=2),
        )
        .select_related("room")
        .order_by("start")[:8]
    )
    if not meetings:
        return ""
    replies = dict(
        Attendance.objects.filter(user=request.user, meeting__in=meetings).values_list(
            "meeting_id", "response"
        )
    )
    # Compared in local time: the UTC date of a 07:00 meeting in China is the day before.
    rows = [
        (meeting, replies.get(meeting.pk), timezone.localdate(meeting.start) != today)
        for meeting in meetings
    ]
    return render_to_string(
        "meetings/partials/_home_meetings.html", {"rows": rows}, request=request
    )
