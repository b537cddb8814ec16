"""How long personal data is kept, per record type, and purging what has expired (rule 26).

Law 91/2025 asks for retention "only as long as needed"; no statute fixes these periods for a
ward's reception records (DOMAIN §13 lists case-file retention periods as unconfirmed; only
inadmissible letters have a figure, 1 year under Circular 07/2014 Art. 28). The defaults below are
therefore conservative and configurable: set `TIEPDAN_RETENTION` (environment, e.g.
`bookings=365,citizens=1825`) or the `TIEPDAN_RETENTION_DAYS` setting to the unit's archive list.
A period of 0 keeps that record type for ever.

`plan(today)` counts what has expired; `apply(today)` purges or anonymises it. Nothing younger
than its period is touched, and the case files themselves (cases, timelines, answers) are kept:
their citizens are anonymised instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tiepdan.cases.models import Case, CaseCitizen, IdentityAccess, Status
from tiepdan.cases.models.records import Attachment
from tiepdan.citizens.models import Citizen
from tiepdan.privacy.models import Consent, DataSubjectRequest
from tiepdan.reception.models import Appointment, GroupMember, ReceptionEntry

logger = logging.getLogger(__name__)

#: What an anonymised name reads (stored data, so Vietnamese, the language of the records).
ANONYMOUS = "Đã ẩn danh"


@dataclass(frozen=True)
class RecordType:
    key: str
    label: str | Promise
    default_days: int
    action: str | Promise  # shown on the notice
    verb: str  # in the command's log: "anonymise" or "delete"
    expired: Callable[[date], models.QuerySet]
    purge: Callable[[models.QuerySet], int]


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


# --- Which rows have expired --------------------------------------------------------------------


def _expired_citizens(cutoff: date) -> models.QuerySet:
    """Citizens whose every case is closed since before the cutoff, with no recent visit.

    A citizen with no case and no recent visit (an old book entry's, once that entry was
    anonymised) expires too, counted from the day the row was made.
    """
    still_needed = (
        ~Q(case__status=Status.CLOSED)
        | Q(case__closed_on__isnull=True)
        | Q(case__closed_on__gte=cutoff)
    )
    open_or_recent = CaseCitizen.objects.filter(still_needed).values("citizen_id")
    recent_visits = ReceptionEntry.objects.filter(
        citizen__isnull=False, received_on__gte=cutoff
    ).values("citizen_id")
    return (
        Citizen.objects.filter(created_at__lt=_start(cutoff))
        .exclude(full_name=ANONYMOUS)
        .exclude(pk__in=open_or_recent)
        .exclude(pk__in=recent_visits)
    )


def _expired_entries(cutoff: date) -> models.QuerySet:
    return ReceptionEntry.objects.filter(received_on__lt=cutoff).exclude(full_name=ANONYMOUS)


def _expired_bookings(cutoff: date) -> models.QuerySet:
    return Appointment.objects.filter(day__on__lt=cutoff)


def _expired_attachments(cutoff: date) -> models.QuerySet:
    closed = Case.objects.filter(status=Status.CLOSED, closed_on__lt=cutoff)
    return Attachment.objects.filter(case__in=closed)


def _expired_identity_accesses(cutoff: date) -> models.QuerySet:
    return IdentityAccess.objects.filter(at__lt=_start(cutoff))


def _expired_requests(cutoff: date) -> models.QuerySet:
    return DataSubjectRequest.objects.filter(closed_at__lt=_start(cutoff))


# --- What is done to them ------------------------------------------------------------------------


def _anonymise_citizens(rows: models.QuerySet) -> int:
    count = 0
    for citizen in rows.iterator(chunk_size=500):
        citizen.full_name = ANONYMOUS
        citizen.id_kind = Citizen.IdKind.NONE
        citizen.id_number = citizen.phone = citizen.email = citizen.address = ""
        citizen.id_issued_by = citizen.sex = ""
        citizen.id_issued_on = citizen.birth_year = None
        citizen.save()  # save() keeps the name key and the lookup hashes in step
        count += 1
    return count


def _anonymise_entries(rows: models.QuerySet) -> int:
    ids = list(rows.values_list("pk", flat=True))
    GroupMember.objects.filter(entry_id__in=ids).update(full_name=ANONYMOUS)
    return ReceptionEntry.objects.filter(pk__in=ids).update(
        full_name=ANONYMOUS, address="", id_kind=Citizen.IdKind.NONE, id_number="", citizen=None
    )


def _delete_with_consents(form: str) -> Callable[[models.QuerySet], int]:
    def purge(rows: models.QuerySet) -> int:
        ids = list(rows.values_list("pk", flat=True))
        Consent.objects.filter(form=form, record_id__in=ids).delete()
        return rows.model.objects.filter(pk__in=ids).delete()[1].get(rows.model._meta.label, 0)

    return purge


def _delete_attachments(rows: models.QuerySet) -> int:
    count = 0
    for attachment in rows.iterator(chunk_size=200):
        attachment.file.delete(save=False)  # the file on disk, then its row
        attachment.delete()
        count += 1
    return count


def _delete(rows: models.QuerySet) -> int:
    return rows.delete()[1].get(rows.model._meta.label, 0)


RECORD_TYPES = [
    RecordType(
        "citizens",
        _("Citizens whose cases are all closed"),
        5 * 365,
        _("anonymise"),
        "anonymise",
        _expired_citizens,
        _anonymise_citizens,
    ),
    RecordType(
        "reception_entries",
        _("Reception-book entries"),
        10 * 365,
        _("anonymise"),
        "anonymise",
        _expired_entries,
        _anonymise_entries,
    ),
    RecordType(
        "bookings",
        _("Bookings of reception days"),
        365,
        _("delete"),
        "delete",
        _expired_bookings,
        _delete_with_consents(Consent.Form.BOOKING),
    ),
    RecordType(
        "attachments",
        _("Attached files of closed cases"),
        5 * 365,
        _("delete"),
        "delete",
        _expired_attachments,
        _delete_attachments,
    ),
    RecordType(
        "identity_accesses",
        _("Log of views of a denouncer's identity"),
        5 * 365,
        _("delete"),
        "delete",
        _expired_identity_accesses,
        _delete,
    ),
    RecordType(
        "privacy_requests",
        _("Closed data-subject requests"),
        3 * 365,
        _("delete"),
        "delete",
        _expired_requests,
        _delete_with_consents(Consent.Form.REQUEST),
    ),
]
BY_KEY = {t.key: t for t in RECORD_TYPES}


def periods() -> dict[str, int]:
    """Days kept per record type: the defaults, then the setting (`TIEPDAN_RETENTION`)."""
    days = {t.key: t.default_days for t in RECORD_TYPES}
    chosen = getattr(settings, "TIEPDAN_RETENTION_DAYS", {}) or {}
    days.update({key: int(value) for key, value in chosen.items() if key in days})
    return days


@dataclass(frozen=True)
class Line:
    record_type: RecordType
    days: int
    cutoff: date | None
    count: int


def plan(today: date) -> list[Line]:
    """What has expired on `today`, per record type (nothing is changed)."""
    lines = []
    for record_type, days in ((t, periods()[t.key]) for t in RECORD_TYPES):
        if days <= 0:
            lines.append(Line(record_type, days, None, 0))
            continue
        cutoff = today - timedelta(days=days)
        lines.append(Line(record_type, days, cutoff, record_type.expired(cutoff).count()))
    return lines


def apply(today: date) -> list[Line]:
    """Purge or anonymise what has expired on `today`; the counts of what was done."""
    done = []
    for line in plan(today):
        count = 0
        if line.cutoff is not None and line.count:
            with transaction.atomic():
                count = line.record_type.purge(line.record_type.expired(line.cutoff))
        logger.info("retention: %s %s: %d", line.record_type.verb, line.record_type.key, count)
        done.append(Line(line.record_type, line.days, line.cutoff, count))
    return done
