"""Staff pages: the unit's log of data-subject requests (Law 91/2025; rule 26)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.accounts.access import require, scoped
from tiepdan.privacy import retention, services
from tiepdan.privacy.access import MANAGE, get_request_for
from tiepdan.privacy.forms import CloseRequestForm, StaffRequestForm
from tiepdan.privacy.models import DataSubjectRequest
from tiepdan.web.actions import perform, submit
from tiepdan.web.request import StaffRequest


def request_list(request: StaffRequest) -> HttpResponse:
    require(request.user, MANAGE)
    show = request.GET.get("show", "open")
    rows = scoped(DataSubjectRequest.objects.select_related("unit"), request.user)
    if show != "all":
        rows = rows.filter(closed_at__isnull=True)
    days = retention.periods()
    return render(
        request,
        "privacy/request_list.html",
        {
            "requests": rows[:500],
            "show": show,
            "today": timezone.localdate(),
            "periods": [(t, days[t.key]) for t in retention.RECORD_TYPES],
        },
    )


def request_new(request: StaffRequest) -> HttpResponse:
    require(request.user, MANAGE)
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied
    form = StaffRequestForm(request.POST or None)
    if request.method == "POST":
        made = submit(
            request,
            form,
            lambda data: services.file_request(unit, actor=request.user, **data),
        ).value
        if made is not None:
            messages.success(request, _("Request %(ref)s logged.") % {"ref": made.reference})
            return redirect(made)
    return render(request, "privacy/request_new.html", {"form": form})


def request_detail(request: StaffRequest, pk: int) -> HttpResponse:
    made = get_request_for(request.user, pk)
    return render(
        request,
        "privacy/request_detail.html",
        {"made": made, "close_form": CloseRequestForm(), "today": timezone.localdate()},
    )


@require_POST
def acknowledge(request: StaffRequest, pk: int) -> HttpResponse:
    made = get_request_for(request.user, pk, write=True)
    perform(
        request,
        lambda: services.acknowledge(made, actor=request.user),
        success=_("Acknowledgement recorded."),
    )
    return redirect(made)


@require_POST
def close(request: StaffRequest, pk: int) -> HttpResponse:
    made = get_request_for(request.user, pk, write=True)
    form = CloseRequestForm(request.POST)
    closed = submit(
        request,
        form,
        lambda data: services.close(
            made,
            actor=request.user,
            outcome=data["outcome"],
            note=data["outcome_note"],
        ),
        success=_("Request closed."),
    )
    if closed.ok:
        return redirect(made)
    return render(
        request,
        "privacy/request_detail.html",
        {"made": made, "close_form": form, "today": timezone.localdate()},
        status=400,
    )
