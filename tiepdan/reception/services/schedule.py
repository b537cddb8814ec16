"""Planning and publishing reception days (TCD Arts. 15, 24; Regulation 11)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.lib.uploads import RECORDING, clean_upload
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception import rules
from tiepdan.reception.models import Appointment, ReceptionDay, ReceptionSchedule


@dataclass(frozen=True)
class DayDetails:
    """What a reception day says: hours, place, who attends and the topics."""

    starts_at: time
    ends_at: time
    place: str
    attendees: str = ""
    topics: str = ""
    capacity: int = 20


def _d(value: date) -> str:
    return date_format(value, "d/m/Y")


def _check_hours(details: DayDetails) -> None:
    if details.starts_at >= details.ends_at:
        raise DomainError(_("The session must end after it starts."), field="ends_at")
    if not details.place.strip():
        raise DomainError(_("Give the place of the reception."), field="place")


def _check_leader(unit: OrgUnit, leader: User) -> None:
    if leader.unit_id != unit.pk:
        raise DomainError(_("The leader must belong to this unit."), field="leader")


def _check_not_past(on: date, today: date) -> None:
    if on < today:
        raise DomainError(
            _("%(date)s is in the past: a reception day can only be planned from today on.")
            % {"date": _d(on)},
            field="on",
        )


def _check_overlap(leader: User, on: date, details: DayDetails, exclude: int | None = None) -> None:
    """One leader cannot hold two sessions at the same time."""
    others = ReceptionDay.objects.active().filter(leader=leader, on=on)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    for other in others:
        if rules.overlaps(details.starts_at, details.ends_at, other.starts_at, other.ends_at):
            raise Conflict(
                _(
                    "%(leader)s already has a reception on %(date)s from %(start)s to %(end)s; "
                    "the times overlap."
                )
                % {
                    "leader": leader,
                    "date": _d(on),
                    "start": other.starts_at.strftime("%H:%M"),
                    "end": other.ends_at.strftime("%H:%M"),
                },
                field="starts_at",
            )


def create_schedule(
    *,
    unit: OrgUnit,
    leader: User,
    weekday: int,
    weeks_of_month: str,
    details: DayDetails,
    valid_from: date,
    valid_until: date | None = None,
) -> ReceptionSchedule:
    """Create a recurring reception rule for a leader."""
    _check_hours(details)
    _check_leader(unit, leader)
    try:
        weeks = rules.parse_weeks(weeks_of_month)
    except ValueError as exc:
        raise DomainError(
            _("Weeks of the month are numbers 1–5 or -1 (the last week), separated by commas."),
            field="weeks_of_month",
        ) from exc
    if weekday > 4:
        raise DomainError(
            _("Reception days fall on working days (Monday to Friday)."), field="weekday"
        )
    if valid_until and valid_until < valid_from:
        raise DomainError(_("The end date comes before the start date."), field="valid_until")
    with transaction.atomic():
        return ReceptionSchedule.objects.create(
            unit=unit,
            leader=leader,
            weekday=weekday,
            weeks_of_month=",".join(str(w) for w in weeks),
            starts_at=details.starts_at,
            ends_at=details.ends_at,
            place=details.place,
            attendees=details.attendees,
            topics=details.topics,
            capacity=details.capacity,
            valid_from=valid_from,
            valid_until=valid_until,
        )


def generate_days(
    schedule: ReceptionSchedule, *, start: date, end: date, today: date | None = None
) -> tuple[list[ReceptionDay], list[date]]:
    """Create draft days of a schedule in [start, end]; return them and the dates skipped
    (days off, dates already planned, clashes with the leader's other sessions)."""
    today = today or timezone.localdate()
    start = max(start, today, schedule.valid_from)
    if schedule.valid_until:
        end = min(end, schedule.valid_until)
    dates, skipped = rules.occurrences(
        weekday=schedule.weekday, weeks_of_month=schedule.weeks(), start=start, end=end
    )
    details = DayDetails(
        schedule.starts_at,
        schedule.ends_at,
        schedule.place,
        schedule.attendees,
        schedule.topics,
        schedule.capacity,
    )
    created: list[ReceptionDay] = []
    with transaction.atomic():
        for on in dates:
            if schedule.days.filter(on=on).exists():
                skipped.append(on)
                continue
            try:
                _check_overlap(schedule.leader, on, details)
            except Conflict:
                skipped.append(on)
                continue
            created.append(_new_day(schedule.unit, schedule.leader, on, details, schedule=schedule))
    return created, sorted(skipped)


def _new_day(
    unit: OrgUnit, leader: User, on: date, details: DayDetails, **extra: object
) -> ReceptionDay:
    return ReceptionDay.objects.create(
        unit=unit,
        leader=leader,
        on=on,
        starts_at=details.starts_at,
        ends_at=details.ends_at,
        place=details.place,
        attendees=details.attendees,
        topics=details.topics,
        capacity=details.capacity,
        **extra,
    )


def create_day(
    *,
    unit: OrgUnit,
    leader: User,
    on: date,
    details: DayDetails,
    adhoc_reason: str = "",
    adhoc_note: str = "",
    mode: str = ReceptionDay.Mode.IN_PERSON,
    online_link: str = "",
    today: date | None = None,
) -> ReceptionDay:
    """Plan a one-off day; with an ad-hoc reason it is an unscheduled session, published now."""
    today = today or timezone.localdate()
    if mode == ReceptionDay.Mode.ONLINE and not online_link.strip():
        raise DomainError(
            _("An online session needs the link citizens will join (Decree 154 Art. 23)."),
            field="online_link",
        )
    _check_hours(details)
    _check_leader(unit, leader)
    _check_not_past(on, today)
    if adhoc_reason and adhoc_reason not in ReceptionDay.AdhocReason.values:
        raise DomainError(_("Choose a reason from the list."), field="adhoc_reason")
    with transaction.atomic():
        _check_overlap(leader, on, details)
        kind = ReceptionDay.Kind.ADHOC if adhoc_reason else ReceptionDay.Kind.PERIODIC
        day = _new_day(
            unit,
            leader,
            on,
            details,
            kind=kind,
            adhoc_reason=adhoc_reason,
            adhoc_note=adhoc_note,
            mode=mode,
            online_link=online_link.strip(),
        )
        if adhoc_reason:
            publish_day(day, today=today)
    return day


def publish_day(day: ReceptionDay, *, today: date | None = None) -> ReceptionDay:
    """Publish a planned day; a periodic day needs 5 working days' notice (TCD Art. 24)."""
    today = today or timezone.localdate()
    if day.status != ReceptionDay.Status.DRAFT:
        raise DomainError(_("Only a planned (draft) day can be published."))
    _check_not_past(day.on, today)
    if day.kind == ReceptionDay.Kind.PERIODIC and not rules.is_published_in_time(day.on, today):
        raise DomainError(
            _(
                "The schedule must be published at least %(days)s working days before the "
                "session (Law on Citizen Reception Art. 24): the last day to publish the "
                "session of %(date)s was %(latest)s. Move the session to %(earliest)s or later."
            )
            % {
                "days": rules.PUBLISH_LEAD_WORKING_DAYS,
                "date": _d(day.on),
                "latest": _d(rules.latest_publication_date(day.on)),
                "earliest": _d(rules.earliest_session_date(today)),
            },
            field="on",
            code="late_publication",
        )
    with transaction.atomic():
        day.status, day.published_on = ReceptionDay.Status.PUBLISHED, today
        day.sequence += 1
        day.save(update_fields=["status", "published_on", "sequence", "updated_at"])
    return day


def publish_planned(
    days: QuerySet[ReceptionDay], *, until: date, today: date | None = None
) -> list[ReceptionDay]:
    """Publish the planned days up to `until` that still give 5 working days' notice."""
    today = today or timezone.localdate()
    earliest = rules.earliest_session_date(today)
    drafts = days.filter(status=ReceptionDay.Status.DRAFT, on__gte=earliest, on__lte=until)
    return [publish_day(day, today=today) for day in drafts.order_by("on")]


def _require_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give the reason; it is published with the notice."), field="reason")
    return reason


def postpone_day(
    day: ReceptionDay,
    *,
    new_on: date,
    reason: str,
    starts_at: time | None = None,
    ends_at: time | None = None,
    today: date | None = None,
) -> ReceptionDay:
    """Move a day to a new date with a public notice (TCD Art. 24); bookings move with it."""
    today = today or timezone.localdate()
    reason = _require_reason(reason)
    if day.status not in (ReceptionDay.Status.PUBLISHED, ReceptionDay.Status.DRAFT):
        raise DomainError(_("Only a planned or published day can be postponed."))
    _check_not_past(new_on, today)
    details = DayDetails(
        starts_at or day.starts_at,
        ends_at or day.ends_at,
        day.place,
        day.attendees,
        day.topics,
        day.capacity,
    )
    _check_hours(details)
    with transaction.atomic():
        _check_overlap(day.leader, new_on, details, exclude=day.pk)
        new_day = _new_day(
            day.unit,
            day.leader,
            new_on,
            details,
            schedule=day.schedule,
            kind=day.kind,
            adhoc_reason=day.adhoc_reason,
            adhoc_note=day.adhoc_note,
            mode=day.mode,
            status=day.status,
            published_on=today if day.published_on else None,
        )
        day.status, day.change_reason, day.replaced_by = (
            ReceptionDay.Status.POSTPONED,
            reason,
            new_day,
        )
        day.sequence += 1
        day.save(update_fields=["status", "change_reason", "replaced_by", "sequence", "updated_at"])
        day.appointments.filter(status=Appointment.Status.BOOKED).update(day=new_day)
    return new_day


def cancel_day(day: ReceptionDay, *, reason: str) -> ReceptionDay:
    """Cancel a day; the reason is published and the calendar feeds show it as cancelled."""
    reason = _require_reason(reason)
    if day.status not in (ReceptionDay.Status.PUBLISHED, ReceptionDay.Status.DRAFT):
        raise DomainError(_("Only a planned or published day can be cancelled."))
    with transaction.atomic():
        day.status, day.change_reason = ReceptionDay.Status.CANCELLED, reason
        day.sequence += 1
        day.save(update_fields=["status", "change_reason", "sequence", "updated_at"])
    return day


def mark_held(day: ReceptionDay, *, today: date | None = None) -> ReceptionDay:
    """Record that a published day took place (it then counts for Regulation 11)."""
    today = today or timezone.localdate()
    if day.status == ReceptionDay.Status.HELD:
        return day
    if day.status != ReceptionDay.Status.PUBLISHED:
        raise DomainError(_("Only a published day can be marked as held."))
    if day.on > today:
        raise DomainError(_("A day in the future cannot have been held yet."))
    with transaction.atomic():
        day.status = ReceptionDay.Status.HELD
        day.save(update_fields=["status", "updated_at"])
    return day


def _require_online(day: ReceptionDay) -> None:
    if day.mode != ReceptionDay.Mode.ONLINE:
        raise DomainError(_("This is not an online session."))


def record_link_test(day: ReceptionDay, *, on: date) -> ReceptionDay:
    """Record the connection test of an online session (due 1 working day ahead, ND154 Art. 24)."""
    _require_online(day)
    if on > day.on:
        raise DomainError(_("The test cannot come after the session."), field="on")
    with transaction.atomic():
        day.link_tested_on = on
        day.save(update_fields=["link_tested_on", "updated_at"])
    return day


def attach_recording(
    day: ReceptionDay, recording: UploadedFile, *, today: date | None = None
) -> ReceptionDay:
    """Keep the recording of an online session on the system (Decree 154 Art. 23)."""
    today = today or timezone.localdate()
    _require_online(day)
    clean = clean_upload(recording, RECORDING)
    if day.on > today:
        raise DomainError(_("A session is recorded on or after its day."))
    with transaction.atomic():
        day.recording.save(clean.name, clean.as_file(), save=False)
        day.save(update_fields=["recording", "updated_at"])
    return day
