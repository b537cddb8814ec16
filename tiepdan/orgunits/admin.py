from django.contrib import admin

from tiepdan.orgunits.models import Department, OrgUnit


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0
    fields = ("code", "name", "kind", "is_active")


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "level", "kind", "parent", "is_historical")
    list_filter = ("level", "kind", "is_historical")
    list_select_related = ("parent",)
    search_fields = ("name", "code")
    autocomplete_fields = ("parent",)
    readonly_fields = ("path",)
    fields = (
        "name",
        "kind",
        "level",
        "code",
        "parent",
        "is_historical",
        "address",
        "phone",
        "email",
        "path",
    )
    inlines = [DepartmentInline]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "unit", "is_active")
    list_filter = ("kind", "is_active")
    list_select_related = ("unit",)
    search_fields = ("name", "code", "unit__name")
    autocomplete_fields = ("unit",)
