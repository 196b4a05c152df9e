"""The home page's panel: my cars today and tomorrow, as a traveller or as the driver."""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import Dispatch, Trip


def home_panel(request) -> str:
    user = request.user
    if not user.is_authenticated:
        return ""
    today = timezone.localdate()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    travelling = Exists(Trip.passengers.through.objects.filter(trip=OuterRef("trip"), user=user))
    dispatches = list(
        Dispatch.objects.filter(
            Q(driver__user=user) | Q(travelling) | Q(trip__requested_by=user),
            status=Dispatch.Status.ACTIVE,
            end__gte=timezone.now(),
            start__lt=start + datetime.timedelta(days=2),
        )
        .select_related("trip", "vehicle", "driver")
        .order_by("start")[:8]
    )
    if not dispatches:
        return ""
    return render_to_string(
        "vehicles/partials/_home_trips.html",
        {"rows": [(d, timezone.localdate(d.start) != today) for d in dispatches]},
        request=request,
    )
