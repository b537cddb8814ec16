from django.contrib import admin

from tiepdan.directives.models import Directive, DirectiveUpdate


class DirectiveUpdateInline(admin.TabularInline):
    model = DirectiveUpdate
    extra = 0
    readonly_fields = ["kind", "note", "percent_done", "evidence", "actor", "at"]
    can_delete = False


@admin.register(Directive)
class DirectiveAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "owner_department", "owner_user", "due_on", "status"]
    list_filter = ["status", "source_kind", "unit"]
    search_fields = ["title", "content"]
    raw_id_fields = ["issued_by", "owner_user", "owner_department", "unit"]
    inlines = [DirectiveUpdateInline]
    readonly_fields = ["source_content_type", "source_object_id"]
