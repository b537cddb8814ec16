from django.contrib import admin

from tiepdan.integrations.models import ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """Read-only here: keys are created on the unit admin's page or by `create_api_key`."""

    list_display = ["name", "prefix", "unit", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "prefix"]
    readonly_fields = [f.name for f in ApiKey._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False
