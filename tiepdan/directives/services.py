"""Writes on directives: issue, report progress, complete, cancel, remind and escalate."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.directives import notify, rules
from tiepdan.directives.models import Directive, DirectiveUpdate
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.lib.uploads import EVIDENCE, CleanFile, clean_upload
from tiepdan.orgunits.models import Department, OrgUnit

if TYPE_CHECKING:
    from tiepdan.accounts.models import User

MAX_EVIDENCE_BYTES = EVIDENCE.max_bytes


def clean_evidence(upload: UploadedFile | None) -> CleanFile | None:
    """Check an evidence file by its content and size; a photo comes back without its EXIF."""
    if not upload:
        return None
    # Read at each call, so MAX_EVIDENCE_BYTES stays this app's one knob for the limit.
    return clean_upload(upload, replace(EVIDENCE, max_bytes=MAX_EVIDENCE_BYTES))


def _check_owner(unit: OrgUnit, department: Department | None, user: User | None) -> None:
    if department is None and user is None:
        raise DomainError(
            _("Every directive needs an owner: a department, an officer, or both."),
            field="owner_department",
        )
    if department is not None and department.unit_id != unit.pk:
        raise DomainError(
            _("The owner department must belong to %(unit)s.") % {"unit": unit},
            field="owner_department",
        )
    if user is not None and not (user.unit and unit.contains(user.unit)):
        raise DomainError(
            _("The owner officer must work in %(unit)s.") % {"unit": unit}, field="owner_user"
        )


def create_directive(
    *,
    unit: OrgUnit,
    title: str,
    content: str,
    issued_by: User,
    source_kind: str,
    owner_department: Department | None = None,
    owner_user: User | None = None,
    due_on: date | None = None,
    due_in_working_days: int | None = None,
    source: models.Model | None = None,
    source_label: str = "",
    issued_on: date | None = None,
) -> Directive:
    """Issue a directive to a department and/or an officer, with a deadline."""
    if not title.strip():
        raise DomainError(_("Give the directive a title."), field="title")
    _check_owner(unit, owner_department, owner_user)
    issued_on = issued_on or timezone.localdate()
    deadline = rules.compute_due_on(
        issued_on=issued_on, due_on=due_on, due_in_working_days=due_in_working_days
    )
    directive = Directive(
        unit=unit,
        title=title.strip(),
        content=content,
        issued_by=issued_by,
        issued_on=issued_on,
        source_kind=source_kind,
        source_label=source_label or (str(source) if source is not None else ""),
        owner_department=owner_department,
        owner_user=owner_user,
        due_on=deadline,
    )
    if source is not None:
        directive.source_content_type = ContentType.objects.get_for_model(source)
        directive.source_object_id = source.pk
    with transaction.atomic():
        directive.save()
        _record(directive, DirectiveUpdate.Kind.CREATED, actor=issued_by, percent=0)
        transaction.on_commit(lambda: notify.notify_assigned(directive.pk))
    return directive


def _record(
    directive: Directive,
    kind: str,
    *,
    actor: User | None,
    note: str = "",
    percent: int | None = None,
    evidence: CleanFile | None = None,
    at: datetime | None = None,
) -> DirectiveUpdate:
    update = DirectiveUpdate(
        directive=directive,
        kind=kind,
        note=note,
        percent_done=percent,
        actor=actor,
        at=at or timezone.now(),
    )
    if evidence is not None:
        update.evidence = evidence.as_file()  # type: ignore[assignment]
    update.save()
    return update


def _ensure_open(directive: Directive) -> None:
    if not directive.is_open:
        raise Conflict(
            _("This directive is %(status)s; it can no longer change.")
            % {"status": directive.get_status_display()}
        )


def record_progress(
    directive: Directive,
    *,
    percent: int,
    note: str,
    actor: User,
    evidence: UploadedFile | None = None,
) -> Directive:
    """Record how far the owner has got; the directive moves to "in progress"."""
    _ensure_open(directive)
    rules.check_percent(percent)
    if not note.strip():
        raise DomainError(_("Describe what has been done."), field="note")
    clean = clean_evidence(evidence)
    with transaction.atomic():
        directive.status = Directive.Status.IN_PROGRESS
        directive.percent_done = percent
        directive.save(update_fields=["status", "percent_done"])
        _record(
            directive,
            DirectiveUpdate.Kind.PROGRESS,
            actor=actor,
            note=note,
            percent=percent,
            evidence=clean,
        )
    return directive


def complete_directive(
    directive: Directive,
    *,
    note: str,
    evidence: UploadedFile | None,
    actor: User,
    completed_on: date | None = None,
) -> Directive:
    """Close a directive as done; the evidence (report, minutes, photo) is required."""
    _ensure_open(directive)
    if not evidence:
        raise DomainError(
            _("Attach the evidence that the directive has been carried out."), field="evidence"
        )
    clean = clean_evidence(evidence)
    with transaction.atomic():
        directive.status = Directive.Status.DONE
        directive.percent_done = 100
        directive.completed_on = completed_on or timezone.localdate()
        directive.save(update_fields=["status", "percent_done", "completed_on"])
        _record(
            directive,
            DirectiveUpdate.Kind.COMPLETED,
            actor=actor,
            note=note,
            percent=100,
            evidence=clean,
        )
        transaction.on_commit(lambda: notify.notify_completed(directive.pk))
    return directive


def cancel_directive(directive: Directive, *, reason: str, actor: User) -> Directive:
    """Withdraw a directive that is no longer needed, with the reason on record."""
    _ensure_open(directive)
    if not reason.strip():
        raise DomainError(_("Give the reason for cancelling."), field="reason")
    with transaction.atomic():
        directive.status = Directive.Status.CANCELLED
        directive.save(update_fields=["status"])
        _record(directive, DirectiveUpdate.Kind.CANCELLED, actor=actor, note=reason)
    return directive


def send_reminders(*, today: date) -> int:
    """Remind owners of open directives due within a few working days; once a day each."""
    sent = 0
    for pk in Directive.objects.due_soon(on=today).values_list("pk", flat=True):
        claimed = (
            Directive.objects.filter(pk=pk).exclude(reminded_on=today).update(reminded_on=today)
        )
        if claimed != 1:
            continue  # Another worker reminded this one today.
        with transaction.atomic():
            directive = Directive.objects.get(pk=pk)
            _record(directive, DirectiveUpdate.Kind.REMINDED, actor=None)
            transaction.on_commit(partial(notify.notify_reminder, pk))
        sent += 1
    return sent


def escalate_overdue(*, today: date) -> int:
    """Flag each newly overdue directive once and tell its owner and the issuing leader."""
    escalated = 0
    candidates = Directive.objects.overdue(on=today).filter(overdue_flagged_at__isnull=True)
    for pk in candidates.values_list("pk", flat=True):
        claimed = Directive.objects.filter(pk=pk, overdue_flagged_at__isnull=True).update(
            overdue_flagged_at=timezone.now()
        )
        if claimed != 1:
            continue  # Another worker got there first.
        with transaction.atomic():
            directive = Directive.objects.get(pk=pk)
            _record(directive, DirectiveUpdate.Kind.ESCALATED, actor=None)
            transaction.on_commit(partial(notify.notify_overdue, pk))
        escalated += 1
    return escalated


def check_directive_deadlines(*, today: date) -> tuple[int, int]:
    """The deadline job's directive part: reminders, then overdue escalation."""
    return send_reminders(today=today), escalate_overdue(today=today)
