"""The door display: a tablet beside the room shows today's bookings and the next one.

Reached by the room's secret URL (like the calendar feed's token), without a login; it
refreshes itself with a meta refresh (the CSP allows no inline script)."""

import secrets

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from .. import selectors
from ..models import Room

REFRESH_SECONDS = 60


@login_not_required
@never_cache
def room_door(request, pk: int, token: str):
    room = get_object_or_404(Room, pk=pk)
    if not secrets.compare_digest(token.encode(), room.display_token.encode()):
        raise Http404
    context = {"room": room, "refresh": REFRESH_SECONDS, **selectors.door_display(room)}
    return render(request, "meetings/door.html", context)
