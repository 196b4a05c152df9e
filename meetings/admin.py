"""Admin: read-mostly views of rooms and meetings; statuses change only through services."""

from django.contrib import admin

from .models import AgendaItem, Attendance, Guest, Meeting, Room


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "building", "capacity", "active", "order"]
    list_filter = ["active", "building"]
    search_fields = ["name", "building"]


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "title", "presenter", "minutes_allotted"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    readonly_fields = ["user", "required", "response", "reason", "presence", "signed_in_at"]
    can_delete = False


class GuestInline(admin.TabularInline):
    model = Guest
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "start", "room", "organiser", "status"]
    list_filter = ["status", "kind", "room"]
    search_fields = ["title"]
    date_hierarchy = "start"
    readonly_fields = ["status", "sequence", "series", "start", "end", "room"]
    raw_id_fields = ["organiser", "chair", "recorder"]
    inlines = [AgendaInline, AttendanceInline, GuestInline]
