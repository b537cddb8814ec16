"""Writes on a unit's own case settings: its fields, period overrides and notice wording."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from tiepdan.cases import rules
from tiepdan.cases.models import DEFAULT_FIELDS, CasePolicy, Field, NoticeTemplate
from tiepdan.lib.text import fold
from tiepdan.orgunits.models import OrgUnit


def ensure_fields(unit: OrgUnit) -> list[Field]:
    """The unit's fields, creating the default list the first time."""
    fields = list(Field.objects.filter(unit=unit, is_active=True))
    if not fields and not Field.objects.filter(unit=unit).exists():
        Field.objects.bulk_create(
            [
                Field(unit=unit, code=code, name=name, position=i)
                for i, (code, name) in enumerate(DEFAULT_FIELDS)
            ],
            ignore_conflicts=True,
        )
        fields = list(Field.objects.filter(unit=unit, is_active=True))
    return fields


def save_policy(policy: CasePolicy, *, reminder_working_days: int, periods: dict[str, int]) -> None:
    """Store a unit's period overrides (only known periods) and reminder lead time."""
    policy.periods = {k: int(v) for k, v in periods.items() if k in rules.PERIODS}
    policy.reminder_working_days = reminder_working_days
    with transaction.atomic():
        policy.save(update_fields=["periods", "reminder_working_days"])


def save_field(field: Field, *, unit: OrgUnit) -> Field:
    """Add or change one of the unit's fields; a new one gets a code from its name."""
    field.unit = unit
    if not field.code:
        base = slugify(fold(field.name))[:25] or "linh-vuc"
        field.code = base
        n = 2
        while Field.objects.filter(unit=unit, code=field.code).exclude(pk=field.pk).exists():
            field.code, n = f"{base}-{n}", n + 1
    with transaction.atomic():
        field.save()
    return field


def save_notice_template(unit: OrgUnit, kind: str, *, summary: str, body: str) -> NoticeTemplate:
    """Store the unit's wording of one notice."""
    with transaction.atomic():
        template, _created = NoticeTemplate.objects.update_or_create(
            unit=unit, kind=kind, defaults={"summary": summary, "body": body}
        )
    return template
