"""Read-only admin: seals change through the seals pages, whose services check, lock and
audit every step (and the image is never shown, here neither)."""

from django.contrib import admin

from seals.models import Seal, SealLoan, SealRequest, SealUse


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Seal)
class SealAdmin(ReadOnly):
    list_display = ["name", "kind", "custodian", "location", "status", "chain"]
    list_filter = ["kind", "status"]
    exclude = ["image"]


@admin.register(SealRequest)
class SealRequestAdmin(ReadOnly):
    list_display = ["seal", "requested_by", "purpose", "copies", "status", "created_at"]
    list_filter = ["status", "seal"]
    exclude = ["upload"]


@admin.register(SealUse)
class SealUseAdmin(ReadOnly):
    list_display = ["used_at", "seal", "subject", "copies", "used_by", "approved_by", "electronic"]
    list_filter = ["seal", "electronic"]
    exclude = ["sealed_pdf", "token"]


@admin.register(SealLoan)
class SealLoanAdmin(ReadOnly):
    list_display = ["seal", "borrower", "lent_at", "due_back", "status", "returned_at"]
    list_filter = ["status", "seal"]
