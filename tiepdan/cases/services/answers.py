"""The answer's life: drafted by the officer, approved by a leader, sent; then rated, reopened
within the legal window, or closed. Each write is one transaction with one CaseEvent."""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.cases import rules
from tiepdan.cases.models import Case, CaseEvent, Response, Status
from tiepdan.cases.rules import Kind, Stage
from tiepdan.cases.services import notify, publication
from tiepdan.cases.services.core import move_status, overrides_for
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.lib.uploads import CleanFile

ANSWERABLE = (Status.ACCEPTED, Status.IN_PROGRESS, Status.REOPENED)


def draft_answer(case: Case, *, actor: User, text: str) -> Response:
    """Write (or rewrite) the draft answer of a case under handling."""
    if case.status not in ANSWERABLE:
        raise Conflict(_("Only a case under handling can be answered."))
    if not text.strip():
        raise DomainError(_("Write the answer first."), field="text")
    with transaction.atomic():
        response = case.responses.filter(state=Response.State.DRAFT).first()
        if response is None:
            response = Response.objects.create(case=case, text=text.strip(), drafted_by=actor)
        else:
            response.text, response.drafted_by = text.strip(), actor
            response.save(update_fields=["text", "drafted_by"])
        CaseEvent.record(
            case, actor=actor, kind=CaseEvent.Kind.ANSWER_DRAFTED, response=response.pk
        )
    return response


def approve_answer(response: Response, *, actor: User) -> Response:
    """A leader approves the draft; only an approved answer can be sent."""
    if response.state != Response.State.DRAFT:
        raise Conflict(_("Only a draft answer can be approved."))
    response.state, response.approved_by, response.approved_at = (
        Response.State.APPROVED,
        actor,
        timezone.now(),
    )
    with transaction.atomic():
        response.save(update_fields=["state", "approved_by", "approved_at"])
        CaseEvent.record(
            response.case, actor=actor, kind=CaseEvent.Kind.ANSWER_APPROVED, response=response.pk
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
