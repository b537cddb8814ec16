from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

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

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReceptionEntry]:
        # A denunciation's visitor is protected (Law on Denunciations Art. 47; rule 19): such
        # entries are read on the reception pages, by those who may see them, not here.
        return super().get_queryset(request).exclude(kind=ReceptionEntry.Kind.DENUNCIATION)

    def has_add_permission(self, request: object) -> bool:
        return False  # recorded on the reception pages (numbering, rules; its form lists citizens)

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
