from django.contrib import admin

from tiepdan.reception.models import (
    ReceptionDay,
    ReceptionEntry,
    ReceptionMinimum,
    ReceptionSchedule,
)


@admin.register(ReceptionMinimum)
class ReceptionMinimumAdmin(admin.ModelAdmin):
    list_display = ["unit", "post", "per_month", "per_week"]
    list_filter = ["post"]


@admin.register(ReceptionSchedule)
class ReceptionScheduleAdmin(admin.ModelAdmin):
    list_display = ["unit", "leader", "weekday", "weeks_of_month", "starts_at", "is_active"]
    list_filter = ["unit"]


@admin.register(ReceptionDay)
class ReceptionDayAdmin(admin.ModelAdmin):
    list_display = ["on", "starts_at", "leader", "unit", "kind", "status"]
    list_filter = ["status", "kind", "unit"]
    date_hierarchy = "on"

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False  # changes go through the services (notice rules, calendar sequence)


@admin.register(ReceptionEntry)
class ReceptionEntryAdmin(admin.ModelAdmin):
    list_display = ["number", "year", "received_on", "full_name", "kind", "route", "unit"]
    list_filter = ["kind", "route", "unit"]
    search_fields = ["full_name"]  # the document number is encrypted: not searchable here
    date_hierarchy = "received_on"

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
