"""Admin views are for looking up records; every change goes through the documents pages,
whose services lock, number, audit and notify. Hence read-only throughout (superusers only:
the admin does not apply the confidentiality scope)."""

from django.contrib import admin

from documents.models import (
    AccessLog,
    ArchiveRecord,
    IncomingDocument,
    Notice,
    OutgoingDocument,
    SerialCounter,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(IncomingDocument)
class IncomingDocumentAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "source_org", "security_level", "status", "received_at"]
    list_filter = ["status", "security_level", "kind", "year"]
    search_fields = ["number", "title", "source_org", "source_number"]
    date_hierarchy = "received_at"


@admin.register(OutgoingDocument)
class OutgoingDocumentAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "drafted_by", "security_level", "status", "signed_at"]
    list_filter = ["status", "security_level", "series", "year"]
    search_fields = ["number", "title"]
    list_select_related = ["drafted_by"]


@admin.register(ArchiveRecord)
class ArchiveRecordAdmin(ReadOnlyAdmin):
    list_display = ["archive_code", "title", "retention", "year", "archived_at"]
    list_filter = ["year", "retention", "category"]
    search_fields = ["archive_code", "title", "doc_number"]


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ["title", "status", "pinned", "published_at", "expires_on"]
    list_filter = ["status", "pinned"]


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ["opened_at", "user", "what", "incoming", "outgoing"]
    list_select_related = ["user", "incoming", "outgoing"]
    list_filter = ["what"]


@admin.register(SerialCounter)
class SerialCounterAdmin(ReadOnlyAdmin):
    list_display = ["series", "year", "last"]
