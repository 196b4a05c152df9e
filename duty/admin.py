from django.contrib import admin

from duty.models import Post, Shift, ShiftTemplate


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "order", "active"]
    list_editable = ["order", "active"]


@admin.register(ShiftTemplate)
class ShiftTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "start_time", "end_time", "order", "active"]


@admin.register(Shift)
class ShiftAdmin(admin.ModelAdmin):
    # Read-only: the roster changes through the duty pages, whose services audit every change.
    list_display = ["date", "template", "post", "starts_at", "ends_at"]
    list_filter = ["post", "template"]
    date_hierarchy = "date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
