"""The reception book (Form 03/TCD): recording visits, refusals, receipts and notices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiepdan.accounts.models import User
from tiepdan.citizens.models import Citizen
from tiepdan.lib.errors import DomainError
from tiepdan.lib.ids import parse_cccd
from tiepdan.lib.uploads import SCAN, clean_upload
from tiepdan.orgunits.models import OrgUnit
from tiepdan.orgunits.services import next_document_number
from tiepdan.reception import rules
from tiepdan.reception.models import (
    Appointment,
    GroupMember,
    Receipt,
    ReceiptItem,
    ReceptionDay,
    ReceptionEntry,
    RefusalNotice,
)

Route = ReceptionEntry.Route


@dataclass
class EntryData:
    """What the officer writes in one line of the book (the 13 columns and their details)."""

    received_on: date
    full_name: str
    address: str
    id_kind: str
    id_number: str
    summary: str
    kind: str
    route: str
    people_count: int = 1
    prior_handling: str = ""
    route_body: str = ""
    route_document: str = ""
    result: str = ""
    notes: str = ""
    members: Sequence[str] = field(default_factory=list)
    representatives: Sequence[str] = field(default_factory=list)
    appointment_signed: bool = False
    oral_statement: bool = False
    statement_signed: bool = False
    refusal_ground: str = ""
    refusal_note: str = ""
    day: ReceptionDay | None = None
    appointment: Appointment | None = None


GROUP_MESSAGES = {
    "too_few": gettext_lazy(
        "A group of %(people)s people names at least one representative (Law on "
        "Citizen Reception Art. 29)."
    ),
    "too_many": gettext_lazy(
        "A group of %(people)s people names at most %(max)s representatives (Law on "
        "Citizen Reception Art. 29)."
    ),
    "not_member": gettext_lazy(
        "Every representative must be one of the group's members (Law on Citizen "
        "Reception Art. 29)."
    ),
    "group_too_small": gettext_lazy(
        "Representatives are named only for groups of 5 or more people."
    ),
}


def _required(value: str, field_name: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field_name)
    return value


def validate_identity(id_kind: str, id_number: str, today: date) -> str:
    """Check the identity document (Decree 154 Art. 12; DOMAIN rule 25); return the number."""
    if id_kind not in Citizen.IdKind.values:
        raise DomainError(_("Choose the kind of identity document."), field="id_kind")
    if id_kind == Citizen.IdKind.CCCD:
        try:
            return parse_cccd(id_number, today=today).number
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="id_number") from exc
    if id_kind == Citizen.IdKind.PASSPORT:
        return _required(id_number, "id_number", _("Give the passport number."))
    return (id_number or "").strip()


def _validate_group(data: EntryData) -> None:
    members = [m.strip() for m in data.members if m.strip()]
    representatives = [r.strip() for r in data.representatives if r.strip()]
    problems = rules.group_problems(members, representatives)
    if problems:
        _low, high = rules.representative_limits(len(members))
        message = str(GROUP_MESSAGES[problems[0]])
        raise DomainError(message % {"people": len(members), "max": high}, field="representatives")
    if len(members) >= rules.GROUP_MIN_PEOPLE and not data.appointment_signed:
        raise DomainError(
            _(
                "A group of 5 or more needs the written appointment of its representatives, "
                "signed by all members (Law on Citizen Reception Art. 29)."
            ),
            field="appointment_signed",
        )


def validate_entry(data: EntryData, today: date) -> None:
    """The fields Form 03/TCD requires on save (DOMAIN rule 5) and the group and refusal rules."""
    if data.received_on > today:
        raise DomainError(_("The date of the visit cannot be in the future."), field="received_on")
    _required(data.full_name, "full_name", _("Give the citizen's full name."))
    _required(data.address, "address", _("Give the citizen's address."))
    if data.id_kind == Citizen.IdKind.NONE and data.route != Route.REFUSED:
        raise DomainError(
            _("The citizen shows an identity document or another document (Decree 154 Art. 12)."),
            field="id_kind",
        )
    data.id_number = validate_identity(data.id_kind, data.id_number, today)
    _required(data.summary, "summary", _("Summarise the matter."))
    if data.kind not in ReceptionEntry.Kind.values:
        raise DomainError(_("Choose the type of the matter."), field="kind")
    if data.route not in Route.values:
        raise DomainError(_("Choose how the matter was handled."), field="route")
    if data.route in (Route.GUIDE, Route.TRANSFER):
        _required(
            data.route_body,
            "route_body",
            _("Name the body the citizen was guided or transferred to."),
        )
        _required(
            data.route_document,
            "route_document",
            _("Give the number of the guidance or transfer document."),
        )
    if (
        data.route == Route.REFUSED
        and data.refusal_ground not in ReceptionEntry.RefusalGround.values
    ):
        raise DomainError(
            _("A refusal cites one ground of Law Art. 9 or Decree 154 Art. 4."),
            field="refusal_ground",
        )
    if data.members:
        _validate_group(data)
        data.people_count = len([m for m in data.members if m.strip()])
    if data.people_count < 1:
        raise DomainError(_("At least one person came."), field="people_count")


def _next_number(unit: OrgUnit, year: int) -> int:
    last = ReceptionEntry.objects.filter(unit=unit, year=year).aggregate(m=Max("number"))["m"]
    return (last or 0) + 1


def _citizen(data: EntryData) -> Citizen | None:
    if data.id_kind != Citizen.IdKind.CCCD or not data.id_number:
        return None
    citizen = Citizen.objects.with_id_number(data.id_number).filter(id_kind=data.id_kind).first()
    if citizen is None:
        citizen = Citizen.objects.create(
            full_name=data.full_name,
            id_kind=data.id_kind,
            id_number=data.id_number,
            address=data.address,
        )
    return citizen


def _notify_by(route: str, received_on: date) -> date | None:
    """Accepted or transferred matters get the written notice of TCD Art. 28 within 10 WD."""
    if route in (Route.ACCEPT, Route.TRANSFER):
        return rules.notify_by(received_on)
    return None


def build_entry(
    unit: OrgUnit, data: EntryData, *, actor: User | None, number: int
) -> ReceptionEntry:
    return ReceptionEntry(
        unit=unit,
        year=data.received_on.year,
        number=number,
        received_on=data.received_on,
        day=data.day,
        appointment=data.appointment,
        received_by=actor,
        full_name=data.full_name.strip(),
        address=data.address.strip(),
        id_kind=data.id_kind,
        id_number=data.id_number,
        summary=data.summary.strip(),
        kind=data.kind,
        people_count=data.people_count,
        prior_handling=data.prior_handling,
        route=data.route,
        route_body=data.route_body,
        route_document=data.route_document,
        result=data.result,
        notes=data.notes,
        is_group=data.people_count >= rules.GROUP_MIN_PEOPLE or len(data.members) > 1,
        appointment_signed=data.appointment_signed,
        oral_statement=data.oral_statement,
        statement_signed=data.statement_signed,
        refusal_ground=data.refusal_ground if data.route == Route.REFUSED else "",
        refusal_note=data.refusal_note,
        notify_by=_notify_by(data.route, data.received_on),
    )


def record_entry(
    unit: OrgUnit, data: EntryData, *, actor: User, today: date | None = None
) -> ReceptionEntry:
    """Record one visit in the reception book, with its group, refusal notice and day."""
    today = today or timezone.localdate()
    validate_entry(data, today)
    with transaction.atomic():
        entry = build_entry(
            unit, data, actor=actor, number=_next_number(unit, data.received_on.year)
        )
        entry.citizen = _citizen(data)
        entry.save()
        representatives = {r.strip() for r in data.representatives}
        GroupMember.objects.bulk_create(
            GroupMember(
                entry=entry,
                full_name=name.strip(),
                order=i,
                is_representative=name.strip() in representatives,
            )
            for i, name in enumerate(m for m in data.members if m.strip())
        )
        if entry.route == Route.REFUSED and rules.needs_refusal_notice(entry.refusal_ground):
            RefusalNotice.objects.create(
                entry=entry, due_on=rules.refusal_notice_due(entry.received_on)
            )
        if data.appointment and data.appointment.status == Appointment.Status.BOOKED:
            data.appointment.status = Appointment.Status.ATTENDED
            data.appointment.save(update_fields=["status"])
        day = data.day
        if day and day.status == ReceptionDay.Status.PUBLISHED and day.on <= today:
            day.status = ReceptionDay.Status.HELD
            day.save(update_fields=["status", "updated_at"])
    return entry


def mark_notified(entry: ReceptionEntry, *, on: date, reference: str = "") -> ReceptionEntry:
    """Record the written notice sent to the citizen (TCD Art. 28)."""
    if on < entry.received_on:
        raise DomainError(_("The notice cannot predate the visit."), field="notified_on")
    with transaction.atomic():
        entry.notified_on, entry.notice_reference = on, reference.strip()
        entry.save(update_fields=["notified_on", "notice_reference"])
    return entry


def issue_refusal_notice(
    notice: RefusalNotice, *, number: str = "", issued_on: date
) -> RefusalNotice:
    """Record that Form 01/TCD was issued; without a number it takes the unit's next one."""
    with transaction.atomic():
        if not number.strip():
            serial = next_document_number(notice.entry.unit, issued_on.year, "TB")
            number = f"{serial}/TB-UBND"
        notice.number, notice.issued_on = number, issued_on
        notice.save(update_fields=["number", "issued_on"])
        entry = notice.entry
        entry.notified_on, entry.notice_reference = issued_on, number
        entry.save(update_fields=["notified_on", "notice_reference"])
    return notice


