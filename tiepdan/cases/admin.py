"""Unit settings in the admin: fields, periods, notice wording. Cases change only via services."""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.cases import rules
from tiepdan.cases.documents import DEFAULTS, PLACEHOLDER
from tiepdan.cases.identity import exported
from tiepdan.cases.models import Case, CaseEvent
from tiepdan.cases.models.settings import CasePolicy, Field, NoticeTemplate


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "unit",
        "default_department",
        "default_assignee",
        "position",
        "is_active",
    ]
    list_filter = ["unit", "is_active"]
    search_fields = ["name", "code"]


@admin.register(CasePolicy)
class CasePolicyAdmin(admin.ModelAdmin):
    list_display = ["unit", "reminder_working_days"]
    readonly_fields = ["legal_defaults"]

    @admin.display(description=_("Legal defaults (key, days, source)"))
    def legal_defaults(self, obj: CasePolicy) -> str:
        rows = (
            (key, p.days, _("working days") if p.working else _("days"), p.label, p.source)
            for key, p in rules.PERIODS.items()
        )
        return format_html_join("\n", "<div><code>{}</code>: {} {} — {} ({})</div>", rows)


@admin.register(NoticeTemplate)
class NoticeTemplateAdmin(admin.ModelAdmin):
    list_display = ["unit", "kind", "summary"]
    list_filter = ["unit", "kind"]
    readonly_fields = ["placeholders"]

    @admin.display(description=_("Placeholders"))
    def placeholders(self, obj: NoticeTemplate) -> str:
        names = sorted(
            {m for _k, (_d, _s, body) in DEFAULTS.items() for m in PLACEHOLDER.findall(body)}
        )
        return ", ".join("{" + n + "}" for n in names)


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    readonly_fields = ("at", "actor", "kind", "from_status", "to_status", "shown_text", "is_public")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    @admin.display(description=_("text"))
    def shown_text(self, obj: CaseEvent) -> str:
        # An audit view: a denouncer's identity is removed, whoever looks (rule 19).
        return exported(obj.case).text(obj.text)


# Free text of a case that may name a denouncer: shown redacted in the admin.
REDACTED_TEXT = ("subject", "content", "decision_note", "rating_comment", "source_name")


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    """Read-only: every change to a case goes through the staff pages (services, timeline)."""

    list_display = ["registration_number", "unit", "kind", "status", "received_on", "due_on"]
    list_filter = ["unit", "kind", "status", "channel"]
    search_fields = ["subject", "tracking_code"]
    inlines = [CaseEventInline]
    # The reception-book entry reads as its visitor's name: left out, like the free text.
    exclude = (*REDACTED_TEXT, "reception_entry")
    readonly_fields = ["shown_subject", "shown_content"]

    @admin.display(description=pgettext_lazy("case", "subject"))
    def shown_subject(self, obj: Case) -> str:
        return exported(obj).text(obj.subject)

    @admin.display(description=pgettext_lazy("case", "content"))
    def shown_content(self, obj: Case) -> str:
        return exported(obj).text(obj.content)

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
