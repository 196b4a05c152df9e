"""The dispatcher's steps (派车, 改派), the driver's trip record, the 派车单 PDF."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from office.pdf import pdf_response, render_pdf
from office.views.actions import action

from .. import permissions, selectors, services
from ..forms import CompleteForm, DispatchForm, ReassignForm
from .trips import trip_or_404


def _dispatch_page(request, trip, form, *, reassign: bool):
    free = {
        "vehicles": selectors.free_vehicles(
            start=trip.start, end=trip.end, seats=trip.people, exclude_trip=trip
        ),
        "drivers": selectors.free_drivers(start=trip.start, end=trip.end, exclude_trip=trip),
    }
    return render(
        request,
        "vehicles/dispatch_form.html",
        {"trip": trip, "form": form, "free": free, "reassign": reassign},
    )


def _initial(trip) -> dict:
    initial = {}
    if trip.preferred_vehicle_id:
        initial["vehicle"] = trip.preferred_vehicle_id
    return initial


def trip_dispatch(request, pk: int):
    trip = trip_or_404(request.user, pk)
    form = DispatchForm(request.POST or None, initial=_initial(trip))
    return action(
        request,
        allowed=permissions.can_dispatch(request.user, trip),
        form=form,
        perform=lambda data: services.trip_dispatch(trip_id=trip.pk, by=request.user, **data),
        success=lambda dispatch: (
            _("%(car)s and %(driver)s are dispatched; everyone is told.")
            % {"car": dispatch.vehicle.plate, "driver": dispatch.driver.name}
        ),
        redirect_to=trip,
        page=lambda form: _dispatch_page(request, trip, form, reassign=False),
    )


def trip_reassign(request, pk: int):
    trip = trip_or_404(request.user, pk)
    current = trip.current_dispatch
    initial = {"vehicle": current.vehicle_id, "driver": current.driver_id} if current else {}
    form = ReassignForm(request.POST or None, initial=initial)
    return action(
        request,
        allowed=permissions.can_reassign(request.user, trip),
        form=form,
        perform=lambda data: services.trip_reassign(trip_id=trip.pk, by=request.user, **data),
        success=lambda dispatch: (
            _("Reassigned to %(car)s and %(driver)s; the travellers have been told.")
            % {"car": dispatch.vehicle.plate, "driver": dispatch.driver.name}
        ),
        redirect_to=trip,
        page=lambda form: _dispatch_page(request, trip, form, reassign=True),
    )


def trip_complete(request, pk: int):
    trip = trip_or_404(request.user, pk)
    dispatch = trip.current_dispatch
    initial = {}
    if dispatch is not None:
        last = selectors.last_odometer(dispatch.vehicle)
        if last is not None:
            initial["odometer_start"] = last
    form = CompleteForm(request.POST or None, initial=initial)
    return action(
        request,
        allowed=permissions.can_complete(request.user, trip),
        form=form,
        perform=lambda data: services.trip_complete(trip_id=trip.pk, by=request.user, **data),
        success=lambda dispatch: _("Trip recorded: %(km)s km.") % {"km": dispatch.distance},
        redirect_to=trip,
        page=lambda form: render(
            request,
            "vehicles/complete_form.html",
            {"trip": trip, "dispatch": dispatch, "form": form},
        ),
    )


def dispatch_pdf(request, pk: int):
    """The 派车单 of the trip's car in force (or completed)."""
    trip = trip_or_404(request.user, pk)
    dispatch = trip.current_dispatch
    if dispatch is None:
        raise Http404(_("This trip has no car yet."))
    pdf = render_pdf(
        "vehicles/pdf/dispatch.html",
        {
            "trip": trip,
            "dispatch": dispatch,
            "passengers": list(trip.passengers.all()),
            "organisation_name": settings.ORGANISATION_NAME,
        },
    )
    return pdf_response(pdf, f"派车单{dispatch.number}.pdf")
