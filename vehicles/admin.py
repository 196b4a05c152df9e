"""Admin: read-only views of trips and dispatches for superusers; the fleet is kept on the
dispatcher's pages (vehicles.services.fleet), so every change is audited."""

from django.contrib import admin

from .models import Dispatch, Driver, Trip, Vehicle


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Vehicle)
class VehicleAdmin(ReadOnly):
    list_display = ["plate", "kind", "seats", "power", "leader", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["plate"]


@admin.register(Driver)
class DriverAdmin(ReadOnly):
    list_display = ["name", "licence_class", "phone", "user", "active"]


@admin.register(Trip)
class TripAdmin(ReadOnly):
    list_display = ["__str__", "requested_by", "start", "end", "people", "status"]
    list_filter = ["status"]
    list_select_related = ["requested_by"]
    search_fields = ["origin", "destination", "purpose"]


@admin.register(Dispatch)
class DispatchAdmin(ReadOnly):
    list_display = ["number", "trip", "vehicle", "driver", "start", "status"]
    list_filter = ["status"]
    list_select_related = ["trip", "vehicle", "driver"]
