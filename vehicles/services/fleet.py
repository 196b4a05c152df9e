"""The fleet: the dispatcher adds and changes vehicles and drivers."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit

from .. import permissions as perms
from ..models import Driver, Vehicle

VEHICLE_FIELDS = ("plate", "kind", "model_name", "seats", "power", "status", "leader", "order")
DRIVER_FIELDS = ("user", "name", "licence_class", "phone", "active")


def vehicle_save(*, by, vehicle_id: int | None = None, **values) -> Vehicle:
    """Add a vehicle, or change one (a plate is unique)."""
    require_actor(perms.may_manage_fleet(by))
    try:
        with transaction.atomic():
            if vehicle_id is None:
                vehicle = Vehicle()
            else:
                vehicle = Vehicle.objects.select_for_update().get(pk=vehicle_id)
            for name in VEHICLE_FIELDS:
                if name in values:
                    setattr(vehicle, name, values[name])
            created = vehicle.pk is None
            vehicle.save()
            verb = "vehicles.vehicle_added" if created else "vehicles.vehicle_changed"
            audit(actor=by, verb=verb, target=vehicle, data={"subject": vehicle.plate})
            return vehicle
    except IntegrityError as exc:
        raise DomainError(
            _("A vehicle with the plate %(plate)s is already registered.")
            % {"plate": values.get("plate")}
        ) from exc


@transaction.atomic
def driver_save(*, by, driver_id: int | None = None, **values) -> Driver:
    require_actor(perms.may_manage_fleet(by))
    driver = Driver() if driver_id is None else Driver.objects.select_for_update().get(pk=driver_id)
    for name in DRIVER_FIELDS:
        if name in values:
            setattr(driver, name, values[name])
    user = values.get("user")
    if user is not None and Driver.objects.filter(user=user).exclude(pk=driver.pk).exists():
        raise DomainError(_("%(user)s is already a driver.") % {"user": user})
    created = driver.pk is None
    driver.save()
    verb = "vehicles.driver_added" if created else "vehicles.driver_changed"
    audit(actor=by, verb=verb, target=driver, data={"subject": driver.name})
    return driver
