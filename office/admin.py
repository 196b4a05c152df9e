from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from office.models import AuditEvent, Department, Notification, OutboxMessage, Reminder, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "name", "department", "title", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "groups", "department"]
    search_fields = ["username", "name", "email", "phone"]
    list_select_related = ["department"]
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Office"), {"fields": ["name", "department", "title", "phone"]}),
    )
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        (_("Office"), {"fields": ["name", "department", "title", "phone", "email"]}),
    )


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "parent", "head", "order"]
    search_fields = ["name", "code"]
    list_select_related = ["parent", "head"]
    autocomplete_fields = ["head"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail is evidence."""

    list_display = ["created_at", "actor", "verb", "target_repr", "ip"]
    list_filter = ["verb"]
    search_fields = ["verb", "target_repr", "actor__username", "actor__name"]
    list_select_related = ["actor"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "title", "read_at", "emailed_at"]
    search_fields = ["title", "recipient__username"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient", "actor", "reminder"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["due_at", "kind", "recipient", "status", "sent_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient"]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """What was queued for a worker; rows without done_at are still being retried."""

    list_display = ["created_at", "task", "args", "attempts", "dispatched_at", "done_at"]
    list_filter = ["task"]
    search_fields = ["task", "last_error"]
    readonly_fields = ["task", "args", "created_at", "dispatched_at", "attempts", "last_error"]
