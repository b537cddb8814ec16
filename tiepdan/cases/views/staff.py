"""Staff pages: intake, work lists, the case page and its actions. Thin: forms, then services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tiepdan.accounts.access import get_in_scope
from tiepdan.cases import identity, services
from tiepdan.cases.access import get_case_for, get_response_for
from tiepdan.cases.documents import decision_notice, notice_is_redacted
from tiepdan.cases.forms.common import ReasonForm
from tiepdan.cases.forms.staff import (
    AnswerForm,
    ApproveForm,
    AssignForm,
    ClassifyForm,
    ComplexForm,
    DecideForm,
    IntakeForm,
    NoteForm,
    ReturnForm,
    WorklistFilter,
)
from tiepdan.cases.models import Attachment, Case, Response, Status
from tiepdan.cases.rules import allowed_decisions
from tiepdan.cases.search import approvals, caselist
from tiepdan.cases.services import answers
from tiepdan.cases.views import duplicates as duplicate_views
from tiepdan.lib.errors import DomainError
from tiepdan.lib.uploads import clean_upload, clean_uploads
from tiepdan.reception.models import ReceptionEntry
from tiepdan.web.actions import Outcome, perform, show_error, submit
from tiepdan.web.request import StaffRequest

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@permission_required("cases.view_case", raise_exception=True)
def case_list(request: StaffRequest) -> HttpResponse:
    user = request.user
    unit_ids = list(user.visible_units().values_list("id", flat=True))  # type: ignore[union-attr]
    view = request.GET.get("view") or ("mine" if user.has_perm("cases.answer_case") else "all")
    flt = WorklistFilter(request.GET or None, unit_ids=unit_ids)
    data = flt.cleaned_data if flt.is_valid() else {}
    today = timezone.localdate()
    cursor = request.GET.get("after", "")
    page = caselist.find(user, data, view=view, today=today, cursor=cursor)  # type: ignore[arg-type]
    query = request.GET.copy()
    query.pop("after", None)
    context = {
        "filter": flt,
        "view": view,
        "views": dict(worklist_views()),
        "page": page,
        "today": today,
        "query": query.urlencode(),
        "can_assign": user.has_perm("cases.assign_case"),
        "assign_form": AssignForm(unit_id=user.unit_id, workload=False) if user.unit_id else None,  # type: ignore[union-attr]
    }
    return render(request, "cases/case_list.html", context)


def worklist_views() -> list[tuple[str, Any]]:
    from tiepdan.cases.forms.staff import VIEWS

    return VIEWS


@require_POST
@permission_required("cases.assign_case", raise_exception=True)
def bulk_assign(request: StaffRequest) -> HttpResponse:
    user = request.user
    form = AssignForm(request.POST, unit_id=user.unit_id or 0, workload=False)  # type: ignore[union-attr]
    ids = [int(i) for i in request.POST.getlist("case") if i.isdigit()]
    cases = [get_case_for(user, pk, capability="assign_case") for pk in ids]  # type: ignore[arg-type]
    if not form.is_valid() or not cases:
        messages.error(request, _("Choose the cases and whom to assign them to."))
    else:
        outcome = perform(
            request,
            lambda: services.bulk_assign(cases, actor=user, **form.cleaned_data),  # type: ignore[arg-type]
        )
        if outcome.ok:
            messages.success(request, _("%(count)s cases assigned.") % {"count": outcome.value})
    return redirect(request.POST.get("next") or "cases:list")


@permission_required("cases.receive_case", raise_exception=True)
def case_new(request: StaffRequest) -> HttpResponse:
    user = request.user
    unit = user.unit  # type: ignore[union-attr]
    if unit is None:
        raise PermissionDenied
    today = timezone.localdate()
    entry = _entry(request)
    initial = entry_initial(entry) if entry else {"received_on": today}
    form = IntakeForm(request.POST or None, request.FILES or None, unit=unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            intake = form.intake(clean_uploads(form.cleaned_data["attachments"]), entry)
            citizen = entry.citizen if entry and entry.citizen else form.citizen()
            case = services.receive_with_sender(
                intake,
                citizen=citizen,
                unit=unit,
                actor=user,  # type: ignore[arg-type]
                today=today,  # type: ignore[arg-type]
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            messages.success(
                request, _("Case %(number)s registered.") % {"number": case.registration_number}
            )
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/case_form.html", {"form": form, "entry": entry})


def _entry(request: StaffRequest) -> ReceptionEntry | None:
    """The reception-book entry a walk-in case comes from (?entry=…), within the user's scope."""
    raw = request.POST.get("entry") or request.GET.get("entry")
    if not raw:
        return None
    entry = get_in_scope(ReceptionEntry.objects.select_related("citizen"), request.user, raw)
    # The form is filled with the visitor's identity: a denouncer's only for those who may see it.
    if not identity.may_see_entry_identity(request.user, entry):
        raise PermissionDenied(_("This entry shows the denouncer's identity."))
    return entry


