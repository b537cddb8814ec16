"""Writes on dialogues: plan, invite, record attendance, issues and result, commit, publish."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.cases.models import Case
from tiepdan.dialogues import rules
from tiepdan.dialogues.models import Dialogue, Participant, RaisedIssue
from tiepdan.directives.models import Directive
from tiepdan.directives.services import create_directive
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.orgunits.models import Department, OrgUnit
from tiepdan.orgunits.services import next_document_number

if TYPE_CHECKING:
    from tiepdan.accounts.models import User


def _check_scope(unit: OrgUnit, cases: Iterable[Case], groups: Iterable[OrgUnit]) -> None:
    for case in cases:
        if not unit.contains(case.unit):
            raise DomainError(_("A case concerned belongs to another unit."), field="cases")
    for group in groups:
        if group.parent_id != unit.pk:
            raise DomainError(
                _("%(group)s is not a residential group of %(unit)s.")
                % {"group": group, "unit": unit},
                field="residential_groups",
            )


def plan_dialogue(
    *,
    unit: OrgUnit,
    kind: str,
    topic: str,
    held_at: datetime,
    place: str,
    chaired_by: User,
    actor: User,
    description: str = "",
    cases: Iterable[Case] = (),
    residential_groups: Iterable[OrgUnit] = (),
    today: date | None = None,
) -> Dialogue:
    """Plan a dialogue: when, where, on what, with which cases and residential groups."""
    cases, residential_groups = list(cases), list(residential_groups)
    if not topic.strip():
        raise DomainError(_("Give the topic of the dialogue."), field="topic")
    today = today or timezone.localdate()
    held_on = timezone.localtime(held_at).date()
    if held_on < today:
        raise DomainError(_("A dialogue cannot be planned in the past."), field="held_at")
    rules.planning_warning(
        is_complaint=kind == Dialogue.Kind.COMPLAINT, today=today, held_on=held_on
    )
    _check_scope(unit, cases, residential_groups)
    dialogue = Dialogue(
        unit=unit,
        kind=kind,
        topic=topic.strip(),
        description=description,
        held_at=held_at,
        place=place,
        chaired_by=chaired_by,
        created_by=actor,
    )
    with transaction.atomic():
        dialogue.save()
        dialogue.cases.set(cases)
        dialogue.residential_groups.set(residential_groups)
        dialogue.participants.create(
            name=str(chaired_by), affiliation=chaired_by.position, role=Participant.Role.CHAIR
        )
    return dialogue


def _ensure_planned(dialogue: Dialogue) -> None:
    if dialogue.status != Dialogue.Status.PLANNED:
        raise Conflict(_("This dialogue has already been held or cancelled."))


def invite(dialogue: Dialogue, *, name: str, affiliation: str = "", role: str) -> Participant:
    """Add a person or body to the invitation list."""
    if not name.strip():
        raise DomainError(_("Give the participant's name."), field="name")
    return dialogue.participants.create(name=name.strip(), affiliation=affiliation, role=role)


def record_invitations_sent(dialogue: Dialogue, *, sent_on: date) -> str | None:
    """Record the day invitations went out; late is refused for a complaint dialogue
    (Decree 124/2020 Art. 28, as amended) and returned as a warning otherwise."""
    _ensure_planned(dialogue)
    warning = rules.invitation_warning(
        is_complaint=dialogue.is_complaint, sent_on=sent_on, held_on=dialogue.held_on
    )
    dialogue.invitations_sent_on = sent_on
    dialogue.save(update_fields=["invitations_sent_on"])
    return warning


def issuer_code(dialogue: Dialogue) -> str:
    """The issuing body's code in document numbers: the Party Committee or People's Committee."""
    return "ĐU" if dialogue.chaired_by.post in ("secretary", "deputy_secretary") else "UBND"


def record_held(
    dialogue: Dialogue,
    *,
    attended: Iterable[int],
    absence_notes: dict[int, str] | None = None,
    result: str,
    ended_at: time | None = None,
    minutes_copies: int = 3,
) -> Dialogue:
    """Record that the dialogue took place: who came, the result, and number the minutes."""
    _ensure_planned(dialogue)
    if dialogue.invitations_sent_on is None:
        raise DomainError(
            _("Record when the invitations were sent first."), field="invitations_sent_on"
        )
    rules.check_minutes_copies(is_complaint=dialogue.is_complaint, copies=minutes_copies)
    if not result.strip():
        raise DomainError(_("Record the result of the dialogue."), field="result")
    present, notes = set(attended), absence_notes or {}
    participants = list(dialogue.participants.all())
    if present - {p.pk for p in participants}:
        raise DomainError(_("Choose among the people invited to this dialogue."), field="attended")
    with transaction.atomic():
        for participant in participants:
            participant.attended = participant.pk in present
            participant.absence_note = "" if participant.attended else notes.get(participant.pk, "")
            participant.save(update_fields=["attended", "absence_note"])
        code = issuer_code(dialogue)
        number = next_document_number(dialogue.unit, dialogue.held_on.year, f"BB-{code}")
        # Party documents are numbered "01-BB/ĐU", State ones "01/BB-UBND".
        dialogue.minutes_number = (
            f"{number:02d}-BB/{code}" if code == "ĐU" else f"{number:02d}/BB-{code}"
        )
        dialogue.status = Dialogue.Status.HELD
        dialogue.result, dialogue.ended_at = result, ended_at
        dialogue.minutes_copies = minutes_copies
        dialogue.save(
            update_fields=["minutes_number", "status", "result", "ended_at", "minutes_copies"]
        )
    return dialogue


def add_issue(
    dialogue: Dialogue, *, raised_by: str, content: str, answer: str = "", answered_by: str = ""
) -> RaisedIssue:
    """Record a matter raised at the dialogue and the answer given."""
    if not content.strip():
        raise DomainError(_("Describe the matter raised."), field="content")
    return dialogue.issues.create(
        raised_by=raised_by, content=content, answer=answer, answered_by=answered_by
    )


def add_commitment(
    dialogue: Dialogue,
    *,
    title: str,
    actor: User,
    content: str = "",
    owner_department: Department | None = None,
    owner_user: User | None = None,
    due_on: date | None = None,
    due_in_working_days: int | None = None,
) -> Directive:
    """A commitment made at the dialogue becomes a directive with an owner and a deadline."""
    if dialogue.status != Dialogue.Status.HELD:
        raise Conflict(_("Record the dialogue as held before adding its commitments."))
    return create_directive(
        unit=dialogue.unit,
        title=title,
        content=content,
        issued_by=dialogue.chaired_by,
        issued_on=dialogue.held_on,
        source=dialogue,
        source_kind=Directive.SourceKind.DIALOGUE,
        owner_department=owner_department,
        owner_user=owner_user,
        due_on=due_on,
        due_in_working_days=due_in_working_days,
    )


def publish_summary(dialogue: Dialogue, *, summary: str) -> Dialogue:
    """Publish a summary of a held dialogue and its commitments' progress on the public site."""
    if dialogue.status != Dialogue.Status.HELD:
        raise Conflict(_("Only a dialogue that has been held can be published."))
    if not summary.strip():
        raise DomainError(_("Write the summary to publish."), field="public_summary")
    dialogue.public_summary = summary
    dialogue.published_at = dialogue.published_at or timezone.now()
    dialogue.save(update_fields=["public_summary", "published_at"])
    return dialogue


def cancel_dialogue(dialogue: Dialogue, *, reason: str) -> Dialogue:
    """Cancel a planned dialogue, keeping the reason in the result field."""
    _ensure_planned(dialogue)
    if not reason.strip():
        raise DomainError(_("Give the reason for cancelling."), field="reason")
    dialogue.status, dialogue.result = Dialogue.Status.CANCELLED, reason
    dialogue.save(update_fields=["status", "result"])
    return dialogue
