from django.contrib import admin

from tiepdan.mediation.models import (
    Agreement,
    MediationCase,
    MediationSession,
    MediationTeam,
    Mediator,
    Party,
)


class MediatorInline(admin.TabularInline):
    model = Mediator
    extra = 0


@admin.register(MediationTeam)
class MediationTeamAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "leader", "leader_decision_number"]
    raw_id_fields = ["group", "leader"]
    inlines = [MediatorInline]


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0


class SessionInline(admin.StackedInline):
    model = MediationSession
    extra = 0


@admin.register(MediationCase)
class MediationCaseAdmin(admin.ModelAdmin):
    list_display = ["number", "year", "team", "field", "status", "received_on"]
    list_filter = ["status", "field", "year"]
    search_fields = ["summary"]
    raw_id_fields = ["team", "referred_case"]
    inlines = [PartyInline, SessionInline]


admin.site.register(Agreement)