def entry_initial(entry: ReceptionEntry) -> dict[str, Any]:
    return {
        "entry": entry.pk,
        "channel": Case.Channel.IN_PERSON,
        "received_on": entry.received_on,
        "kind": entry.kind,
        "subject": entry.summary[:300],
        "content": entry.summary,
        "signer_count": entry.people_count,
        "full_name": entry.full_name,
        "address": entry.address,
        "id_kind": entry.id_kind,
        "id_number": entry.id_number,
    }


def case_detail(request: StaffRequest, pk: int) -> HttpResponse:
    return _case_page(request, get_case_for(request.user, pk))


def _case_page(request: StaffRequest, case: Case, **bound: forms.Form) -> HttpResponse:
    """The case page; `bound` are the answer's forms as they were sent, with their errors
    (approve_form, return_form), shown in place of empty ones."""
    user = request.user
    today = timezone.localdate()
    shown = identity.disclosure_for_request(request, case, identity.Via.PAGE)
    in_hand = case.responses.filter(state__in=answers.IN_HAND).first()
    returned = in_hand.last_return() if in_hand else None
    draft_text = _draft_text(case, in_hand)
    shown.case_fields()
    related = ("drafted_by", "submitted_by", "approved_by")
    context = {
        "case": case,
        "today": today,
        "overdue": case.is_overdue(today),
        "identity_hidden": not shown.visible,
        "events": shown.events(case.events.select_related("actor")),
        "citizens": case.case_citizens.select_related("citizen") if shown.visible else [],
        "attachments": shown.texts(case.attachments.all(), "original_name"),
        "responses": shown.texts(case.responses.select_related(*related)),
        "in_hand": in_hand,
        "returned": shown.events([returned])[0] if returned else None,
        "allowed": allowed_decisions(case.classification())
        if case.status == Status.CLASSIFIED
        else [],
        "assign_form": AssignForm(
            unit_id=case.unit_id,
            department_id=_department_of(case),
            initial={"department": case.assignee_department_id, "officer": case.assignee_id},
        ),
        "note_form": NoteForm(),
        "reason_form": ReasonForm(),
        "answer_form": AnswerForm(initial={"text": shown.text(draft_text)}),
        "approve_form": ApproveForm(
            prefix="approve",
            editable=shown.visible,
            initial={"text": shown.text(in_hand.text) if in_hand else ""},
        ),
        "return_form": ReturnForm(prefix="return"),
        "reopen_deadline": answers.reopen_deadline(case),
        "duplicate_panel": duplicate_views.panel(user, case),  # type: ignore[arg-type]
        **bound,
    }
    return render(request, "cases/case_detail.html", context)


def _draft_text(case: Case, in_hand: Response | None) -> str:
    if in_hand and in_hand.state in (Response.State.DRAFT, Response.State.RETURNED):
        return in_hand.text
    return case.field.answer_template if case.field else ""


