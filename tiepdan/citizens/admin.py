from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tiepdan.cases.rules import Kind
from tiepdan.citizens.models import Citizen
from tiepdan.lib.text import fold


@admin.register(Citizen)
class CitizenAdmin(admin.ModelAdmin):
    """Personal data: found by name (accents optional), exact document number or phone."""

    list_display = ("full_name", "birth_year", "id_kind", "ward_code", "created_at")
    list_filter = ("id_kind", "sex")
    search_fields = ("name_key",)
    search_help_text = _("Full name (accents optional), exact ID number or phone")
    readonly_fields = ("created_at",)
    show_full_result_count = False
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Citizen]:
        # Denouncers are not listed here at all (Law on Denunciations Art. 47; rule 19): only
        # the person resolving the denunciation and its staff see them, on the case.
        return super().get_queryset(request).exclude(case_links__case__kind=Kind.DENUNCIATION)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Citizen], search_term: str
    ) -> tuple[QuerySet[Citizen], bool]:
        # Names are matched on their folded key, so "nguyen van an" finds "Nguyễn Văn An";
        # numbers are encrypted, so they are matched exactly through their keyed hashes.
        folded = fold(search_term)
        results, duplicates = super().get_search_results(request, queryset, search_term)
        if folded and folded != search_term:
            extra, _dup = super().get_search_results(request, queryset, folded)
            results = results | extra
        term = search_term.strip()
        if term:
            numbers = Citizen.objects.with_id_number(term) | Citizen.objects.with_phone(term)
            results = results | queryset.filter(pk__in=numbers.values("pk"))
        return results, duplicates
