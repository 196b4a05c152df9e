"""Rooms: the day / week booking board everyone reads, and the clerks' room list."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office import datacache
from office.params import date_param
from office.views.actions import action

from .. import permissions, selectors, services
from ..models import Room
from ..room_forms import RoomDeactivateForm, RoomForm
from ..services.rooms import upcoming_meetings

DAY_STARTS, DAY_ENDS = 7, 22  # the day view's time axis, local hours


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def board(request):
    """Who has which room when: rooms down, days (or hours) across.

    A busy week is hundreds of blocks: the rendered board is kept until the next write to
    the database or the next minute (office.datacache)."""
    view = "day" if request.GET.get("view") == "day" else "week"
    day = date_param(request, "date", timezone.localdate())
    first = day if view == "day" else day - datetime.timedelta(days=day.weekday())
    board_html = datacache.rendered(
        request,
        f"meetings.board:{view}:{day}",
        "meetings/partials/_board.html",
        lambda: _board(request, view, day, first),
    )
    if request.htmx:
        return HttpResponse(board_html)
    context = {
        "board_html": board_html,
        "can_manage": permissions.can_manage_rooms(request.user),
    }
    return render(request, "meetings/board.html", context)


def _board(request, view: str, day: datetime.date, first: datetime.date) -> dict:
    days = [first] if view == "day" else [first + datetime.timedelta(days=i) for i in range(7)]
    start, end = _midnight(days[0]), _midnight(days[-1] + datetime.timedelta(days=1))
    rooms = list(Room.objects.filter(active=True))
    bookings = selectors.bookings_between(request.user, start, end)
    cells = {(room.pk, d): [] for room in rooms for d in days}
    # One reverse() for all: a busy week is thousands of blocks, and reverse() per block was a
    # fifth of the page.
    detail = reverse("meetings:detail", args=[_SENTINEL_PK])
    for booking in bookings:
        local_start = timezone.localtime(booking.start)
        key = (booking.room_id, local_start.date())
        if key in cells:
            end = timezone.localtime(booking.end)
            cells[key].append(_block(booking, local_start, end, detail, booked=_("Booked")))
    step = datetime.timedelta(days=1 if view == "day" else 7)
    return {
        "view": view,
        "day": day,
        "days": days,
        "rows": [(room, [(d, cells[(room.pk, d)]) for d in days]) for room in rooms],
        "previous": first - step,
        "next": first + step,
        "today": timezone.localdate(),
        "hours": list(range(DAY_STARTS, DAY_ENDS)),
        "create_url": reverse("meetings:create"),
    }


_SENTINEL_PK = 987654321


def _block(booking, start, end, detail: str, *, booked: str) -> dict:
    """A booking placed on the day axis (percent offsets for the day view), and its week-view
    HTML made here rather than by a template per block."""
    span = (DAY_ENDS - DAY_STARTS) * 60
    begin = max(0, (start.hour - DAY_STARTS) * 60 + start.minute)
    finish = min(
        span, (end.hour - DAY_STARTS) * 60 + end.minute if end.date() == start.date() else span
    )
    # Labels and links made here, not in the template: a busy week has hundreds of blocks.
    time = f"{start:%H:%M}–{end:%H:%M}"
    url = detail.replace(str(_SENTINEL_PK), str(booking.pk)) if booking.visible else ""
    if url:
        what = format_html('<a href="{}">{}</a>', url, booking.title)
    else:
        what = format_html("<span>{} · {}</span>", booked, booking.organiser)
    return {
        "meeting": booking,
        "time": time,
        "url": url,
        "left": round(100 * begin / span, 2),
        "width": max(2, round(100 * max(finish - begin, 0) / span, 2)),
        "week_html": format_html(
            '<div class="booking{}"><span class="time">{}</span>{}</div>',
            " booking-mine" if url else "",
            time,
            what,
        ),
    }


def room_list(request):
    if not permissions.can_manage_rooms(request.user):
        raise PermissionDenied
    return render(request, "meetings/room_list.html", {"rooms": Room.objects.all()})


def room_edit(request, pk: int | None = None):
    allowed = permissions.can_manage_rooms(request.user)
    room = get_object_or_404(Room, pk=pk) if pk and allowed else None
    was_active = room.active if room else False
    form = RoomForm(request.POST or None, instance=room)

    def save(data):
        changed = form.save(commit=False)
        asks = was_active and not changed.active and upcoming_meetings(changed).exists()
        if asks:  # the rest is saved; what happens to its meetings is asked next
            changed.active = True
        services.room_save(room=changed, by=request.user)
        return asks

    return action(
        request,
        allowed=allowed,
        form=form,
        perform=save,
        success=lambda asks: None if asks else _("The room has been saved."),
        redirect_to=lambda asks: (
            reverse("meetings:room_deactivate", args=[room.pk]) if asks else "meetings:rooms"
        ),
        page=lambda form: render(request, "meetings/room_form.html", {"form": form, "room": room}),
    )


@require_POST
def room_door_renew(request, pk: int):
    """The room list's 更换地址: the door display's old address stops working."""
    room = get_object_or_404(Room, pk=pk)
    return action(
        request,
        allowed=permissions.can_manage_rooms(request.user),
        perform=lambda data: services.room_door_renew(room_id=room.pk, by=request.user),
        success=_(
            "The door display of %(room)s has a new address; the old one no longer works. "
            "Open the new one on the tablet at the door."
        )
        % {"room": room},
        redirect_to="meetings:rooms",
    )


def _deactivated_message(room, data, n: int) -> str:
    if n and data["decision"] == RoomDeactivateForm.MOVE:
        return _(
            "%(room)s takes no more bookings; %(n)s meeting(s) moved to %(to)s, everyone "
            "invited told."
        ) % {"room": room, "n": n, "to": data["move_to"]}
    if n and data["decision"] == RoomDeactivateForm.CANCEL:
        return _(
            "%(room)s takes no more bookings; %(n)s meeting(s) cancelled, everyone invited told."
        ) % {"room": room, "n": n}
    return _("%(room)s takes no more bookings; its meetings are kept.") % {"room": room}


def room_deactivate(request, pk: int):
    """Taking a room out of use: its upcoming meetings are listed and the clerk decides."""
    if not permissions.can_manage_rooms(request.user):
        raise PermissionDenied
    room = get_object_or_404(Room, pk=pk)
    form = RoomDeactivateForm(request.POST or None, room=room)
    meetings = list(upcoming_meetings(room))

    def page(form):
        context = {"room": room, "form": form, "meetings": meetings}
        return render(request, "meetings/room_deactivate.html", context)

    return action(
        request,
        allowed=True,
        form=form,
        perform=lambda data: services.room_deactivate(
            room_id=room.pk,
            by=request.user,
            cancel_meetings=data["decision"] == RoomDeactivateForm.CANCEL,
            reason=data["reason"],
            move_to=data["move_to"] if data["decision"] == RoomDeactivateForm.MOVE else None,
        ),
        success=lambda n: _deactivated_message(room, form.cleaned_data, n),
        redirect_to="meetings:rooms",
        page=page,
    )
