"""Citizens booking a place on a published reception day, and staff marking who came."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.lib.ids import normalize_phone, parse_cccd
from tiepdan.reception.models import Appointment, ReceptionDay

# No 0/O, 1/I/L: codes are read out over the phone and typed on small keyboards.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def normalize_code(code: str) -> str:
    """Accept codes typed in lower case, with spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def _check_day_open(day: ReceptionDay, today: date) -> None:
    if day.status == ReceptionDay.Status.CANCELLED:
        raise DomainError(
            _("This reception day has been cancelled: %(reason)s") % {"reason": day.change_reason}
        )
    if day.status == ReceptionDay.Status.POSTPONED:
        raise DomainError(_("This reception day has been postponed; book the new date instead."))
    if day.status != ReceptionDay.Status.PUBLISHED or day.on < today:
        raise DomainError(_("Bookings for this day are closed."))


def _clean_phone(phone: str) -> str:
    try:
        return normalize_phone(phone)
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="phone") from exc


def _clean_id(id_number: str, today: date) -> str:
    if not id_number.strip():
        return ""
    try:
        return parse_cccd(id_number, today=today).number
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="id_number") from exc


def book(
    day: ReceptionDay,
    *,
    full_name: str,
    phone: str,
    subject: str,
    id_number: str = "",
    today: date | None = None,
    on_created: Callable[[Appointment], object] | None = None,
) -> Appointment:
    """Book a place for a citizen: one per phone per day, within the day's capacity.

    `on_created` runs with the new booking in its transaction, so what it writes (the public
    form's proof of consent, kept by an app above this one) is saved with it or not at all.
    """
    today = today or timezone.localdate()
    phone_e164 = _clean_phone(phone)
    cccd = _clean_id(id_number, today)
    if not full_name.strip():
        raise DomainError(_("Give your full name."), field="full_name")
    if not subject.strip():
        raise DomainError(_("Say in one line what you want to raise."), field="subject")
    with transaction.atomic():
        day = ReceptionDay.objects.select_for_update().get(pk=day.pk)
        _check_day_open(day, today)
        taken = day.appointments.exclude(status=Appointment.Status.CANCELLED)
        if taken.with_phone(phone_e164).exists():
            raise Conflict(_("This phone number already has a booking on this day."), field="phone")
        if taken.count() >= day.capacity:
            raise Conflict(_("This reception day is fully booked; choose another day."))
        position = (day.appointments.aggregate(m=Max("position"))["m"] or 0) + 1
        try:
            with transaction.atomic():
                appointment = Appointment.objects.create(
                    day=day,
                    code=new_code(),
                    position=position,
                    full_name=full_name.strip(),
                    phone=phone_e164,
                    id_number=cccd,
                    subject=subject.strip(),
                )
        except IntegrityError as exc:
            raise Conflict(_("This phone number already has a booking on this day.")) from exc
        if on_created is not None:
            on_created(appointment)
    return appointment


def cancel_booking(code: str, *, today: date | None = None) -> Appointment:
    """Cancel a booking with its code (the citizen's only key to it)."""
    today = today or timezone.localdate()
    try:
        appointment = Appointment.objects.select_related("day").get(code=normalize_code(code))
    except Appointment.DoesNotExist as exc:
        raise DomainError(
            _("No booking has this code; check it and try again."), field="code"
        ) from exc
    if appointment.status != Appointment.Status.BOOKED:
        raise DomainError(_("This booking is no longer active."), field="code")
    if appointment.day.on < today:
        raise DomainError(_("The reception day has passed."), field="code")
    with transaction.atomic():
        appointment.status, appointment.cancelled_at = Appointment.Status.CANCELLED, timezone.now()
        appointment.save(update_fields=["status", "cancelled_at"])
    return appointment


def mark_attendance(appointment: Appointment, *, came: bool) -> Appointment:
    """Record whether the citizen came on the day."""
    if appointment.status == Appointment.Status.CANCELLED:
        raise DomainError(_("This booking was cancelled."))
    with transaction.atomic():
        appointment.status = Appointment.Status.ATTENDED if came else Appointment.Status.NO_SHOW
        appointment.save(update_fields=["status"])
    return appointment
