"""The dispatcher's fleet: vehicles and drivers, and a vehicle's bookings."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.views.actions import action

from .. import permissions, services
from ..forms import DriverForm, VehicleForm
from ..models import Dispatch, Driver, Vehicle


def fleet(request):
    if not permissions.sees_all(request.user):
        raise PermissionDenied
    context = {
        "vehicles": Vehicle.objects.select_related("leader"),
        "drivers": Driver.objects.select_related("user"),
        "may_manage": permissions.may_manage_fleet(request.user),
    }
    return render(request, "vehicles/fleet.html", context)


def vehicle_detail(request, pk: int):
    if not permissions.sees_all(request.user):
        raise PermissionDenied
    vehicle = get_object_or_404(Vehicle.objects.select_related("leader"), pk=pk)
    bookings = (
        Dispatch.objects.filter(vehicle=vehicle, status=Dispatch.Status.ACTIVE, end__gte=now())
        .select_related("trip__requested_by", "driver")
        .order_by("start")[:50]
    )
    return render(
        request, "vehicles/vehicle_detail.html", {"vehicle": vehicle, "bookings": bookings}
    )


def vehicle_edit(request, pk: int | None = None):
    vehicle = get_object_or_404(Vehicle, pk=pk) if pk else None
    form = VehicleForm(request.POST or None, instance=vehicle)
    return action(
        request,
        allowed=permissions.may_manage_fleet(request.user),
        form=form,
        perform=lambda data: services.vehicle_save(
            by=request.user, vehicle_id=pk, **{name: data[name] for name in form.Meta.fields}
        ),
        success=_("Vehicle saved."),
        redirect_to="vehicles:fleet",
        page=lambda form: render(
            request, "vehicles/fleet_form.html", {"form": form, "what": _("Vehicle")}
        ),
    )


def driver_edit(request, pk: int | None = None):
    driver = get_object_or_404(Driver, pk=pk) if pk else None
    form = DriverForm(request.POST or None, instance=driver)
    return action(
        request,
        allowed=permissions.may_manage_fleet(request.user),
        form=form,
        perform=lambda data: services.driver_save(
            by=request.user, driver_id=pk, **{name: data[name] for name in form.Meta.fields}
        ),
        success=_("Driver saved."),
        redirect_to="vehicles:fleet",
        page=lambda form: render(
            request, "vehicles/fleet_form.html", {"form": form, "what": _("Driver")}
        ),
    )
