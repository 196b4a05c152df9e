"""Read-mostly admin: statuses change only through the services, so they are read-only here."""

from django.contrib import admin

from .models import Extension, ProgressReport, ReportAttachment, Task


class ProgressReportInline(admin.TabularInline):
    model = ProgressReport
    extra = 0
    fields = ["created_at", "author", "text"]
    readonly_fields = fields
    can_delete = False


class ExtensionInline(admin.TabularInline):
    model = Extension
    extra = 0
    fields = ["created_at", "requested_by", "new_deadline", "status", "decided_by"]
    readonly_fields = fields
    can_delete = False


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "owner", "owner_department", "deadline", "source_kind"]
    list_filter = ["status", "source_kind", "priority", "owner_department"]
    search_fields = ["title", "description"]
    date_hierarchy = "deadline"
    list_select_related = ["owner", "owner_department"]
    raw_id_fields = ["owner", "assigned_by", "verified_by", "co_owners"]
    readonly_fields = [
        "status",
        "source_type",
        "source_id",
        "deadline",
        "original_deadline",
        "on_time",
        "accepted_at",
        "completion_requested_at",
        "completed_at",
        "verified_by",
        "cancelled_at",
        "last_report_at",
    ]
    inlines = [ProgressReportInline, ExtensionInline]


@admin.register(ReportAttachment)
class ReportAttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "report", "size", "uploaded_by", "uploaded_at"]
    raw_id_fields = ["report", "uploaded_by"]
