"""The answer's life: drafted by the officer, submitted to a leader, who approves it (perhaps
editing the wording) or returns it with a comment to be revised and submitted again; approved,
it is sent; then rated, reopened within the legal window, or closed. Each write is one
transaction, and each step of it one CaseEvent."""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.cases import identity, rules
from tiepdan.cases.models import Case, CaseEvent, Response, Status
from tiepdan.cases.rules import Kind, Stage
from tiepdan.cases.services import notify, publication
from tiepdan.cases.services.core import move_status, overrides_for
from tiepdan.lib.errors import Conflict, DomainError, NotAllowed
from tiepdan.lib.uploads import CleanFile
from tiepdan.notifications.kinds import Kind as NoticeKind

ANSWERABLE = (Status.ACCEPTED, Status.IN_PROGRESS, Status.REOPENED)
#: The answer being worked on: at most one per case, until it is sent.
IN_HAND = (
    Response.State.DRAFT,
    Response.State.SUBMITTED,
    Response.State.RETURNED,
    Response.State.APPROVED,
)


def _lock(response: Response) -> None:
    """Re-read the answer's state under a row lock (inside the caller's transaction), so two
    people acting on it at once cannot both move it."""
    response.state = (
        Response.objects.select_for_update().values_list("state", flat=True).get(pk=response.pk)
    )


def draft_answer(case: Case, *, actor: User, text: str) -> Response:
    """Write (or rewrite) the draft answer of a case under handling; a returned draft revised
    this way is a draft again, to be submitted once more."""
    if case.status not in ANSWERABLE:
        raise Conflict(_("Only a case under handling can be answered."))
    if not text.strip():
        raise DomainError(_("Write the answer first."), field="text")
    with transaction.atomic():
        response = case.responses.select_for_update().filter(state__in=IN_HAND).first()
        if response is None:
            response = Response.objects.create(case=case, text=text.strip(), drafted_by=actor)
        elif response.state == Response.State.SUBMITTED:
            raise Conflict(
                _("The draft is awaiting the leader's approval: it can be changed once returned.")
            )
        elif response.state == Response.State.APPROVED:
            raise Conflict(_("The answer is approved: send it to the citizen as it stands."))
        else:
            response.text, response.drafted_by = text.strip(), actor
            response.state = Response.State.DRAFT
            response.save(update_fields=["text", "drafted_by", "state"])
        CaseEvent.record(
            case, actor=actor, kind=CaseEvent.Kind.ANSWER_DRAFTED, response=response.pk
        )
    return response


def submit_answer(response: Response, *, actor: User) -> Response:
    """Submit a draft to the unit's leaders for approval."""
    if actor.pk != response.drafted_by_id and not actor.has_perm("cases.answer_case"):
        raise NotAllowed(_("Only the drafter or an officer handling cases can submit an answer."))
    with transaction.atomic():
        _lock(response)
        if response.state == Response.State.SUBMITTED:
            raise Conflict(_("This draft is already awaiting approval."))
        if response.state == Response.State.RETURNED:
            raise Conflict(_("Revise the returned draft before submitting it again."))
        if response.state != Response.State.DRAFT:
            raise Conflict(_("Only a draft answer can be submitted for approval."))
        if response.case.status not in ANSWERABLE:
            raise Conflict(_("Only a case under handling can be answered."))
        if not response.text.strip():
            raise DomainError(_("Write the answer first."), field="text")
        _submit(response, actor=actor)
        moment = response.submitted_at.isoformat() if response.submitted_at else ""
        notify.tell_staff(
            response.case,
            NoticeKind.DRAFT_SUBMITTED,
            notify.approvers(response.case),
            event=f"answer:{response.pk}:submitted:{moment}",
        )
    return response


def _submit(response: Response, *, actor: User) -> None:
    response.state, response.submitted_by, response.submitted_at = (
        Response.State.SUBMITTED,
        actor,
        timezone.now(),
    )
    response.save(update_fields=["state", "submitted_by", "submitted_at"])
    CaseEvent.record(
        response.case, actor=actor, kind=CaseEvent.Kind.ANSWER_SUBMITTED, response=response.pk
    )


