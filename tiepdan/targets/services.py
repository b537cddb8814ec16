"""Writes on work programmes: programmes, targets, results and ratings."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import OrgUnit
from tiepdan.targets import rules
from tiepdan.targets.models import Programme, Target, TargetResult, UnitRating
from tiepdan.targets.periods import Period

TARGET_FIELDS = (
    "name",
    "group",
    "measure",
    "plan",
    "direction",
    "decimals",
    "value_decimals",
    "change_decimals",
    "source",
    "builtin",
    "order",
    "responsible",
)


def create_programme(*, unit: OrgUnit, year: int, title: str, source: str = "") -> Programme:
    """Open a unit's work programme for a year (one per unit and year)."""
    with transaction.atomic():
        if Programme.objects.filter(unit=unit, year=year).exists():
            raise DomainError(
                _("%(unit)s already has a work programme for %(year)s.")
                % {"unit": unit, "year": year},
                field="year",
            )
        return Programme.objects.create(unit=unit, year=year, title=title, source=source)


def save_target(programme: Programme, *, code: str, **fields: object) -> Target:
    """Add a target to a programme or change the one with this code; the plan must make sense."""
    problem = rules.plan_problem(
        fields.get("plan"),  # type: ignore[arg-type]
        str(fields.get("direction") or rules.HIGHER),
    )
    if problem:
        raise DomainError(problem, field="plan")
    responsible = fields.get("responsible")
    if isinstance(responsible, User) and responsible.unit_id != programme.unit_id:
        raise DomainError(
            _("The responsible officer must work in %(unit)s.") % {"unit": programme.unit},
            field="responsible",
        )
    unknown = set(fields) - set(TARGET_FIELDS)
    if unknown:
        raise ValueError(f"unknown target fields: {sorted(unknown)}")
    with transaction.atomic():
        target = Target.objects.filter(programme=programme, code=code).first()
        if target is None:
            return Target.objects.create(programme=programme, code=code, **fields)
        for name, value in fields.items():
            setattr(target, name, value)
        target.save(update_fields=list(fields))
        return target


def record_result(
    target: Target,
    *,
    period: Period,
    value: Decimal,
    previous: Decimal | None = None,
    note: str = "",
    actor: User | None = None,
    computed: bool = False,
) -> TargetResult:
    """Enter (or correct) a target's result for a period of the programme's year."""
    if period.year != target.programme.year:
        raise DomainError(
            _("The period %(period)s lies outside the programme's year %(year)s.")
            % {"period": period.code, "year": target.programme.year},
            field="period",
        )
    if value is None or value < 0:
        raise DomainError(_("A result cannot be negative."), field="value")
    if previous is not None and previous < 0:
        raise DomainError(_("Last year's value cannot be negative."), field="previous")
    with transaction.atomic():
        result, _created = TargetResult.objects.update_or_create(
            target=target,
            year=period.year,
            kind=period.kind,
            index=period.index,
            defaults={
                "value": value,
                "previous": previous,
                "note": note,
                "entered_by": actor,
                "computed": computed,
            },
        )
    return result


def set_rating(*, unit: OrgUnit, year: int, rating: str, decided_by: str = "") -> UnitRating:
    """Record the unit's rating for a year (replacing an earlier entry for that year)."""
    if rating not in UnitRating.Rating.values:
        raise DomainError(_("Choose one of the ratings."), field="rating")
    with transaction.atomic():
        record, _created = UnitRating.objects.update_or_create(
            unit=unit, year=year, defaults={"rating": rating, "decided_by": decided_by}
        )
    return record
