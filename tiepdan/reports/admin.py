from django.contrib import admin

from tiepdan.reports.models import GeneratedReport, ReportSettings


@admin.register(ReportSettings)
class ReportSettingsAdmin(admin.ModelAdmin):
    list_display = ["unit", "state_cutoff_day", "party_cutoff_day"]
    raw_id_fields = ["unit"]


@admin.register(GeneratedReport)
class GeneratedReportAdmin(admin.ModelAdmin):
    list_display = ["unit", "kind", "period", "fmt", "status", "number", "created_at"]
    list_filter = ["kind", "status", "fmt"]
    readonly_fields = ["progress", "error", "finished_at"]
