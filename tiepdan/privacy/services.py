"""Data-subject requests: filing, acknowledging within 2 working days, closing (rule 26).

Decree 356/2025 (as Decree 13/2023 before it, 72 h) sets the acknowledgement deadline; DOMAIN §8
counts it as 2 working days from the day of receipt (`lib.workdays`).
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.lib.workdays import add_working_days
from tiepdan.orgunits.models import OrgUnit
from tiepdan.privacy.consent import record_consent
from tiepdan.privacy.models import Consent, DataSubjectRequest

ACK_WORKING_DAYS = 2


def ack_due(received_on: date) -> date:
    """The acknowledgement deadline: 2 working days after the day of receipt."""
    return add_working_days(received_on, ACK_WORKING_DAYS)


def file_request(
    unit: OrgUnit,
    *,
    kind: str,
    requester: str,
    contact: str,
    details: str = "",
    channel: str = DataSubjectRequest.Channel.ONLINE,
    actor: User | None = None,
    now: datetime | None = None,
    consented: bool = False,
) -> DataSubjectRequest:
    """Log a request from the public form or entered by staff; its deadline starts now.

    `consented` (the public form's box) keeps the proof of consent in the same transaction:
    the request and its proof are saved together or not at all (Law 91/2025).
    """
    now = now or timezone.now()
    if not requester.strip():
        raise DomainError(_("Give the requester's name."), field="requester")
    if not contact.strip():
        raise DomainError(_("Give a phone number or e-mail address to reply to."), field="contact")
    if unit.level != OrgUnit.Level.COMMUNE:
        raise DomainError(_("Choose a ward or commune."), field="unit")
    with transaction.atomic():
        made = DataSubjectRequest.objects.create(
            unit=unit,
            kind=kind,
            channel=channel,
            requester=requester.strip(),
            contact=contact.strip(),
            details=details.strip(),
            received_at=now,
            ack_due_on=ack_due(timezone.localdate(now)),
            created_by=actor,
        )
        if consented:
            record_consent(Consent.Form.REQUEST, made.pk, unit, at=now)
    return made


def acknowledge(
    request: DataSubjectRequest, *, actor: User, now: datetime | None = None
) -> DataSubjectRequest:
    """Record that the citizen was told the request was received (once)."""
    if request.acknowledged_at is not None:
        raise Conflict(_("This request was already acknowledged."))
    if request.closed_at is not None:
        raise Conflict(_("This request is closed."))
    request.acknowledged_at = now or timezone.now()
    request.acknowledged_by = actor
    request.save(update_fields=["acknowledged_at", "acknowledged_by"])
    return request


def close(
    request: DataSubjectRequest,
    *,
    actor: User,
    outcome: str,
    note: str,
    now: datetime | None = None,
) -> DataSubjectRequest:
    """Close a request with its outcome; closing also counts as acknowledging it."""
    if request.closed_at is not None:
        raise Conflict(_("This request is closed."))
    if outcome not in DataSubjectRequest.Outcome.values:
        raise DomainError(_("Choose the outcome."), field="outcome")
    if not note.strip():
        raise DomainError(_("Say what was done (or why it was refused)."), field="outcome_note")
    now = now or timezone.now()
    if request.acknowledged_at is None:
        request.acknowledged_at, request.acknowledged_by = now, actor
    request.closed_at, request.closed_by = now, actor
    request.outcome, request.outcome_note = outcome, note.strip()
    request.save()
    return request