def _action(
    request: StaffRequest,
    pk: int,
    capability: str,
    form_class: type[forms.Form],
    run: Callable[[Case, dict[str, Any]], object],
    template: str = "cases/case_action.html",
    form_kwargs: Callable[[Case], dict[str, Any]] | None = None,
    title: str = "",
    success: str = "",
) -> HttpResponse:
    """Show a small form for one action on a case; on POST run it, say what happened and
    return to the case."""
    case = get_case_for(request.user, pk, capability=capability)
    kwargs = form_kwargs(case) if form_kwargs else {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST":
        outcome = submit(request, form, lambda data: run(case, data), success=success)
        if outcome.ok:
            return redirect("cases:detail", pk=case.pk)
        if outcome.error and request.POST.get("inline"):
            messages.error(request, outcome.error.message)
            return redirect("cases:detail", pk=case.pk)
    return render(request, template, {"case": case, "form": form, "title": title})


def case_classify(request: StaffRequest, pk: int) -> HttpResponse:
    def run(case: Case, d: dict[str, Any]) -> object:
        data = services.ClassifyInput(
            kind=d["kind"],
            field=d["field"],
            admissible=d["admissible"],
            inadmissible_reason=d["inadmissible_reason"],
            competent=d["competent"],
            is_anonymous=d["is_anonymous"],
            has_evidence=d["has_evidence"],
            accused_is_party_member=d["accused_is_party_member"],
            party_rule_breach=d["party_rule_breach"],
            is_remote_area=d["is_remote_area"],
            is_complex=d["is_complex"],
            complex_reason=d["complex_reason"],
            signer_count=d["signer_count"],
        )
        return services.classify(case, data, actor=request.user)

    return _action(
        request,
        pk,
        "classify_case",
        ClassifyForm,
        run,
        form_kwargs=lambda c: {"case": c},
        title=_("Classify"),
    )


def case_decide(request: StaffRequest, pk: int) -> HttpResponse:
    def run(case: Case, d: dict[str, Any]) -> object:
        return services.decide(case, actor=request.user, today=timezone.localdate(), **d)

    return _action(
        request,
        pk,
        "decide_case",
        DecideForm,
        run,
        form_kwargs=lambda c: {"allowed": allowed_decisions(c.classification())},
        title=_("Decide"),
    )


def case_assign(request: StaffRequest, pk: int) -> HttpResponse:
    def run(case: Case, d: dict[str, Any]) -> object:
        return services.assign(case, actor=request.user, **d)

    return _action(
        request,
        pk,
        "assign_case",
        AssignForm,
        run,
        form_kwargs=lambda c: {"unit_id": c.unit_id, "department_id": _department_of(c)},
        title=_("Assign"),
    )


def _department_of(case: Case) -> int | None:
    """The department whose officers an assignment offers first: the case's, else its field's."""
    if case.assignee_department_id:
        return case.assignee_department_id
    return case.field.default_department_id if case.field else None


def _reason_action(
    service: Callable[..., object], capability: str, title: Any
) -> Callable[..., HttpResponse]:
    def view(request: StaffRequest, pk: int) -> HttpResponse:
        def run(case: Case, d: dict[str, Any]) -> object:
            return service(case, actor=request.user, reason=d["reason"], today=timezone.localdate())

        return _action(request, pk, capability, ReasonForm, run, title=title)

    return view


case_extend = _reason_action(services.extend, "extend_case", gettext_lazy("Extend the period"))
case_suspend = _reason_action(services.suspend, "extend_case", gettext_lazy("Suspend handling"))
case_resume = _reason_action(services.resume, "extend_case", gettext_lazy("Resume handling"))


def case_complex(request: StaffRequest, pk: int) -> HttpResponse:
    def run(case: Case, d: dict[str, Any]) -> object:
        return services.mark_complex(case, actor=request.user, reason=d["reason"])

    return _action(request, pk, "extend_case", ComplexForm, run, title=_("Mark complex"))


def case_note(request: StaffRequest, pk: int) -> HttpResponse:
    def run(case: Case, d: dict[str, Any]) -> object:
        return services.add_note(case, actor=request.user, text=d["text"], public=d["public"])

    return _action(request, pk, "answer_case", NoteForm, run, title=_("Note"))


def case_answer(request: StaffRequest, pk: int) -> HttpResponse:
    def run(case: Case, d: dict[str, Any]) -> object:
        return answers.draft_answer(case, actor=request.user, text=d["text"])

    return _action(
        request,
        pk,
        "answer_case",
        AnswerForm,
        run,
        title=_("Answer"),
        success=_("The draft answer was saved. Submit it for approval when it is ready."),
    )


@require_POST
def case_close(request: StaffRequest, pk: int) -> HttpResponse:
    case = get_case_for(request.user, pk, capability="answer_case")
    perform(
        request,
        lambda: answers.close(case, actor=request.user, today=timezone.localdate()),
    )
    return redirect("cases:detail", pk=case.pk)


@permission_required("cases.approve_answer", raise_exception=True)
def approval_queue(request: StaffRequest) -> HttpResponse:
    """Dự thảo chờ duyệt: every draft awaiting approval in the leader's units, oldest first."""
    drafts = approvals.shown(request.user, approvals.awaiting(request.user))
    return render(
        request, "cases/approvals.html", {"drafts": drafts, "today": timezone.localdate()}
    )


def _answer_on_page(response: Response) -> HttpResponse:
    return redirect(reverse("cases:detail", args=[response.case_id]) + "#answer")


@require_POST
def response_submit(request: StaffRequest, pk: int) -> HttpResponse:
    response = get_response_for(request.user, pk, capability="answer_case")
    perform(
        request,
        lambda: answers.submit_answer(response, actor=request.user),
        success=_("The draft was submitted to the leader for approval."),
    )
    return _answer_on_page(response)


@require_POST
def response_approve(request: StaffRequest, pk: int) -> HttpResponse:
    """Approve, with the wording as the leader may have edited it in the box."""
    user = request.user
    response = get_response_for(user, pk, capability="approve_answer")
    editable = identity.may_see_identity(user, response.case)
    form = ApproveForm(request.POST, prefix="approve", editable=editable)
    outcome = submit(
        request,
        form,
        lambda _data: answers.approve_answer(response, actor=user, text=form.edited_text()),
        success=_("The answer was approved: it can now be sent to the citizen."),
    )
    if outcome.ok:
        return _answer_on_page(response)
    return _refused(request, response, outcome, approve_form=form)


@require_POST
def response_return(request: StaffRequest, pk: int) -> HttpResponse:
    """Send a submitted draft back to the drafter with a comment (required)."""
    user = request.user
    response = get_response_for(user, pk, capability="approve_answer")
    form = ReturnForm(request.POST, prefix="return")
    outcome = submit(
        request,
        form,
        lambda data: answers.return_answer(response, actor=user, comment=data["comment"]),
        success=_("The draft was returned to the drafter with your comment."),
    )
    if outcome.ok:
        return _answer_on_page(response)
    return _refused(request, response, outcome, return_form=form)


def _refused(
    request: StaffRequest, response: Response, outcome: Outcome[Any], **bound: forms.Form
) -> HttpResponse:
    """A refusal about what was typed is shown next to it on the case page; one about the
    answer itself (approved meanwhile, returned already) as a message above the case."""
    (form,) = bound.values()
    error = outcome.error
    if error is None or error.field in form.fields:
        return _case_page(request, get_case_for(request.user, response.case_id), **bound)
    messages.error(request, error.message)
    return _answer_on_page(response)


@require_POST
def response_send(request: StaffRequest, pk: int) -> HttpResponse:
    response = get_response_for(request.user, pk, capability="answer_case")
    upload = request.FILES.get("signed")
    perform(
        request,
        lambda: answers.send_answer(
            response,
            actor=request.user,
            today=timezone.localdate(),
            signed=clean_upload(upload) if upload else None,
        ),
        success=_("The answer was sent to the citizen."),
    )
    return redirect("cases:detail", pk=response.case_id)


def _protected_file(request: StaffRequest, case: Case) -> None:
    """A denunciation's files (the letter, its scans, the answer naming the denouncer) go only
    to those who may see the denouncer; each download is logged (rule 19)."""
    if not identity.may_see_identity(request.user, case):
        raise PermissionDenied(_("This file may show the denouncer's identity."))
    identity.log_access(request.user, case, identity.Via.FILE, request.get_full_path())


def response_document(request: StaffRequest, pk: int) -> FileResponse:
    response = get_response_for(request.user, pk)
    if not response.document:
        raise Http404(_("This answer has no document yet."))
    _protected_file(request, response.case)
    name = (response.document.name or "tra-loi.docx").rsplit("/", 1)[-1]
    pdf = name.endswith(".pdf")
    return FileResponse(
        response.document.open("rb"),
        as_attachment=True,
        filename=name,
        content_type="application/pdf" if pdf else DOCX,
    )


def case_notice(request: StaffRequest, pk: int) -> HttpResponse:
    case = get_case_for(request.user, pk)
    if not case.decision:
        raise Http404(_("No decision has been made on this case yet."))
    named = identity.may_see_identity(request.user, case) and not notice_is_redacted(case)
    if named:
        identity.log_access(request.user, case, identity.Via.NOTICE, request.get_full_path())
    body = decision_notice(case, timezone.localdate(), named=named)
    reply = HttpResponse(body, content_type=DOCX)
    reply["Content-Disposition"] = (
        f'attachment; filename="thong-bao-{case.number:04d}-{case.year}.docx"'
    )
    return reply


def attachment_download(request: StaffRequest, pk: int) -> FileResponse:
    attachment = get_object_or_404(Attachment, pk=pk)
    case = get_case_for(request.user, attachment.case_id)
    _protected_file(request, case)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
