"""Trip pages: the list, the request form (prefilled from a link), the trip, its decisions."""

import datetime

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.approvals import get_rule
from office.pagination import paginate
from office.params import date_param, int_param, text_param
from office.services.approvals import current_step, may_decide
from office.views.actions import action

from .. import permissions, selectors, services
from ..approvals import RULE
from ..forms import CancelForm, DecisionForm, TripForm, portal_path
from ..models import Trip


def trip_or_404(user, pk: int) -> Trip:
    try:
        return selectors.trip_detail_for(user, pk)
    except Trip.DoesNotExist as exc:
        raise Http404 from exc


def index(request):
    user = request.user
    status = request.GET.get("status", "")
    mine = not permissions.sees_all(user) or request.GET.get("mine") == "1"
    trips = selectors.trip_list_for(user, status=status, mine=mine).order_by("-start", "-id")
    page = paginate(request, trips, 30)
    context = {
        "page": page,
        "status": status,
        "mine": mine,
        "statuses": Trip.Status.choices,
        "sees_all": permissions.sees_all(user),
        "drives": list(selectors.driver_dispatches(user)[:20]),
    }
    return render(request, "vehicles/index.html", context)


def _time_param(request, name: str, day: datetime.date):
    """'HH:MM' on `day` (the form's own checks follow), else None."""
    raw = text_param(request, name, max_length=5)
    try:
        moment = datetime.time.fromisoformat(raw) if raw else None
    except ValueError:
        moment = None
    if moment is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, moment))


def prefill(request) -> dict:
    """Initial values from a link (a reception arrangement, an off-site meeting):
    ?date=2026-12-03&start=08:30&end=12:00&from=…&to=…&people=3&purpose=…&source=/path/."""
    initial = {"passengers": [request.user.pk]}
    day = date_param(request, "date", None)
    if day is not None:
        initial["start"] = _time_param(request, "start", day) or timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(8, 30))
        )
        initial["end"] = _time_param(request, "end", day) or initial["start"] + datetime.timedelta(
            hours=4
        )
    for field, param in (("origin", "from"), ("destination", "to"), ("purpose", "purpose")):
        value = text_param(request, param, max_length=200)
        if value:
            initial[field] = value
    people = int_param(request, "people", None, minimum=1, maximum=60)
    if people:
        initial["people"] = people
    source = portal_path(text_param(request, "source", max_length=300))
    if source:
        initial["source_url"] = source
    return initial


def trip_create(request):
    initial = prefill(request) if request.method == "GET" else {}
    form = TripForm(request.POST or None, initial=initial)
    return action(
        request,
        allowed=permissions.may_request(request.user),
        form=form,
        perform=lambda data: services.trip_request(data=form.to_data(), by=request.user),
        success=lambda trip: (
            _("Requested; %(step)s decides.") % {"step": trip_step_label(trip)}
            if trip.status == Trip.Status.AWAITING_APPROVAL
            else _("Requested; the dispatcher has been asked for a car.")
        ),
        redirect_to=lambda trip: trip,
        page=lambda form: render(request, "vehicles/trip_form.html", {"form": form}),
    )


def trip_step_label(trip: Trip) -> str:
    step = current_step(trip)
    if step is None:
        return ""
    return str(step.person) if step.person_id else step.label


def trip_detail(request, pk: int):
    trip = trip_or_404(request.user, pk)
    user = request.user
    step = current_step(trip) if trip.status == Trip.Status.AWAITING_APPROVAL else None
    context = {
        "trip": trip,
        "dispatch": trip.current_dispatch,
        "history": list(selectors.dispatches_of(trip)),
        "can": {
            "decide": may_decide(user, step, get_rule(RULE)),
            "dispatch": permissions.can_dispatch(user, trip),
            "reassign": permissions.can_reassign(user, trip),
            "complete": permissions.can_complete(user, trip),
            "cancel": permissions.can_cancel(user, trip),
        },
        "decision_form": DecisionForm(),
        "cancel_form": CancelForm(),
    }
    return render(request, "vehicles/trip_detail.html", context)


def _decide(request, pk: int, approve: bool):
    trip = trip_or_404(request.user, pk)
    step = current_step(trip)
    return action(
        request,
        allowed=may_decide(request.user, step, get_rule(RULE)),
        form=DecisionForm(request.POST),
        perform=lambda data: services.trip_decide(
            trip_id=trip.pk, by=request.user, approve=approve, reason=data["reason"]
        ),
        success=_("Approved.") if approve else _("Returned to the requester."),
        redirect_to=trip,
    )


@require_POST
def trip_approve(request, pk: int):
    return _decide(request, pk, True)


@require_POST
def trip_return(request, pk: int):
    return _decide(request, pk, False)


@require_POST
def trip_cancel(request, pk: int):
    trip = trip_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.may_cancel(request.user, trip),
        form=CancelForm(request.POST),
        perform=lambda data: services.trip_cancel(
            trip_id=trip.pk, by=request.user, reason=data["reason"]
        ),
        success=_("The trip is cancelled."),
        redirect_to=trip,
    )
