"""Read-only view of the announced days in the Django admin; edits go through the calendar page."""

from django.contrib import admin
from django.http import HttpRequest

from tiepdan.workcalendar.models import Holiday


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "name", "source", "created_by"]
    list_filter = ["kind", "year"]
    search_fields = ["name", "source"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