def return_answer(response: Response, *, actor: User, comment: str) -> Response:
    """A leader sends a submitted draft back to be revised, saying what should change."""
    with transaction.atomic():
        _lock(response)
        if response.state != Response.State.SUBMITTED:
            raise Conflict(_("Only a draft awaiting approval can be returned."))
        if not comment.strip():
            raise DomainError(
                _("Say what should change: a draft is returned with a comment."), field="comment"
            )
        response.state = Response.State.RETURNED
        response.save(update_fields=["state"])
        CaseEvent.record(
            response.case,
            actor=actor,
            kind=CaseEvent.Kind.ANSWER_RETURNED,
            response=response.pk,
            comment=comment.strip(),
        )
        notify.tell_staff(
            response.case,
            NoticeKind.DRAFT_RETURNED,
            [response.drafted_by],
            event=f"answer:{response.pk}:returned:{response.case.updated_at.isoformat()}",
            # The comment may go out by e-mail: a denouncer's name in it does not (rule 19).
            comment=identity.exported(response.case).text(comment.strip()),
        )
    return response


def _wording(text: str) -> str:
    """The text as a reader sees it: a browser sends a box's line ends as CRLF."""
    return text.replace("\r\n", "\n").strip()


def approve_answer(response: Response, *, actor: User, text: str | None = None) -> Response:
    """A leader approves a submitted draft, with the wording as they may have edited it; only
    an approved answer can be sent.

    A draft not yet submitted may be approved too: it is submitted and approved in one step,
    recorded as two events."""
    if text is not None and not text.strip():
        raise DomainError(_("Write the answer first."), field="text")
    if text is not None and not identity.may_see_identity(actor, response.case):
        # They read the wording redacted: an edit of it would drop the denouncer's name.
        raise NotAllowed(
            _("This answer may name the denouncer: only those who may see them can edit it."),
            field="text",
        )
    with transaction.atomic():
        _lock(response)
        if response.state in (Response.State.APPROVED, Response.State.SENT):
            raise Conflict(_("This answer has already been approved."))
        if response.state == Response.State.RETURNED:
            raise Conflict(
                _("This draft was returned: it is approved once revised and submitted again.")
            )
        if response.state == Response.State.DRAFT:
            _submit(response, actor=actor)
        fields = ["state", "approved_by", "approved_at"]
        if text is not None and _wording(text) != _wording(response.text):
            before, response.text = response.text, text.strip()
            fields.append("text")
            CaseEvent.record(
                response.case,
                actor=actor,
                kind=CaseEvent.Kind.ANSWER_EDITED,
                response=response.pk,
                edited=True,
                before=before,
                after=response.text,
            )
        response.state, response.approved_by, response.approved_at = (
            Response.State.APPROVED,
            actor,
            timezone.now(),
        )
        response.save(update_fields=fields)
        CaseEvent.record(
            response.case, actor=actor, kind=CaseEvent.Kind.ANSWER_APPROVED, response=response.pk
        )
        if response.drafted_by_id != actor.pk:
            notify.tell_staff(
                response.case,
                NoticeKind.DRAFT_APPROVED,
                [response.drafted_by],
                event=f"answer:{response.pk}:approved",
            )
    return response


