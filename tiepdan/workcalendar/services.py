"""Writes on the announced days. Each change rebuilds the installed calendar once committed."""

from __future__ import annotations

import logging
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.lib.workdays import reset_installed_calendar
from tiepdan.workcalendar import rules
from tiepdan.workcalendar.loader import bump_version
from tiepdan.workcalendar.models import Holiday

logger = logging.getLogger(__name__)


def add_holiday(*, on: date, kind: str, name: str, source: str, actor: User | None) -> Holiday:
    """Record an announced extra day off or make-up working day."""
    holiday = Holiday(created_by=actor)
    _fill(holiday, on=on, kind=kind, name=name, source=source)
    with transaction.atomic():
        _refuse_duplicate(on)
        try:
            with transaction.atomic():
                holiday.save()
        except IntegrityError as exc:
            raise _duplicate(on) from exc
        _calendar_changed("added", holiday, actor)
    return holiday


def update_holiday(
    holiday: Holiday, *, on: date, kind: str, name: str, source: str, actor: User | None
) -> Holiday:
    """Change an announced day's date, kind, name or source."""
    _fill(holiday, on=on, kind=kind, name=name, source=source)
    with transaction.atomic():
        _refuse_duplicate(on, exclude_pk=holiday.pk)
        try:
            with transaction.atomic():
                holiday.save(update_fields=["date", "kind", "name", "source", "year", "updated_at"])
        except IntegrityError as exc:
            raise _duplicate(on) from exc
        _calendar_changed("changed", holiday, actor)
    return holiday


def delete_holiday(holiday: Holiday, *, actor: User | None) -> None:
    """Remove an announced day (the statutory calendar applies to that date again)."""
    with transaction.atomic():
        holiday.delete()
        _calendar_changed("removed", holiday, actor)


def _fill(holiday: Holiday, *, on: date, kind: str, name: str, source: str) -> None:
    if kind not in Holiday.Kind.values:
        raise DomainError(_("Choose whether the day is a day off or a working day."), field="kind")
    name, source = " ".join(name.split()), " ".join(source.split())
    if not name:
        raise DomainError(_("Give the day a name, e.g. “Nghỉ Tết Dương lịch”."), field="name")
    if not source:
        raise DomainError(
            _("Give the number of the notice that announced the day, e.g. 12729/VPCP-KGVX."),
            field="source",
        )
    rules.check_announced_day(on, makeup=kind == Holiday.Kind.MAKEUP)
    holiday.date, holiday.kind, holiday.name, holiday.source = on, kind, name, source
    holiday.year = on.year


def _refuse_duplicate(on: date, exclude_pk: int | None = None) -> None:
    others = Holiday.objects.filter(date=on)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise _duplicate(on)


def _duplicate(on: date) -> Conflict:
    return Conflict(
        _("%(date)s is already in the calendar; change or remove that entry instead.")
        % {"date": date_format(on, "d/m/Y")},
        field="date",
    )


def _calendar_changed(action: str, holiday: Holiday, actor: User | None) -> None:
    logger.info(
        "working-day calendar: %s %s %s (%s) by %s",
        action,
        holiday.date,
        holiday.kind,
        holiday.source,
        actor,
    )

    def refresh() -> None:
        bump_version()
        reset_installed_calendar()

    transaction.on_commit(refresh)
