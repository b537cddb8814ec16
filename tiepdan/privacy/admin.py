from django.contrib import admin

from tiepdan.privacy.models import Consent, DataSubjectRequest


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ("form", "record_id", "unit", "notice_version", "given_at")
    list_filter = ("form", "notice_version")

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False  # proof of consent is never edited


@admin.register(DataSubjectRequest)
class DataSubjectRequestAdmin(admin.ModelAdmin):
    list_display = ("received_at", "kind", "unit", "ack_due_on", "acknowledged_at", "closed_at")
    list_filter = ("kind", "channel", "outcome")
    readonly_fields = ("received_at", "ack_due_on")
