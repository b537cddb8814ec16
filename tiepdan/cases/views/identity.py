"""The unit administrator's page of the denouncer-identity access log (rule 19)."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render

from tiepdan.cases.forms.identity import LogFilter
from tiepdan.cases.search.identity_log import CAPABILITY, VIA_LABELS, page, rows_for
from tiepdan.web.request import StaffRequest


@permission_required(CAPABILITY, raise_exception=True)
def access_log(request: StaffRequest) -> HttpResponse:
    """Who was shown which denouncer, when and how: newest first, keyset-paged."""
    form = LogFilter(request.GET or None, actor=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    result = page(rows_for(request.user, data), request.GET.get("after", ""))
    for row in result.rows:
        row.via_label = VIA_LABELS.get(row.via, row.via)  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("after", None)
    return render(
        request,
        "cases/identity_log.html",
        {"filter": form, "page": result, "query": query.urlencode()},
    )
