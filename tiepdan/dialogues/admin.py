from django.contrib import admin

from tiepdan.dialogues.models import Dialogue, Participant, RaisedIssue


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0


class RaisedIssueInline(admin.StackedInline):
    model = RaisedIssue
    extra = 0


@admin.register(Dialogue)
class DialogueAdmin(admin.ModelAdmin):
    list_display = ["topic", "unit", "kind", "held_at", "status"]
    list_filter = ["kind", "status", "unit"]
    search_fields = ["topic"]
    raw_id_fields = ["unit", "chaired_by", "cases", "residential_groups"]
    inlines = [ParticipantInline, RaisedIssueInline]
