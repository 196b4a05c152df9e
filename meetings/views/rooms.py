"""Rooms: the day / week booking board everyone reads, and the clerks' room list."""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from office.params import date_param
from office.views.actions import action

from .. import permissions, selectors, services
from ..forms import RoomForm
from ..models import Room

DAY_STARTS, DAY_ENDS = 7, 22  # the day view's time axis, local hours


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def board(request):
    """Who has which room when: rooms down, days (or hours) across."""
    view = "day" if request.GET.get("view") == "day" else "week"
    day = date_param(request, "date", timezone.localdate())
    first = day if view == "day" else day - datetime.timedelta(days=day.weekday())
    days = [first] if view == "day" else [first + datetime.timedelta(days=i) for i in range(7)]
    start, end = _midnight(days[0]), _midnight(days[-1] + datetime.timedelta(days=1))
    rooms = list(Room.objects.filter(active=True))
    bookings = selectors.bookings_between(request.user, start, end)
    cells = {(room.pk, d): [] for room in rooms for d in days}
    for booking in bookings:
        local_start = timezone.localtime(booking.start)
        key = (booking.room_id, local_start.date())
        if key in cells:
            cells[key].append(_block(booking, local_start, timezone.localtime(booking.end)))
    rows = [(room, [(d, cells[(room.pk, d)]) for d in days]) for room in rooms]
    step = datetime.timedelta(days=1 if view == "day" else 7)
    context = {
        "view": view,
        "day": day,
        "days": days,
        "rows": rows,
        "previous": first - step,
        "next": first + step,
        "today": timezone.localdate(),
        "hours": list(range(DAY_STARTS, DAY_ENDS)),
        "can_manage": permissions.can_manage_rooms(request.user),
        "create_url": reverse("meetings:create"),
    }
    if request.htmx:
        return render(request, "meetings/partials/_board.html", context)
    return render(request, "meetings/board.html", context)


def _block(booking, start, end) -> dict:
    """A booking placed on the day axis (percent offsets for the day view)."""
    span = (DAY_ENDS - DAY_STARTS) * 60
    begin = max(0, (start.hour - DAY_STARTS) * 60 + start.minute)
    finish = min(
        span, (end.hour - DAY_STARTS) * 60 + end.minute if end.date() == start.date() else span
    )
    # Labels and links made here, not in the template: a busy week has hundreds of blocks.
    return {
        "meeting": booking,
        "time": f"{start:%H:%M}–{end:%H:%M}",
        "url": booking.get_absolute_url() if booking.visible else "",
        "left": round(100 * begin / span, 2),
        "width": max(2, round(100 * max(finish - begin, 0) / span, 2)),
    }


def room_list(request):
    if not permissions.can_manage_rooms(request.user):
        raise PermissionDenied
    return render(request, "meetings/room_list.html", {"rooms": Room.objects.all()})


def room_edit(request, pk: int | None = None):
    allowed = permissions.can_manage_rooms(request.user)
    room = get_object_or_404(Room, pk=pk) if pk and allowed else None
    form = RoomForm(request.POST or None, instance=room)
    return action(
        request,
        allowed=allowed,
        form=form,
        perform=lambda data: services.room_save(room=form.save(commit=False), by=request.user),
        success=_("The room has been saved."),
        redirect_to="meetings:rooms",
        page=lambda form: render(request, "meetings/room_form.html", {"form": form, "room": room}),
    )
