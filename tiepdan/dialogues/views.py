"""Dialogue pages: list, plan, the record page with its small forms, minutes, public pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.accounts.access import require
from tiepdan.dialogues import rules, services
from tiepdan.dialogues.access import MANAGE, VIEW, get_dialogue_for
from tiepdan.dialogues.documents import minutes_docx, minutes_name
from tiepdan.dialogues.forms import (
    CancelForm,
    CommitmentForm,
    HeldForm,
    InvitationsSentForm,
    InviteForm,
    IssueForm,
    PlanForm,
    PublishForm,
)
from tiepdan.dialogues.models import Dialogue
from tiepdan.web.actions import submit
from tiepdan.web.request import StaffRequest

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def dialogue_list(request: StaffRequest) -> HttpResponse:
    require(request.user, VIEW)
    dialogues = Dialogue.objects.visible_to(request.user).select_related("chaired_by", "unit")
    now = timezone.now()
    context = {
        "upcoming": dialogues.filter(held_at__gte=now, status=Dialogue.Status.PLANNED).order_by(
            "held_at"
        ),
        "past": dialogues.exclude(held_at__gte=now, status=Dialogue.Status.PLANNED)[:100],
    }
    return render(request, "dialogues/list.html", context)


def plan(request: StaffRequest) -> HttpResponse:
    require(request.user, MANAGE)
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied
    form = PlanForm(request.POST or None, unit=unit, initial={"chaired_by": request.user.pk})
    if request.method == "POST":
        dialogue = submit(
            request,
            form,
            lambda data: services.plan_dialogue(unit=unit, actor=request.user, **data),
        ).value
        if dialogue is not None:
            warning = rules.planning_warning(
                is_complaint=False, today=timezone.localdate(), held_on=dialogue.held_on
            )
            if warning:
                messages.warning(request, warning)
            messages.success(
                request, _("The dialogue has been planned. Add the invited participants.")
            )
            return redirect(dialogue)
    return render(request, "dialogues/plan.html", {"form": form})


def detail(request: StaffRequest, pk: int, forms: dict[str, Any] | None = None) -> HttpResponse:
    dialogue = get_dialogue_for(request.user, pk)
    forms = forms or {}
    context = {
        "dialogue": dialogue,
        "participants": dialogue.participants.all(),
        "issues": dialogue.issues.all(),
        "commitments": dialogue.commitments.select_related("owner_user", "owner_department"),
        "today": timezone.localdate(),
        "can_manage": request.user.has_perm(MANAGE),
        "invite_form": forms.get("invite") or InviteForm(),
        "sent_form": forms.get("sent")
        or InvitationsSentForm(
            initial={"invitations_sent_on": dialogue.invitations_sent_on or timezone.localdate()}
        ),
        "held_form": forms.get("held")
        or HeldForm(dialogue=dialogue, initial={"minutes_copies": dialogue.minutes_copies}),
        "issue_form": forms.get("issue") or IssueForm(),
        "commitment_form": forms.get("commitment") or CommitmentForm(unit=dialogue.unit),
        "cancel_form": forms.get("cancel") or CancelForm(),
        "publish_form": forms.get("publish")
        or PublishForm(initial={"public_summary": dialogue.public_summary}),
    }
    return render(request, "dialogues/detail.html", context)


def _action(
    request: StaffRequest,
    pk: int,
    name: str,
    make: Callable[[Dialogue], Any],
    run: Callable[[Dialogue, dict], object],
) -> HttpResponse:
    """Validate one small form of the record page and run its service; errors re-render."""
    dialogue = get_dialogue_for(request.user, pk, write=True)
    form = make(dialogue)
    done = submit(request, form, lambda data: run(dialogue, data))
    if done.ok:
        if isinstance(done.value, str):
            messages.warning(request, done.value)
        messages.success(request, _("Saved."))
        return redirect(f"{dialogue.get_absolute_url()}#{name}")
    return detail(request, pk, forms={name: form})


@require_POST
def invite(request: StaffRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        "invite",
        lambda d: InviteForm(request.POST),
        lambda d, data: services.invite(d, **data),
    )


@require_POST
def invitations_sent(request: StaffRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        "sent",
        lambda d: InvitationsSentForm(request.POST),
        lambda d, data: services.record_invitations_sent(d, sent_on=data["invitations_sent_on"]),
    )


@require_POST
def held(request: StaffRequest, pk: int) -> HttpResponse:
    def run(d: Dialogue, data: dict) -> None:
        attended = [int(x) for x in data.pop("attended")]
        services.record_held(d, attended=attended, **data)

    return _action(request, pk, "held", lambda d: HeldForm(request.POST, dialogue=d), run)


@require_POST
def add_issue(request: StaffRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        "issue",
        lambda d: IssueForm(request.POST),
        lambda d, data: services.add_issue(d, **data),
    )


@require_POST
def add_commitment(request: StaffRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        "commitment",
        lambda d: CommitmentForm(request.POST, unit=d.unit),
        lambda d, data: services.add_commitment(d, actor=request.user, **data),
    )


@require_POST
def publish(request: StaffRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        "publish",
        lambda d: PublishForm(request.POST),
        lambda d, data: services.publish_summary(d, summary=data["public_summary"]),
    )


def minutes(request: StaffRequest, pk: int) -> HttpResponse:
    dialogue = get_dialogue_for(request.user, pk)
    if dialogue.status != Dialogue.Status.HELD:
        raise Http404
    response = HttpResponse(minutes_docx(dialogue), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{minutes_name(dialogue)}"'
    return response


@login_not_required
def public_list(request: HttpRequest) -> HttpResponse:
    dialogues = Dialogue.objects.published().select_related("unit", "chaired_by")
    return render(request, "dialogues/public_list.html", {"dialogues": dialogues[:100]})


@login_not_required
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The published summary and the progress of each commitment (status and % done)."""
    dialogue = get_object_or_404(Dialogue.objects.published().select_related("unit"), pk=pk)
    commitments = dialogue.commitments.exclude(status="cancelled").select_related(
        "owner_department"
    )
    context = {"dialogue": dialogue, "commitments": commitments, "today": timezone.localdate()}
    return render(request, "dialogues/public_detail.html", context)


@require_POST
def cancel(request: StaffRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        "cancel",
        lambda d: CancelForm(request.POST),
        lambda d, data: services.cancel_dialogue(d, **data),
    )
