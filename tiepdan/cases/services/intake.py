"""Receiving a case from any channel: number it, start its clocks, keep its sender and files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.cases import rules
from tiepdan.cases.models import Attachment, Case, CaseCitizen, CaseEvent, Field, Status
from tiepdan.cases.services import duplicates, notify
from tiepdan.cases.services.core import next_number, overrides_for, set_handling_due
from tiepdan.cases.services.settings import saved_field
from tiepdan.citizens.models import Citizen
from tiepdan.lib.errors import DomainError
from tiepdan.lib.uploads import CleanFile
from tiepdan.notifications.kinds import Kind as NoticeKind
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception.models import ReceptionEntry


@dataclass
class Intake:
    """What is known about a case when it is received (staff channels and the public form)."""

    channel: str
    kind: str
    subject: str
    content: str
    received_on: date
    field: Field | None = None  # may be a default not saved yet (`unit_fields`)
    location_text: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    incoming_number: str = ""
    signer_count: int = 1
    source: str = ""
    source_name: str = ""
    is_anonymous: bool = False
    accused_is_party_member: bool = False
    is_remote_area: bool = False
    citizens: Sequence[tuple[Citizen, str]] = ()
    files: Sequence[CleanFile] = ()
    reception_entry: ReceptionEntry | None = None


#: Run with the new case inside the intake's transaction: what it writes is kept with the case
#: or not at all (the public form's proof of consent, from an app above this one).
OnCreated = Callable[[Case], object]


def receive_case(
    intake: Intake,
    *,
    unit: OrgUnit,
    actor: User | None,
    today: date,
    idempotency_key: str | None = None,
    on_created: OnCreated | None = None,
) -> Case:
    """Register a case: number it, compute its first deadlines, keep its files and citizens.

    A retried submission with the same idempotency key returns the case already made, without
    running `on_created` again (it ran with the first).
    """
    if idempotency_key:
        existing = Case.objects.filter(idempotency_key=idempotency_key).first()
        if existing:
            return existing
    rules.check_received_on(intake.received_on, today)
    if intake.field is not None and intake.field.unit_id != unit.pk:
        raise DomainError(_("Choose a field of this unit."), field="field")
    if intake.reception_entry is not None and intake.reception_entry.unit_id != unit.pk:
        raise DomainError(_("The reception-book entry belongs to another unit."))
    try:
        with transaction.atomic():
            case = _create_case(intake, unit=unit, actor=actor, key=idempotency_key)
            if on_created is not None:
                on_created(case)
    except IntegrityError:
        existing = Case.objects.filter(idempotency_key=idempotency_key).first()
        if idempotency_key and existing:
            return existing
        raise
    return case


def _create_case(intake: Intake, *, unit: OrgUnit, actor: User | None, key: str | None) -> Case:
    overrides = overrides_for(unit.pk)
    field = saved_field(unit, intake.field)
    case = Case(
        unit=unit,
        year=intake.received_on.year,
        number=next_number(unit, intake.received_on.year),
        channel=intake.channel,
        kind=intake.kind,
        field=field,
        subject=intake.subject.strip(),
        content=intake.content.strip(),
        location_text=intake.location_text,
        latitude=intake.latitude,
        longitude=intake.longitude,
        received_on=intake.received_on,
        incoming_number=intake.incoming_number,
        signer_count=max(intake.signer_count, 1),
        source=intake.source,
        source_name=intake.source_name,
        is_anonymous=intake.is_anonymous,
        accused_is_party_member=intake.accused_is_party_member,
        is_remote_area=intake.is_remote_area,
        idempotency_key=key or None,
        reception_entry=intake.reception_entry,
        created_by=actor,
        notify_due_on=rules.due("notify", intake.received_on, overrides),
    )
    set_handling_due(case, rules.handling_key(case.kind, case.received_on), overrides)
    case.save()
    CaseCitizen.objects.bulk_create(
        [CaseCitizen(case=case, citizen=c, role=role) for c, role in intake.citizens]
    )
    for f in intake.files:
        attach(case, f, actor=actor, public=False, record=False)
    CaseEvent.record(
        case,
        actor=actor,
        kind=CaseEvent.Kind.RECEIVED,
        to_status=Status.RECEIVED,
        text=_("Case received (%(channel)s).") % {"channel": case.get_channel_display()},
        is_public=True,
        channel=case.channel,
        files=len(intake.files),
    )
    if case.channel == Case.Channel.ONLINE:  # nobody entered it: the reception desk is told
        staff = notify.reception_staff(case)
        notify.tell_staff(case, NoticeKind.CASE_RECEIVED, staff, event="received")
    # After the commit, outside the intake's transaction: indexing never fails a submission.
    transaction.on_commit(lambda: duplicates.index_after_commit(case.pk))
    return case


def attach(
    case: Case, f: CleanFile, *, actor: User | None, public: bool = False, record: bool = True
) -> Attachment:
    """Keep one checked file on the case."""
    with transaction.atomic():
        attachment = Attachment(
            case=case,
            original_name=f.name,
            content_type=f.content_type,
            size=len(f.data),
            is_public=public,
            uploaded_by=actor,
        )
        attachment.file.save(f.name, ContentFile(f.data), save=False)
        attachment.save()
        if record:
            CaseEvent.record(
                case,
                actor=actor,
                kind=CaseEvent.Kind.NOTE,
                text=_("File attached: %(name)s") % {"name": f.name},
            )
    return attachment


def receive_with_sender(
    intake: Intake,
    *,
    citizen: Citizen | None,
    unit: OrgUnit,
    actor: User | None,
    today: date,
    idempotency_key: str | None = None,
    on_created: OnCreated | None = None,
) -> Case:
    """Receive a case with its sender (saved with it, or not at all); retries are idempotent."""
    if idempotency_key:
        existing = Case.objects.filter(idempotency_key=idempotency_key).first()
        if existing:
            return existing
    with transaction.atomic():
        if citizen is not None:
            citizen = Citizen.objects.register(citizen)  # one row per person (CCCD / phone)
            intake.citizens = [(citizen, CaseCitizen.Role.SUBMITTER)]
        return receive_case(
            intake,
            unit=unit,
            actor=actor,
            today=today,
            idempotency_key=idempotency_key,
            on_created=on_created,
        )
