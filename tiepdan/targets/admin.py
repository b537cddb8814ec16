from django.contrib import admin

from tiepdan.targets.models import Programme, Target, TargetResult, UnitRating


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = [
        "order",
        "code",
        "name",
        "group",
        "measure",
        "plan",
        "direction",
        "decimals",
        "builtin",
    ]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "year"]
    list_filter = ["year"]
    search_fields = ["title", "unit__name"]
    inlines = [TargetInline]


@admin.register(TargetResult)
class TargetResultAdmin(admin.ModelAdmin):
    list_display = ["target", "year", "kind", "index", "value", "previous", "computed"]
    list_filter = ["kind", "computed", "year"]
    raw_id_fields = ["target", "entered_by"]


@admin.register(UnitRating)
class UnitRatingAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "rating", "decided_by"]
    list_filter = ["year", "rating"]