def send_answer(
    response: Response, *, actor: User, today: date, signed: CleanFile | None = None
) -> Response:
    """Send an approved answer: the case becomes answered and the citizen is told.

    The signed scan (PDF) is kept as the answer's document when given; otherwise the Word
    document in the Decree 30 layout is generated.
    """
    from tiepdan.cases.documents import answer_document

    if response.state != Response.State.APPROVED:
        raise Conflict(_("An answer must be approved by a leader before it is sent."))
    if signed is not None and signed.content_type != "application/pdf":
        raise DomainError(_("The signed answer must be a PDF file."), field="signed")
    case = response.case
    case.ensure_can_move_to(Status.ANSWERED)
    with transaction.atomic():
        response.state, response.sent_at = Response.State.SENT, timezone.now()
        if signed is not None:
            name, data = f"tra-loi-{case.number:04d}-{case.year}.pdf", signed.data
        else:
            name = f"tra-loi-{case.number:04d}-{case.year}.docx"
            data = answer_document(response, today)
        response.document.save(name, ContentFile(data), save=False)
        response.save(update_fields=["state", "sent_at", "document"])
        case.answered_on = today
        move_status(
            case,
            Status.ANSWERED,
            actor=actor,
            kind=CaseEvent.Kind.ANSWER_SENT,
            fields=["answered_on"],
            text=response.text,
            is_public=True,
            response=response.pk,
        )
        headline = _("Your case has been answered.")
        transaction.on_commit(lambda: notify.tell_citizen(case.pk, headline))
    return response


def rate(case: Case, *, rating: int, comment: str = "") -> Case:
    """The citizen rates the answer (1–5), once."""
    if case.status not in (Status.ANSWERED, Status.CLOSED):
        raise Conflict(_("Only an answered case can be rated."))
    if case.rating is not None:
        raise Conflict(_("This answer has already been rated."))
    if not 1 <= rating <= 5:
        raise DomainError(_("Choose from 1 to 5 stars."), field="rating")
    case.rating, case.rating_comment = rating, comment.strip()[:2000]
    with transaction.atomic():
        case.save(update_fields=["rating", "rating_comment"])
        CaseEvent.record(case, actor=None, kind=CaseEvent.Kind.RATED, rating=rating)
    return case


def reopen_deadline(case: Case) -> date | None:
    if case.answered_on is None:
        return None
    return rules.reopen_deadline(
        case.answered_on, remote=case.is_remote_area, overrides=overrides_for(case.unit_id)
    )


def reopen(case: Case, *, reason: str, today: date, actor: User | None = None) -> Case:
    """Reopen an answered case within the legal window; a complaint goes to its second round."""
    case.ensure_can_move_to(Status.REOPENED)
    if not reason.strip():
        raise DomainError(_("Say why you disagree with the answer."), field="reason")
    last_day = reopen_deadline(case)
    if last_day is not None and today > last_day:
        raise DomainError(
            _("The time to reopen this case ended on %(day)s.")
            % {"day": last_day.strftime("%d/%m/%Y")}
        )
    overrides = overrides_for(case.unit_id)
    if case.kind == Kind.COMPLAINT:
        case.stage = Stage.SECOND_ROUND
    key = rules.resolution_key(
        case.kind, case.stage, remote=case.is_remote_area, complex_=case.is_complex
    )
    case.due_period, case.due_on = key, rules.due(key, today, overrides)
    case.reopen_count += 1
    case.extensions = 0
    with transaction.atomic():
        move_status(
            case,
            Status.REOPENED,
            actor=actor,
            kind=CaseEvent.Kind.REOPENED,
            fields=["stage", "due_period", "due_on", "reopen_count", "extensions"],
            text=reason.strip(),
            is_public=True,
        )
        publication.withdraw_when_reopened(case)
        if actor is None:  # the citizen, from the tracking page: the handling side is told
            notify.tell_staff(
                case,
                NoticeKind.CASE_REOPENED,
                notify.responsible(case),
                event=f"reopened:{case.reopen_count}",
            )
    return case


def close(case: Case, *, actor: User, today: date) -> Case:
    """Close an answered case."""
    case.ensure_can_move_to(Status.CLOSED)
    case.closed_on = today
    with transaction.atomic():
        move_status(
            case,
            Status.CLOSED,
            actor=actor,
            kind=CaseEvent.Kind.CLOSED,
            fields=["closed_on"],
            text=_("Case closed."),
            is_public=True,
        )
    return case
