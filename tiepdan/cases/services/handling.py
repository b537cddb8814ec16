"""Handling a received case: classify, decide, assign, extend, suspend, resume, notes.

Each write is one transaction with one CaseEvent; notifications go out after commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tiepdan.accounts.models import User
from tiepdan.cases import rules
from tiepdan.cases.models import (
    DECISION_STATUS,
    RUNNING,
    Case,
    CaseEvent,
    Field,
    Status,
)
from tiepdan.cases.rules import Decision, Kind, Stage
from tiepdan.cases.services import duplicates, notify
from tiepdan.cases.services.core import (
    move_status,
    overrides_for,
    set_due,
    set_handling_due,
)
from tiepdan.cases.services.settings import saved_field
from tiepdan.lib.errors import DomainError
from tiepdan.notifications.kinds import Kind as NoticeKind
from tiepdan.orgunits.models import Department
from tiepdan.orgunits.services import next_document_number


@dataclass
class ClassifyInput:
    kind: str
    field: Field | None
    admissible: bool = True
    inadmissible_reason: str = ""
    competent: bool = True
    is_anonymous: bool = False
    has_evidence: bool = False
    accused_is_party_member: bool = False
    party_rule_breach: bool = False
    is_remote_area: bool = False
    is_complex: bool = False
    complex_reason: str = ""
    signer_count: int = 1


CLASSIFY_FIELDS = [
    "kind",
    "field",
    "is_admissible",
    "inadmissible_reason",
    "is_competent",
    "is_anonymous",
    "has_evidence",
    "accused_is_party_member",
    "party_rule_breach",
    "is_remote_area",
    "is_complex",
    "complex_reason",
    "signer_count",
    "due_on",
    "due_period",
]


def classify(case: Case, data: ClassifyInput, *, actor: User) -> Case:
    """Record kind, field, admissibility, competence and signers (Circular 05/2021; rule 12)."""
    case.ensure_can_move_to(Status.CLASSIFIED)
    if data.is_complex and not data.complex_reason:
        raise DomainError(_("Say why the case is complex."), field="complex_reason")
    if data.field is not None and data.field.unit_id != case.unit_id:
        raise DomainError(_("Choose a field of this unit."), field="field")
    found = rules.Classification(
        kind=data.kind,
        admissible=data.admissible,
        inadmissible_reason="" if data.admissible else data.inadmissible_reason,
        competent=data.competent,
    )
    rules.check_classification(found)
    case.kind, case.field = data.kind, data.field
    case.is_admissible, case.inadmissible_reason = data.admissible, found.inadmissible_reason
    case.is_competent, case.is_anonymous, case.has_evidence = (
        data.competent,
        data.is_anonymous,
        data.has_evidence,
    )
    case.accused_is_party_member, case.party_rule_breach = (
        data.accused_is_party_member,
        data.party_rule_breach,
    )
    case.is_remote_area, case.is_complex = data.is_remote_area, data.is_complex
    case.complex_reason = data.complex_reason if data.is_complex else ""
    case.signer_count = max(data.signer_count, 1)
    key = rules.handling_key(case.kind, case.received_on, competent=case.is_competent)
    with transaction.atomic():
        case.field = saved_field(case.unit, case.field)  # a new unit's default, saved on first use
        if case.extensions == 0:
            set_handling_due(case, key, overrides_for(case.unit_id))
        move_status(
            case,
            Status.CLASSIFIED,
            actor=actor,
            kind=CaseEvent.Kind.CLASSIFIED,
            fields=CLASSIFY_FIELDS,
            allowed=[str(d) for d in rules.allowed_decisions(case.classification())],
            kind_=case.kind,
            admissible=case.is_admissible,
            competent=case.is_competent,
        )
    return case


DECISION_HEADLINES = {
    Decision.ACCEPT: gettext_noop("Your case has been accepted for handling."),
    Decision.TRANSFER: gettext_noop("Your case has been transferred to the competent body."),
    Decision.GUIDE: gettext_noop("You have been guided on where to send your case."),
    Decision.ARCHIVE: gettext_noop("Your letter has been filed without further handling."),
}


def decide(
    case: Case,
    *,
    actor: User,
    decision: str,
    today: date,
    target: str = "",
    number: str = "",
    note: str = "",
) -> Case:
    """Accept, transfer, guide or archive a classified case (Circular 05/2021 Arts. 13–16)."""
    target_status = DECISION_STATUS[Decision(decision)]
    case.ensure_can_move_to(target_status)
    classification = case.classification()
    if decision == Decision.TRANSFER and case.kind == Kind.DENUNCIATION:
        twin = duplicates.transferred_same_matter(case)  # rule 15: one transfer per matter
        if twin is not None:
            classification = replace(
                classification, same_matter_transferred=twin.registration_number
            )
    rules.check_decision(classification, decision)
    if decision == Decision.TRANSFER and case.classification().party_rule_breach and not target:
        target = rules.PARTY_INSPECTION_BODY
    if decision in (Decision.TRANSFER, Decision.GUIDE) and not target.strip():
        raise DomainError(_("Name the body the case goes to."), field="target")
    if decision == Decision.ARCHIVE and not (note.strip() or case.inadmissible_reason):
        raise DomainError(_("Give the reason for archiving."), field="note")
    case.decision, case.decided_on, case.notified_on = decision, today, today
    case.decision_target, case.decision_number, case.decision_note = (
        target.strip(),
        number.strip(),
        note,
    )
    fields = [
        "decision",
        "decided_on",
        "notified_on",
        "decision_target",
        "decision_number",
        "decision_note",
    ]
    if decision == Decision.TRANSFER:
        case.transfer_count += 1
        fields.append("transfer_count")
    if decision == Decision.ACCEPT:
        case.stage = Stage.RESOLUTION
        # The leader who accepts resolves it, and so may see a denouncer (identity.py).
        case.resolver = actor
        fields += ["stage", "due_on", "due_period", "resolver"]
        key = rules.resolution_key(
            case.kind, case.stage, remote=case.is_remote_area, complex_=case.is_complex
        )
        # Complaints and denunciations count from acceptance; feedback and petitions keep
        # counting their answer period from the day they were received.
        start = today if case.kind in (Kind.DENUNCIATION, Kind.COMPLAINT) else case.received_on
        set_due(case, key, start, overrides_for(case.unit_id))
    with transaction.atomic():
        if not case.decision_number and decision != Decision.GUIDE:
            # Transfer slips (phiếu chuyển) have their own series; notices (thông báo) theirs.
            series = "PC" if decision == Decision.TRANSFER else "TB"
            serial = next_document_number(case.unit, today.year, series)
            case.decision_number = f"{serial}/{series}-UBND"
        move_status(
            case,
            target_status,
            actor=actor,
            kind=CaseEvent.Kind.DECIDED,
            fields=fields,
            text=_(DECISION_HEADLINES[Decision(decision)]),
            is_public=True,
            decision=decision,
            to_body=case.decision_target,
            number=case.decision_number,
        )
        headline = _(DECISION_HEADLINES[Decision(decision)])
        transaction.on_commit(lambda: notify.tell_citizen(case.pk, headline))
    return case


_ASSIGNABLE = {
    Status.RECEIVED,
    Status.CLASSIFIED,
    Status.ACCEPTED,
    Status.IN_PROGRESS,
    Status.SUSPENDED,
    Status.REOPENED,
}


def assign(
    case: Case, *, actor: User, department: Department | None = None, officer: User | None = None
) -> Case:
    """Route a case to a department and officer (defaults: the field's); accepted work starts."""
    if case.status not in _ASSIGNABLE:
        raise DomainError(_("Only an open case can be assigned."))
    if department is None and officer is None and case.field_id:
        department, officer = case.field.default_department, case.field.default_assignee  # type: ignore[union-attr]
    if officer is not None and department is None:
        department = officer.department
    for unit_id in {d.unit_id for d in [department] if d} | {o.unit_id for o in [officer] if o}:
        if unit_id != case.unit_id:
            raise DomainError(_("Assign within the case's own unit."), field="officer")
    case.assignee_department, case.assignee = department, officer
    target = (
        Status.IN_PROGRESS
        if case.status in (Status.ACCEPTED, Status.REOPENED) and officer
        else case.status
    )
    with transaction.atomic():
        move_status(
            case,
            target,
            actor=actor,
            kind=CaseEvent.Kind.ASSIGNED,
            fields=["assignee_department", "assignee"],
            text=_("Assigned to %(who)s") % {"who": officer or department or "—"},
            department=department.pk if department else None,
            officer=officer.pk if officer else None,
        )
        _tell_assigned(case, department, officer)
    return case


def _tell_assigned(case: Case, department: Department | None, officer: User | None) -> None:
    """The officer is told the case is theirs; without one, the department's staff are."""
    moment = case.updated_at.isoformat()
    if officer is not None:
        notify.tell_staff(case, NoticeKind.CASE_ASSIGNED, [officer], event=f"assigned:{moment}")
    elif department is not None:
        notify.tell_staff(
            case,
            NoticeKind.CASE_ASSIGNED_DEPARTMENT,
            notify.department_staff(department.pk),
            event=f"assigned:{moment}",
            department=department.name,
        )


def bulk_assign(
    cases: Iterable[Case], *, actor: User, department: Department | None, officer: User | None
) -> int:
    """Assign many cases at once: all or none, one event each."""
    count = 0
    with transaction.atomic():
        for case in cases:
            assign(case, actor=actor, department=department, officer=officer)
            count += 1
    return count


def extend(case: Case, *, actor: User, reason: str, today: date) -> Case:
    """Move the due date by one legal extension, with its written reason."""
    if case.status not in RUNNING:
        raise DomainError(_("Only a running case can be extended."))
    assert case.due_on is not None
    old = case.due_on
    case.due_on = rules.extended_due(
        kind=case.kind,
        stage=case.stage,
        received_on=case.received_on,
        due_on=old,
        extensions=case.extensions,
        reason=reason,
        overrides=overrides_for(case.unit_id),
    )
    case.extensions += 1
    with transaction.atomic():
        case.save(update_fields=["due_on", "extensions"])
        CaseEvent.record(
            case,
            actor=actor,
            kind=CaseEvent.Kind.EXTENDED,
            is_public=True,
            text=_("Period extended to %(due)s: %(reason)s")
            % {"due": case.due_on.strftime("%d/%m/%Y"), "reason": reason},
            old_due=old.isoformat(),
            new_due=case.due_on.isoformat(),
            reason=reason,
        )
        # Law on Citizen Reception Art. 28: the citizen is told of an extension too.
        headline = _("The period for your case has been extended to %(due)s.") % {
            "due": f"{case.due_on:%d/%m/%Y}"
        }
        transaction.on_commit(lambda: notify.tell_citizen(case.pk, headline))
    return case


def suspend(case: Case, *, actor: User, reason: str, today: date) -> Case:
    """Stop the clock, keeping the days that are left (Decree 155; rule 18)."""
    case.ensure_can_move_to(Status.SUSPENDED)
    if not reason.strip():
        raise DomainError(_("A suspension needs a written reason."), field="reason")
    assert case.due_on is not None
    working = rules.is_working_period(case.due_period or "notify")
    case.remaining_days = rules.remaining_days(case.due_on, today, working=working)
    case.suspended_on = today
    with transaction.atomic():
        move_status(
            case,
            Status.SUSPENDED,
            actor=actor,
            kind=CaseEvent.Kind.SUSPENDED,
            fields=["remaining_days", "suspended_on"],
            is_public=True,
            text=_("Handling suspended: %(reason)s") % {"reason": reason},
            reason=reason,
            remaining=case.remaining_days,
        )
    return case


def resume(case: Case, *, actor: User, today: date, reason: str = "") -> Case:
    """Restart the clock from today with the days that were left."""
    case.ensure_can_move_to(Status.IN_PROGRESS)
    working = rules.is_working_period(case.due_period or "notify")
    case.due_on = rules.resumed_due(today, case.remaining_days or 0, working=working)
    case.suspended_on, case.remaining_days = None, None
    with transaction.atomic():
        move_status(
            case,
            Status.IN_PROGRESS,
            actor=actor,
            kind=CaseEvent.Kind.RESUMED,
            fields=["due_on", "suspended_on", "remaining_days"],
            is_public=True,
            text=_("Handling resumed; new due date %(due)s.")
            % {"due": case.due_on.strftime("%d/%m/%Y")},
            reason=reason,
        )
    return case


def add_note(case: Case, *, actor: User, text: str, public: bool = False) -> CaseEvent:
    """An internal note, or an update the citizen sees on the tracking page."""
    if not text.strip():
        raise DomainError(_("Write the note first."), field="text")
    kind = CaseEvent.Kind.PUBLIC_UPDATE if public else CaseEvent.Kind.NOTE
    with transaction.atomic():
        return CaseEvent.record(case, actor=actor, kind=kind, text=text.strip(), is_public=public)


def mark_complex(case: Case, *, actor: User, reason: str) -> Case:
    """A complaint found complex gets the longer period (Law on Complaints Arts. 28, 37;
    the reason from Decree 155 Art. 3a), counted from the start of its current round."""
    if case.kind != Kind.COMPLAINT or case.status not in RUNNING or case.stage == Stage.HANDLING:
        raise DomainError(_("Only a complaint under resolution can be marked complex."))
    if reason not in rules.ComplexReason.values:
        raise DomainError(_("Say why the case is complex."), field="reason")
    if case.is_complex:
        raise DomainError(_("This complaint is already marked complex."))
    reopened = case.events.filter(kind=CaseEvent.Kind.REOPENED).order_by("-at").first()
    start = timezone.localtime(reopened.at).date() if reopened else case.decided_on
    assert start is not None
    case.is_complex, case.complex_reason = True, reason
    key = rules.resolution_key(case.kind, case.stage, remote=case.is_remote_area, complex_=True)
    old = case.due_on
    with transaction.atomic():
        set_due(case, key, start, overrides_for(case.unit_id))
        case.save(update_fields=["is_complex", "complex_reason", "due_on", "due_period"])
        CaseEvent.record(
            case,
            actor=actor,
            kind=CaseEvent.Kind.EXTENDED,
            is_public=True,
            text=_("Complex case (%(reason)s): due date moved to %(due)s.")
            % {
                "reason": rules.ComplexReason(reason).label,
                "due": f"{case.due_on:%d/%m/%Y}",
            },
            old_due=old.isoformat() if old else None,
            reason=reason,
        )
    return case