@dataclass(frozen=True)
class ItemData:
    description: str
    pages: int
    condition: str


def add_receipt(
    entry: ReceptionEntry,
    *,
    officer: User,
    received_at: datetime,
    place: str,
    provider_name: str,
    provider_id_number: str,
    items: Sequence[ItemData],
) -> Receipt:
    """Record documents handed over (Form 02/TCD: each item, pages and condition)."""
    items = [i for i in items if i.description.strip()]
    if not items:
        raise DomainError(_("List at least one document handed over."), field="items")
    if any(i.pages < 1 for i in items):
        raise DomainError(_("Every document has at least one page."), field="items")
    if any(i.condition not in ReceiptItem.Condition.values for i in items):
        raise DomainError(_("Say whether each document is an original or a copy."), field="items")
    with transaction.atomic():
        receipt = Receipt.objects.create(
            entry=entry,
            received_at=received_at,
            place=place,
            officer=officer,
            provider_name=_required(
                provider_name, "provider_name", _("Give the name of the person handing over.")
            ),
            provider_id_number=provider_id_number.strip(),
        )
        ReceiptItem.objects.bulk_create(
            ReceiptItem(
                receipt=receipt,
                description=i.description.strip(),
                pages=i.pages,
                condition=i.condition,
                order=n,
            )
            for n, i in enumerate(items)
        )
    return receipt


def attach_statement_scan(entry: ReceptionEntry, scan: UploadedFile) -> ReceptionEntry:
    """Attach the scan of the signed oral-statement record (TCD Arts. 7, 25; rule 6).

    Storage gets the checked copy: a phone photo of the record loses its GPS and device tags.
    """
    clean = clean_upload(scan, SCAN)
    with transaction.atomic():
        entry.statement_scan.save(clean.name, clean.as_file(), save=False)
        entry.statement_signed = True
        entry.save(update_fields=["statement_scan", "statement_signed"])
    return entry
