"""Admin: read-mostly views for superusers; ID numbers appear masked only."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Arrangement, Visit, Visitor, WatchListEntry


class VisitorInline(admin.TabularInline):
    model = Visitor
    fields = ["name", "phone", "id_type", "masked_id", "badge_number", "checked_in_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    @admin.display(description=_("ID number"))
    def masked_id(self, obj):
        return obj.masked_id_number


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["party", "organisation", "host", "expected_arrival", "status"]
    list_filter = ["status", "walk_in"]
    search_fields = ["party", "organisation"]
    list_select_related = ["host"]
    inlines = [VisitorInline]
    # Status changes go through reception.services, never the admin.
    readonly_fields = ["status", "arrived_at", "left_at", "party", "headcount"]
    raw_id_fields = ["host", "registered_by"]


@admin.register(Arrangement)
class ArrangementAdmin(admin.ModelAdmin):
    list_display = ["kind", "visit", "date", "responsible", "cost_estimate", "status"]
    list_filter = ["kind", "status"]
    list_select_related = ["visit", "responsible"]
    readonly_fields = ["status", "decided_by", "decided_at", "done_at"]
    raw_id_fields = ["visit", "responsible", "created_by"]


@admin.register(WatchListEntry)
class WatchListEntryAdmin(admin.ModelAdmin):
    list_display = ["name", "reason", "active", "created_at"]
    exclude = ["id_number"]
    readonly_fields = ["name", "phone", "reason", "active", "added_by"]

    def has_add_permission(self, request):
        return False  # kept on the reception watch-list page, where input is validated
