"""The head's session page with its conclusions notice, and Regulation 11 compliance."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.accounts.access import scoped
from tiepdan.accounts.models import User
from tiepdan.reception import compliance, documents, services
from tiepdan.reception.access import get_day_for
from tiepdan.reception.forms import (
    ConclusionItemForm,
    IssueConclusionsForm,
    PeriodForm,
    SessionForm,
)
from tiepdan.reception.models import LeaderSession
from tiepdan.web.actions import submit
from tiepdan.web.request import StaffRequest

HOLD = "reception.hold_session"


def _session_context(day: object, session: LeaderSession | None, **forms: object) -> dict:
    unit_id = day.unit_id  # type: ignore[attr-defined]
    return {
        "day": day,
        "session": session,
        "items": session.items.select_related("owner_user", "owner_department", "directive")
        if session
        else [],
        "session_form": forms.get("session_form")
        or SessionForm(
            initial={
                "participants": session.participants if session else day.attendees,  # type: ignore[attr-defined]
                "raised": session.raised if session else "",
                "conclusions": session.conclusions if session else "",
            }
        ),
        "item_form": forms.get("item_form") or ConclusionItemForm(unit_id=unit_id),
        "issue_form": forms.get("issue_form")
        or IssueConclusionsForm(initial={"issued_on": timezone.localdate()}),
    }


def session(request: StaffRequest, pk: int) -> HttpResponse:
    day = get_day_for(request.user, pk)
    current = LeaderSession.objects.filter(day=day).first()
    forms: dict[str, object] = {}
    if request.method == "POST":
        if not request.user.has_perm(HOLD):
            raise Http404
        action = request.POST.get("action")
        form: Any = None
        done = False
        if action == "save":
            form = forms["session_form"] = SessionForm(request.POST)
            done = submit(request, form, lambda data: services.save_session(day, **data)).ok
        elif action == "item" and current:
            form = forms["item_form"] = ConclusionItemForm(request.POST, unit_id=day.unit_id)
            done = submit(
                request, form, lambda data: services.add_conclusion_item(current, **data)
            ).ok
        elif action == "issue" and current:
            form = forms["issue_form"] = IssueConclusionsForm(request.POST)
            done = submit(
                request,
                form,
                lambda data: services.issue_conclusions(current, actor=request.user, **data),
                success=_("The conclusions notice is issued; its tasks are now directives."),
            ).ok
        if done:
            return redirect("reception:session", pk=day.pk)
    return render(request, "reception/session.html", _session_context(day, current, **forms))


def conclusions_docx(request: StaffRequest, pk: int) -> HttpResponse:
    day = get_day_for(request.user, pk)
    current = LeaderSession.objects.filter(day=day).first()
    if current is None:
        raise Http404
    response = HttpResponse(
        documents.conclusions_notice(current),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="thong-bao-ket-luan-{day.on:%Y%m%d}.docx"'
    )
    return response


@permission_required("reception.view_compliance", raise_exception=True)
def compliance_table(request: StaffRequest) -> HttpResponse:
    today = timezone.localdate()
    form = PeriodForm(
        request.GET or {"start": date(today.year, 1, 1), "end": date(today.year, 12, 31)}
    )
    rows = []
    if form.is_valid():
        leaders = scoped(User.objects.exclude(post="").filter(is_active=True), request.user)
        for leader in leaders.select_related("unit").order_by("unit__name", "post"):
            result = compliance.leader_compliance(
                leader, start=form.cleaned_data["start"], end=form.cleaned_data["end"], today=today
            )
            if result:
                rows.append(result)
    return render(
        request, "reception/compliance.html", {"form": form, "rows": rows, "today": today}
    )
